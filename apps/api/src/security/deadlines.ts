/**
 * Keys that each hold until a time — an address told to wait before connecting again, a person
 * muted — in bounded memory: past `maxKeys`, the oldest go first. Read on hot paths (every
 * connection, every send), so a Map lookup; an ended deadline is forgotten when next read.
 */
export class Deadlines {
  /** In the order they were set; with one length of wait, also the order they end. */
  private readonly until = new Map<string, number>();

  constructor(
    private readonly maxKeys: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Deadlines held now. */
  get size(): number {
    return this.until.size;
  }

  /** `key` holds until `until` (epoch ms); a time already past ends it. */
  set(key: string, until: number): void {
    const now = this.now();
    this.until.delete(key);
    if (until <= now) return;
    for (const [oldest, end] of this.until) {
      if (end > now && this.until.size < this.maxKeys) break;
      this.until.delete(oldest);
    }
    this.until.set(key, until);
  }

  /** Milliseconds before `key`'s deadline; 0 when it has none. */
  remainingMs(key: string | undefined): number {
    if (key === undefined) return 0;
    const until = this.until.get(key);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return left;
    this.until.delete(key);
    return 0;
  }
}
