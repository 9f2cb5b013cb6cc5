import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ERROR_CODES } from '@live/shared-events';
import { APP_CONFIG, type AppConfig, type RateLimitedEvent } from '../config/config';
import { ClientLimits } from './client-limits';
import type { LiveSocket } from './live-socket';
import { ProtocolError } from './protocol-error';
import { TokenBucket } from './token-bucket';

const RATE_LIMIT = 'live:rate-limit';

/** Limits this handler per connection and per client with the configured buckets for `event`. */
export const RateLimit = (event: RateLimitedEvent) => SetMetadata(RATE_LIMIT, event);

/**
 * Refuses an event with RATE_LIMITED (and the wait) when its connection's bucket or its client's
 * (ClientLimits) is empty. The connection's is taken first, so one tab flooding is refused by
 * its own bucket without draining what the others behind the same address share.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  // Per engine connection, not per socket: leaving and joining the namespace again on the same
  // connection keeps them. Kept off socket.data, which must stay plain data (saved for recovery).
  private readonly buckets = new WeakMap<object, Partial<Record<RateLimitedEvent, TokenBucket>>>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clients: ClientLimits,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const event = this.reflector.get<RateLimitedEvent | undefined>(
      RATE_LIMIT,
      context.getHandler(),
    );
    if (event) {
      const socket = context.switchToWs().getClient<LiveSocket>();
      const waitMs =
        this.connectionBucket(socket, event).take() || this.clients.take(event, socket);
      if (waitMs > 0) {
        throw new ProtocolError(
          ERROR_CODES.RATE_LIMITED,
          `Too many ${event} events: try again in ${(waitMs / 1000).toFixed(1)} s`,
          waitMs,
        );
      }
    }
    return next.handle();
  }

  private connectionBucket(socket: LiveSocket, event: RateLimitedEvent): TokenBucket {
    let buckets = this.buckets.get(socket.conn);
    if (!buckets) this.buckets.set(socket.conn, (buckets = {}));
    return (buckets[event] ??= new TokenBucket(this.config.rateLimits[event]));
  }
}
