import { median, medianPoint } from './median-point';
import type { PointResult } from './results';

const round = (round: number, p99: number, exact: boolean, error?: string): PointResult =>
  ({
    target: 'project',
    clients: 1000,
    round,
    serverUp: true,
    error,
    memory: { rssBeforeKiB: 100, rssAfterKiB: 100 + p99, perConnectionKiB: p99 / 10 },
    storm: { exact, ackLatency: { count: 1, p50: 1, p90: 1, p99, max: p99, mean: 1 } },
  }) as unknown as PointResult;

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ignores what is not a finite number, and is NaN for nothing', () => {
    expect(median([NaN, 5, Infinity])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('medianPoint', () => {
  it('is the point itself for a single round', () => {
    const only = round(0, 10, true);
    expect(medianPoint([only])).toBe(only);
  });

  it('takes the median of every figure, however deep', () => {
    const point = medianPoint([round(0, 30, true), round(1, 10, true), round(2, 20, true)]);
    expect(point.storm?.ackLatency.p99).toBe(20);
    expect(point.memory?.perConnectionKiB).toBe(2);
    expect(point.round).toBeUndefined();
  });

  it('says yes only if every round said yes, and keeps the first error', () => {
    const point = medianPoint([round(0, 1, true), round(1, 1, false, 'boom'), round(2, 1, true)]);
    expect(point.storm?.exact).toBe(false);
    expect(point.serverUp).toBe(true);
    expect(point.error).toBe('boom');
  });
});
