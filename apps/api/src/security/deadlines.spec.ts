import { Deadlines } from './deadlines';

describe('Deadlines', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('holds a deadline until it ends, then forgets it', () => {
    const waits = new Deadlines(10, clock);
    waits.set('a', now + 1500);
    expect(waits.remainingMs('a')).toBe(1500);
    expect(waits.remainingMs('b')).toBe(0);
    expect(waits.remainingMs(undefined)).toBe(0);
    now += 1000;
    expect(waits.remainingMs('a')).toBe(500);
    now += 500;
    expect(waits.remainingMs('a')).toBe(0);
    expect(waits.size).toBe(0);
  });

  it('ends a deadline set to a time already past', () => {
    const mutes = new Deadlines(10, clock);
    mutes.set('ada', now + 60_000);
    mutes.set('ada', 0);
    expect(mutes.remainingMs('ada')).toBe(0);
    expect(mutes.size).toBe(0);
  });

  it('drops ended deadlines as new ones come, and keeps at most maxKeys', () => {
    const waits = new Deadlines(3, clock);
    for (const key of ['a', 'b']) waits.set(key, now + 100);
    now += 100;
    waits.set('c', now + 100);
    expect(waits.size).toBe(1);
    for (const key of ['d', 'e', 'f']) waits.set(key, now + 100);
    expect(waits.size).toBe(3);
    expect(waits.remainingMs('c')).toBe(0);
    expect(waits.remainingMs('f')).toBe(100);
  });
});
