import type { RateLimit } from '../config/config';

/** A token bucket: `burst` events at once, then `perSecond` on average. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = now();
  }

  /** Takes a token; returns 0 on success, or the milliseconds until one is available. */
  take(): number {
    const now = this.now();
    const refilled = ((now - this.updatedAt) / 1000) * this.limit.perSecond;
    this.tokens = Math.min(this.limit.burst, this.tokens + refilled);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.limit.perSecond) * 1000);
  }

  /** Full again, so no different from a new bucket: safe to forget. */
  isFull(): boolean {
    const refilled = ((this.now() - this.updatedAt) / 1000) * this.limit.perSecond;
    return this.tokens + refilled >= this.limit.burst;
  }
}
