import {
  clickDurations,
  longTaskShare,
  memoryTrends,
  percentile,
  slope,
  spreadOf,
  type EventEntry,
} from './browser-figures';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('spreads durations into p50, p95 and max', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(spreadOf(values)).toEqual({ count: 100, p50: 50, p95: 95, max: 100 });
    expect(spreadOf([])).toMatchObject({ count: 0, p50: NaN, max: NaN });
  });
});

describe('clickDurations', () => {
  it("takes each click's longest entry of its own interaction; a click with none is under 16 ms", () => {
    const entries: EventEntry[] = [
      // Click 1 (at 1000): its pointerdown a little before, its click after the paint.
      ['pointerdown', 990, 24],
      ['click', 1000, 40],
      // Click 2 (at 2000) had no entry: under the threshold.
      // Click 3 (at 3000): only its pointerup reported.
      ['pointerup', 2998, 16],
      // Not a click's: ignored.
      ['keydown', 3000, 200],
      ['pointerdown', 3700, 96],
    ];
    const result = clickDurations([1000, 2000, 3000], entries);
    expect(result.withEntry).toBe(2);
    expect(result.count).toBe(3);
    expect(result.p50).toBe(16);
    expect(result.max).toBe(40);
    // Two of three under 16 ms: the median is "under 16 ms" (0).
    expect(clickDurations([1000, 2000, 5000], entries).p50).toBe(0);
  });

  it('does not give a click the entry of a click long before or after it', () => {
    const result = clickDurations(
      [1000],
      [
        ['click', 400, 64],
        ['click', 1002, 64],
      ],
    );
    expect(result).toMatchObject({ withEntry: 0, max: 0 });
  });
});

describe('longTaskShare', () => {
  it('sums the long tasks within the span, clipped to it, as a share of its length', () => {
    const tasks = [
      [100, 60],
      [500, 100],
      [9_980, 80], // only 20 ms of it inside
      [20_000, 500], // after the span
    ] as const;
    const share = longTaskShare(tasks, { from: 0, to: 10_000 });
    expect(share).toEqual({ count: 3, totalMs: 180, longestMs: 100, sharePct: 1.8, leftOut: 0 });
  });

  it("leaves out the long tasks that overlap the bench's own garbage collections", () => {
    const tasks = [
      [100, 60],
      [5_000, 120],
    ] as const;
    const share = longTaskShare(tasks, { from: 0, to: 10_000 }, [{ from: 4_990, to: 5_030 }]);
    expect(share).toMatchObject({ count: 1, totalMs: 60, longestMs: 60, leftOut: 1 });
    expect(longTaskShare([], { from: 0, to: 0 }).sharePct).toBeNaN();
  });
});

describe('slope', () => {
  it('fits the least-squares line', () => {
    expect(slope([0, 1, 2, 3].map((at) => ({ at, value: 2 * at + 5 })))).toBeCloseTo(2);
    // Noise about a flat line: a slope near 0.
    expect(
      slope([
        { at: 0, value: 10 },
        { at: 1, value: 12 },
        { at: 2, value: 10 },
        { at: 3, value: 12 },
        { at: 4, value: 10 },
      ]),
    ).toBeCloseTo(0);
    expect(slope([{ at: 0, value: 1 }])).toBeNaN();
    expect(
      slope([
        { at: 1, value: 1 },
        { at: 1, value: 2 },
      ]),
    ).toBeNaN();
  });

  it('gives the heap in MB and the DOM nodes with their growth per minute', () => {
    const samples = [0, 10, 20, 30, 40, 50, 60].map((atS) => ({
      atS,
      heapBytes: 8e6 + atS * 10_000, // 0.6 MB a minute
      nodes: 900,
    }));
    const { heapMB, nodes } = memoryTrends(samples);
    expect(heapMB.first).toBe(8);
    expect(heapMB.last).toBeCloseTo(8.6);
    expect(heapMB.max).toBeCloseTo(8.6);
    expect(heapMB.perMinute).toBeCloseTo(0.6);
    expect(nodes).toEqual({ first: 900, last: 900, max: 900, perMinute: 0 });
  });
});
