import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, type ProtocolErrorBody } from '@live/shared-events';
import { APP_CONFIG, type AppConfig, type RateLimitedEvent } from '../config/config';
import { LiveMetrics } from '../metrics/live-metrics';
import { ClientLimits } from './client-limits';
import type { LiveSocket } from './live-socket';
import { TokenBucket } from './token-bucket';

/**
 * Refuses an event with RATE_LIMITED (and the wait) when its connection's bucket, its person's or
 * its client address's (ClientLimits) is empty. The narrowest is taken first, so one tab
 * flooding is refused by its own bucket without draining what the others behind the same
 * address share.
 *
 * It runs before the event reaches Nest (LiveIoAdapter's screen): a client flooding gets its
 * refusals from a bucket and a counter, not from a handler pipeline and a thrown error each.
 */
@Injectable()
export class EventRateLimiter {
  // Per engine connection, not per socket: leaving and joining the namespace again on the same
  // connection keeps them. Kept off socket.data, which must stay plain data (saved for recovery).
  private readonly buckets = new WeakMap<object, Partial<Record<RateLimitedEvent, TokenBucket>>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clients: ClientLimits,
    private readonly metrics: LiveMetrics,
  ) {}

  /** Why `event` from `socket` must be refused now, or undefined to let it through (and count it). */
  refusal(socket: LiveSocket, event: string): ProtocolErrorBody | undefined {
    if (!Object.hasOwn(this.config.rateLimits, event)) return undefined;
    const limited = event as RateLimitedEvent;
    const userId = socket.data.userId;
    const waitMs =
      this.connectionBucket(socket, limited).take() ||
      (userId ? this.clients.takeForPerson(limited, userId) : 0) ||
      this.clients.take(limited, socket);
    if (waitMs === 0) return undefined;
    this.metrics.events.inc({ event, result: ERROR_CODES.RATE_LIMITED });
    this.metrics.rateLimited.inc({ event });
    return {
      code: ERROR_CODES.RATE_LIMITED,
      message: `Too many ${event} events: try again in ${(waitMs / 1000).toFixed(1)} s`,
      retryAfterMs: waitMs,
    };
  }

  private connectionBucket(socket: LiveSocket, event: RateLimitedEvent): TokenBucket {
    let buckets = this.buckets.get(socket.conn);
    if (!buckets) this.buckets.set(socket.conn, (buckets = {}));
    return (buckets[event] ??= new TokenBucket(this.config.rateLimits[event]));
  }
}
