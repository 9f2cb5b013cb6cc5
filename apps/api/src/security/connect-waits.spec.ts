import { ConnectWaits } from './connect-waits';

describe('ConnectWaits', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('holds a wait until it ends, then forgets it', () => {
    const waits = new ConnectWaits(10, clock);
    waits.wait('a', 1500);
    expect(waits.waitMs('a')).toBe(1500);
    expect(waits.waitMs('b')).toBe(0);
    now += 1000;
    expect(waits.waitMs('a')).toBe(500);
    now += 500;
    expect(waits.waitMs('a')).toBe(0);
    expect(waits.size).toBe(0);
  });

  it('drops ended waits as new ones come, and keeps at most maxKeys', () => {
    const waits = new ConnectWaits(3, clock);
    for (const key of ['a', 'b']) waits.wait(key, 100);
    now += 100;
    waits.wait('c', 100);
    expect(waits.size).toBe(1);
    for (const key of ['d', 'e', 'f']) waits.wait(key, 100);
    expect(waits.size).toBe(3);
    expect(waits.waitMs('c')).toBe(0);
    expect(waits.waitMs('f')).toBe(100);
  });
});
