import { clickIntervalMs, presenceIntervalMs } from './broadcast-intervals';

describe('broadcast intervals', () => {
  it.each([
    // Clicks: 16 ms up to 320 clients, then 1 ms per 20, at most 50 ms.
    ['clickIntervalMs', clickIntervalMs, 0, 16],
    ['clickIntervalMs', clickIntervalMs, 320, 16],
    ['clickIntervalMs', clickIntervalMs, 321, 16.05],
    ['clickIntervalMs', clickIntervalMs, 340, 17],
    ['clickIntervalMs', clickIntervalMs, 999, 49.95],
    ['clickIntervalMs', clickIntervalMs, 1000, 50],
    ['clickIntervalMs', clickIntervalMs, 1001, 50],
    ['clickIntervalMs', clickIntervalMs, 100_000, 50],
    // Presence: 16 ms up to 32 clients, then 1 ms per 2, at most 1 s.
    ['presenceIntervalMs', presenceIntervalMs, 0, 16],
    ['presenceIntervalMs', presenceIntervalMs, 32, 16],
    ['presenceIntervalMs', presenceIntervalMs, 33, 16.5],
    ['presenceIntervalMs', presenceIntervalMs, 40, 20],
    ['presenceIntervalMs', presenceIntervalMs, 1999, 999.5],
    ['presenceIntervalMs', presenceIntervalMs, 2000, 1000],
    ['presenceIntervalMs', presenceIntervalMs, 2001, 1000],
    ['presenceIntervalMs', presenceIntervalMs, 100_000, 1000],
  ])('%s coalesces for %d clients over %d ms', (_rule, interval, audience, ms) => {
    expect(interval(audience)).toBeCloseTo(ms, 10);
  });
});
