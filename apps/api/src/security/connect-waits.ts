/**
 * Client addresses told to wait before connecting again, and until when, in bounded memory. The
 * first refused CONNECT of a wait is answered by Socket.IO with the reason and `retryAfterMs`;
 * while the wait lasts, new connections from that address are turned away at the HTTP request
 * ({@link gateRequests}), before a WebSocket handshake or an Engine.IO session is spent on them.
 */
export class ConnectWaits {
  /** In the order the waits were given; with one length of wait, also the order they end. */
  private readonly until = new Map<string, number>();

  constructor(
    private readonly maxKeys: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits held now. */
  get size(): number {
    return this.until.size;
  }

  /** `key` may not connect for `ms`. */
  wait(key: string, ms: number): void {
    const now = this.now();
    for (const [oldest, until] of this.until) {
      if (until > now && this.until.size < this.maxKeys) break;
      this.until.delete(oldest);
    }
    this.until.delete(key);
    this.until.set(key, now + ms);
  }

  /** Milliseconds before `key` may connect again; 0 when it may now. */
  waitMs(key: string): number {
    const until = this.until.get(key);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return left;
    this.until.delete(key);
    return 0;
  }
}
