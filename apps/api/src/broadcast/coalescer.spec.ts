import { jest } from '@jest/globals';
import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('flushes at once when idle', () => {
    const flush = jest.fn();
    new Coalescer(16, flush).schedule();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('folds a burst into one more flush at the end of the interval', () => {
    let value = 0;
    const seen: number[] = [];
    const coalescer = new Coalescer(16, () => seen.push(value));
    for (value = 1; value <= 100; value++) coalescer.schedule();
    value = 100;
    expect(seen).toEqual([1]);
    jest.advanceTimersByTime(16);
    expect(seen).toEqual([1, 100]);
    jest.advanceTimersByTime(100);
    expect(seen).toEqual([1, 100]);
  });

  it('never flushes more than once per interval under steady load', () => {
    const flush = jest.fn();
    const coalescer = new Coalescer(16, flush);
    for (let ms = 0; ms < 160; ms++) {
      coalescer.schedule();
      jest.advanceTimersByTime(1);
    }
    expect(flush.mock.calls.length).toBeLessThanOrEqual(11);
    expect(flush.mock.calls.length).toBeGreaterThanOrEqual(9);
  });

  it('tells the flush whether it runs at once or after a busy interval', () => {
    const flush = jest.fn<(sustained: boolean) => void>();
    const coalescer = new Coalescer(16, flush);
    coalescer.schedule();
    coalescer.schedule();
    jest.advanceTimersByTime(16);
    jest.advanceTimersByTime(100);
    coalescer.schedule();
    expect(flush.mock.calls).toEqual([[false], [true], [false]]);
  });

  it('drops a pending flush when cancelled', () => {
    const flush = jest.fn();
    const coalescer = new Coalescer(16, flush);
    coalescer.schedule();
    coalescer.schedule();
    coalescer.cancel();
    jest.advanceTimersByTime(50);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('reads an adaptive interval after each flush', () => {
    const flush = jest.fn();
    let intervalMs = 16;
    const coalescer = new Coalescer(() => intervalMs, flush);
    coalescer.schedule();
    intervalMs = 100;
    coalescer.schedule();
    jest.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(2);
    coalescer.schedule();
    jest.advanceTimersByTime(99);
    expect(flush).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(3);
  });
});
