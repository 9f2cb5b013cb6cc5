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
import type { LiveSocket } from './live-socket';
import { ProtocolError } from './protocol-error';
import { TokenBucket } from './token-bucket';

const RATE_LIMIT = 'live:rate-limit';

/** Limits this handler per connection with the configured token bucket for `event`. */
export const RateLimit = (event: RateLimitedEvent) => SetMetadata(RATE_LIMIT, event);

/** Refuses an event with RATE_LIMITED (and the wait) when its connection's bucket is empty. */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  // Kept off socket.data, which must stay plain data (it is saved for connection state recovery).
  private readonly buckets = new WeakMap<
    LiveSocket,
    Partial<Record<RateLimitedEvent, TokenBucket>>
  >();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const event = this.reflector.get<RateLimitedEvent | undefined>(
      RATE_LIMIT,
      context.getHandler(),
    );
    if (event) {
      const socket = context.switchToWs().getClient<LiveSocket>();
      let buckets = this.buckets.get(socket);
      if (!buckets) this.buckets.set(socket, (buckets = {}));
      const bucket = (buckets[event] ??= new TokenBucket(this.config.rateLimits[event]));
      const waitMs = bucket.take();
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
}
