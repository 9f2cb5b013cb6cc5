import { jest } from '@jest/globals';
import { TokenBackoff } from './token-backoff';

describe('TokenBackoff', () => {
  let now = 0;
  const clock = { now: () => now };
  const reports: [string, number][] = [];
  const open: TokenBackoff[] = [];
  const backoff = (options = {}) => {
    const made = new TokenBackoff((address, n) => reports.push([address, n]), {
      ...clock,
      ...options,
    });
    open.push(made);
    return made;
  };

  beforeEach(() => {
    now = 1_000_000;
    reports.length = 0;
  });
  afterEach(() => open.splice(0).forEach((made) => made.close()));

  it('allows 5 wrong tokens, then waits 1 s, doubling with each further one up to 5 minutes', () => {
    const limiter = backoff();
    for (let i = 0; i < 4; i++) {
      limiter.failed('a');
      expect(limiter.waitMs('a')).toBe(0);
    }
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      limiter.failed('a');
      waits.push(limiter.waitMs('a'));
      now += limiter.waitMs('a');
    }
    expect(waits).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000,
    ]);
    expect(limiter.waitMs('someone else')).toBe(0);
  });

  it('does not lengthen the wait for tokens refused unread, so retryAfterMs stays true', () => {
    const limiter = backoff();
    for (let i = 0; i < 5; i++) limiter.failed('a');
    now += 400;
    limiter.refused('a');
    expect(limiter.waitMs('a')).toBe(600);
  });

  it('forgets an address that gives the right token, and an idle one after 15 minutes', () => {
    const limiter = backoff();
    for (let i = 0; i < 5; i++) limiter.failed('a');
    limiter.failed('b');
    now += 1000;
    limiter.succeeded('a');
    expect(limiter.waitMs('a')).toBe(0);
    expect(limiter.size).toBe(1);
    now += 15 * 60_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });

  it('keeps at most maxAddresses, forgetting the least recently active first', () => {
    const limiter = backoff({ maxAddresses: 3 });
    for (const address of ['a', 'b', 'c']) for (let i = 0; i < 5; i++) limiter.failed(address);
    limiter.failed('a'); // a is now the most recent
    limiter.failed('d');
    expect(limiter.size).toBe(3);
    expect(limiter.waitMs('b')).toBe(0);
    expect(limiter.waitMs('a')).toBeGreaterThan(0);
  });

  it('reports at most once a minute per address, with the count since the last report', () => {
    const limiter = backoff();
    for (let i = 0; i < 30; i++) limiter.failed('a');
    limiter.failed('b');
    expect(reports).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    now += 30_000;
    limiter.sweep();
    expect(reports).toHaveLength(2);
    now += 30_000;
    limiter.sweep();
    expect(reports).toEqual([
      ['a', 1],
      ['b', 1],
      ['a', 29],
    ]);
  });

  it('sweeps on a timer only while it remembers an address, without holding the process open', () => {
    jest.useFakeTimers({ now });
    try {
      const limiter = new TokenBackoff((address, n) => reports.push([address, n]));
      open.push(limiter);
      for (let i = 0; i < 3; i++) limiter.failed('a');
      jest.advanceTimersByTime(60_000);
      expect(reports).toEqual([
        ['a', 1],
        ['a', 2],
      ]);
      jest.advanceTimersByTime(15 * 60_000);
      expect(limiter.size).toBe(0);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
