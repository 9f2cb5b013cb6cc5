import { Injectable } from '@nestjs/common';

/** How long without a new request counts as "quiet": events already on the wire arrive meanwhile. */
const QUIET_MS = 100;

/** Counts requests in flight so a shutdown can let them finish, and ack, before sockets close. */
@Injectable()
export class RequestTracker {
  private inFlight = 0;
  private lastStartedAt = 0;

  started(): void {
    this.inFlight += 1;
    this.lastStartedAt = performance.now();
  }

  finished(): void {
    this.inFlight -= 1;
  }

  /** Resolves once nothing is in flight and nothing new came for a moment, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    const settled = () => this.inFlight === 0 && performance.now() - this.lastStartedAt >= QUIET_MS;
    while (!settled() && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
