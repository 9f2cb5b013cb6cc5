import { TokenBuckets } from './token-buckets';

const limit = { burst: 5, perSecond: 1 };

describe('TokenBuckets', () => {
  it('keeps one bucket per key: spending one key leaves the others full', () => {
    const buckets = new TokenBuckets(limit, 100, () => 0);
    for (let i = 0; i < 5; i++) expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1000);
    expect(buckets.take('b')).toBe(0);
  });

  it('forgets a bucket once it has refilled, and never one still counting', () => {
    let now = 0;
    const buckets = new TokenBuckets(limit, 100, () => now);
    for (let i = 0; i < 5; i++) buckets.take('spent');
    buckets.take('idle');
    now = 1_000;
    buckets.take('other');
    expect(buckets.size).toBe(3);
    now = 5_000; // all three have refilled: a new bucket would be the same
    for (let i = 0; i < 5; i++) expect(buckets.take('x')).toBe(0);
    expect(buckets.size).toBe(1);
    now = 5_500;
    buckets.take('y');
    // 'x' is still counting: kept, and still refusing.
    expect(buckets.size).toBe(2);
    expect(buckets.take('x')).toBe(500);
  });

  it('holds at most maxKeys buckets, dropping the least recently used', () => {
    const buckets = new TokenBuckets(limit, 100, () => 0);
    for (let i = 0; i < 250; i++) buckets.take(`10.0.${i >> 8}.${i & 255}`);
    expect(buckets.size).toBe(100);
  });

  it('measures: 10 000 addresses in bounded memory', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const buckets = new TokenBuckets(limit, 100_000, () => 0);
    for (let i = 0; i < 10_000; i++) buckets.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    gc?.();
    const bytes = process.memoryUsage().heapUsed - before;
    process.stdout.write(
      `TokenBuckets: 10 000 addresses, ${bytes} bytes (${Math.round(bytes / 10_000)} per entry)${gc ? '' : ' (no --expose-gc: rough)'}\n`,
    );
    expect(buckets.size).toBe(10_000);
    expect(bytes).toBeLessThan(10_000 * 1024);
  });
});
