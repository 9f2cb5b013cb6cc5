import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type RateLimitedEvent } from '../config/config';
import { CLIENT_KEY, type ClientKey } from './client-key';
import type { LiveSocket } from './live-socket';
import { TokenBuckets } from './token-buckets';

/** What a person is limited in: each rate-limited event, and bringing rooms into memory. */
export type PersonAction = RateLimitedEvent | 'roomOpen';

/** What a client is limited in: what a person is, and connecting. */
export type ClientAction = PersonAction | 'connect';

/**
 * Rate limits that follow the client rather than its socket, so reconnecting or opening more
 * sockets does not refill them: one bucket per client key and action, in bounded memory. Event
 * limits are the per-connection ones times RATE_PER_ADDRESS_FACTOR, so the people behind one
 * NAT share several connections' worth; connecting has a limit of its own. Each person
 * (identity) also has buckets of RATE_PER_PERSON_FACTOR connections' worth: whichever is
 * tighter refuses. Opening rooms has a limit of its own, per client and per person alike.
 */
@Injectable()
export class ClientLimits {
  private readonly buckets: Record<ClientAction, TokenBuckets>;
  private readonly personBuckets: Record<PersonAction, TokenBuckets>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLIENT_KEY) private readonly keyOf: ClientKey,
  ) {
    const {
      rateLimits: perConnection,
      rateLimitFactor,
      personLimitFactor,
      rateLimitMaxKeys: max,
    } = config;
    const shared = (event: RateLimitedEvent, factor = rateLimitFactor) =>
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
      roomOpen: new TokenBuckets(config.roomOpenRate, max),
    };
    this.personBuckets = {
      click: shared('click', personLimitFactor),
      message: shared('message', personLimitFactor),
      typing: shared('typing', personLimitFactor),
      history: shared('history', personLimitFactor),
      roomOpen: new TokenBuckets(config.roomOpenRate, max),
    };
  }

  /**
   * Takes one `action` from the person's own bucket (their identity's, over all their tabs and
   * reconnects); returns 0, or the milliseconds to wait.
   */
  takeForPerson(event: PersonAction, userId: string): number {
    return this.personBuckets[event].take(userId);
  }

  /** Takes one `action` from `socket`'s client; returns 0, or the milliseconds to wait. */
  take(action: ClientAction, socket: LiveSocket): number {
    return this.buckets[action].take(this.keyOf(socket));
  }

  /** Buckets held, over all actions. */
  get size(): number {
    return [...Object.values(this.buckets), ...Object.values(this.personBuckets)].reduce(
      (sum, buckets) => sum + buckets.size,
      0,
    );
  }
}
