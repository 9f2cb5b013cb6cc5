import { BeforeApplicationShutdown, Logger, OnModuleInit } from '@nestjs/common';
import type { PresenceBoard } from './presence-board';

/** With a board, how often this instance posts its heartbeat and reads everyone else's. */
export const PRESENCE_REFRESH_MS = 500;

/**
 * Who is online: the connections on this instance, plus, with a {@link PresenceBoard}, those on
 * the other instances as of the last refresh (at most PRESENCE_REFRESH_MS old). Knows nothing
 * of sockets. PresenceModule gives it the board, or none.
 */
export class PresenceService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(PresenceService.name);
  private connections = 0;
  private elsewhere = 0;
  private readonly listeners = new Set<() => void>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private reporting: Promise<void> | undefined;
  private reportAgain = false;
  private failing = false;
  private stopped = false;

  constructor(private readonly board?: PresenceBoard) {}

  get online(): number {
    return this.connections + this.elsewhere;
  }

  /** Connections on this instance alone (what a broadcast from here costs). */
  get localConnections(): number {
    return this.connections;
  }

  join(): void {
    this.connections += 1;
    this.report();
  }

  leave(): void {
    this.connections = Math.max(0, this.connections - 1);
    this.report();
  }

  /**
   * Calls `listener` when connections on other instances change `online` (never without a
   * board). Returns the function that stops it.
   */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onModuleInit(): void {
    if (!this.board) return;
    this.refreshTimer = setInterval(() => this.report(), PRESENCE_REFRESH_MS);
    this.refreshTimer.unref();
    this.report();
  }

  /** Leaves the board at once, so the others stop counting this instance before it goes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.board || this.stopped) return;
    this.stopped = true;
    clearInterval(this.refreshTimer);
    await this.reporting;
    await this.board.leave().catch(() => undefined);
  }

  /** Posts the current count; a change while a report is in flight is posted right after it. */
  private report(): void {
    if (!this.board || this.stopped) return;
    if (this.reporting) {
      this.reportAgain = true;
      return;
    }
    this.reporting = this.reportNow(this.board).finally(() => {
      this.reporting = undefined;
      if (this.reportAgain) {
        this.reportAgain = false;
        this.report();
      }
    });
  }

  private async reportNow(board: PresenceBoard): Promise<void> {
    const connections = this.connections;
    try {
      const elsewhere = Math.max(0, (await board.report(connections)) - connections);
      if (this.failing) this.logger.log('presence reports work again');
      this.failing = false;
      if (elsewhere === this.elsewhere) return;
      this.elsewhere = elsewhere;
      for (const listener of this.listeners) listener();
    } catch (error) {
      // Keep the last known count; the next refresh tries again. One line per outage.
      if (!this.failing) this.logger.warn(`cannot report presence: ${(error as Error).message}`);
      this.failing = true;
    }
  }
}
