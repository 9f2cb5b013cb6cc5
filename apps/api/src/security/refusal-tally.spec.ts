import { jest } from '@jest/globals';
import { RefusalTally } from './refusal-tally';

describe('RefusalTally', () => {
  let now = 0;
  const reports: [string, number][] = [];
  const open: RefusalTally[] = [];
  const tally = (options = {}) => {
    const made = new RefusalTally((key, n) => reports.push([key, n]), {
      now: () => now,
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

  it('reports the first refusal at once, then at most once a minute per key with the count since', () => {
    const refusals = tally();
    for (let i = 0; i < 5000; i++) refusals.add('a');
    refusals.add('b');
    expect(reports).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    now += 59_999;
    refusals.sweep();
    expect(reports).toHaveLength(2);
    now += 1;
    refusals.sweep();
    expect(reports).toEqual([
      ['a', 1],
      ['b', 1],
      ['a', 4999],
    ]);
  });

  it('forgets a key with nothing unreported once its minute is over, so memory does not grow', () => {
    const refusals = tally();
    for (let i = 0; i < 10_000; i++) refusals.add(`10.0.${i >> 8}.${i & 255}`);
    expect(refusals.size).toBe(10_000);
    now += 60_000;
    refusals.sweep();
    expect(refusals.size).toBe(0);
    expect(reports).toHaveLength(10_000);
  });

  it('keeps at most maxKeys, reporting what the least recently counted key had before forgetting it', () => {
    const refusals = tally({ maxKeys: 2 });
    for (const key of ['a', 'a', 'a', 'b', 'c']) refusals.add(key);
    expect(refusals.size).toBe(2);
    expect(reports).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['a', 2],
    ]);
  });

  it('reports what is unreported when a key settles, or when it closes', () => {
    const refusals = tally();
    for (let i = 0; i < 3; i++) refusals.add('a');
    for (let i = 0; i < 4; i++) refusals.add('b');
    refusals.settle('a');
    expect(refusals.size).toBe(1);
    refusals.close();
    expect(reports).toEqual([
      ['a', 1],
      ['b', 1],
      ['a', 2],
      ['b', 3],
    ]);
  });

  it('sweeps on a timer only while it holds a key, without holding the process open', () => {
    jest.useFakeTimers({ now });
    try {
      const refusals = new RefusalTally((key, n) => reports.push([key, n]));
      open.push(refusals);
      for (let i = 0; i < 3; i++) refusals.add('a');
      jest.advanceTimersByTime(60_000);
      expect(reports).toEqual([
        ['a', 1],
        ['a', 2],
      ]);
      jest.advanceTimersByTime(60_000);
      expect(refusals.size).toBe(0);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
