import type { RateLimit } from '../config/config';
import { TokenBucket } from './token-bucket';

/**
 * A token bucket per key (a client address, say), in bounded memory: a bucket that has refilled
 * is forgotten (a new one would be the same), and at `maxKeys` the least recently used goes.
 * The Map's insertion order is the use order (a used key is moved to the end), so both are
 * found at the front without a scan.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Buckets held now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes a token from `key`'s bucket; returns 0, or the milliseconds until one is available. */
  take(key: string): number {
    let bucket = this.buckets.get(key);
    if (bucket) this.buckets.delete(key);
    else {
      this.forgetIdle();
      bucket = new TokenBucket(this.limit, this.now);
    }
    this.buckets.set(key, bucket);
    return bucket.take();
  }

  private forgetIdle(): void {
    for (const [key, bucket] of this.buckets) {
      if (!bucket.isFull() && this.buckets.size < this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}
