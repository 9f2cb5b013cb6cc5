import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type RateLimitedEvent } from '../config/config';
import { CLIENT_KEY, type ClientKey } from './client-key';
import type { LiveSocket } from './live-socket';
import { TokenBuckets } from './token-buckets';

/** What a client is limited in: each rate-limited event, and connecting. */
export type ClientAction = RateLimitedEvent | 'connect';

/**
 * Rate limits that follow the client rather than its socket, so reconnecting or opening more
 * sockets does not refill them: one bucket per client key and action, in bounded memory. Event
 * limits are the per-connection ones times RATE_PER_ADDRESS_FACTOR, so the people behind one
 * NAT share several connections' worth; connecting has a limit of its own.
 */
@Injectable()
export class ClientLimits {
  private readonly buckets: Record<ClientAction, TokenBuckets>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLIENT_KEY) private readonly keyOf: ClientKey,
  ) {
    const { rateLimits: perConnection, rateLimitFactor: factor, rateLimitMaxKeys: max } = config;
    const shared = (event: RateLimitedEvent) =>
      new TokenBuckets(
        {
          burst: perConnection[event].burst * factor,
          perSecond: perConnection[event].perSecond * factor,
        },
        max,
      );
    this.buckets = {
      click: shared('click'),
      message: shared('message'),
      typing: shared('typing'),
      history: shared('history'),
      connect: new TokenBuckets(config.connectRate, max),
    };
  }

  /** Takes one `action` from `socket`'s client; returns 0, or the milliseconds to wait. */
  take(action: ClientAction, socket: LiveSocket): number {
    return this.buckets[action].take(this.keyOf(socket));
  }

  /** Buckets held, over all actions. */
  get size(): number {
    return Object.values(this.buckets).reduce((sum, buckets) => sum + buckets.size, 0);
  }
}
