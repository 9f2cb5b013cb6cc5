import type { Redis } from 'ioredis';
import { StoreUnavailableError } from './store';

/** How often the primary is asked how many replicas it has (ROLE). */
const ROLE_POLL_MS = 1000;

/**
 * Acks a write only once replicas have it too (Redis WAIT), so that losing the primary to a
 * failover loses nothing a client was told is saved. WAIT covers every earlier write of its
 * connection, so writes share WAITs: one is in flight at a time, and the writes that finish
 * meanwhile are covered by the next. While the primary has no replica (alone, or just
 * promoted), writes are acked as a single primary's; fewer replicas than asked within the
 * timeout is a StoreUnavailableError: a refusal, never a false ack.
 */
export class ReplicaWait {
  private inFlight: Promise<void> | undefined;
  private next: Promise<void> | undefined;
  /** Replicas the primary reported last; unknown until it answers (writes wait for that). */
  private connected: number | undefined;
  private asked: Promise<void>;
  private readonly poll: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly replicas: number,
    private readonly timeoutMs: number,
  ) {
    this.poll = setInterval(() => {
      this.asked = this.refresh();
    }, ROLE_POLL_MS).unref();
    // A reconnect may be to another primary (a failover): its replicas are not the old one's.
    redis.on('ready', () => {
      this.connected = undefined;
      this.asked = this.refresh();
    });
    this.asked = this.refresh();
  }

  /** Resolves once replicas confirm every write this connection made before the call. */
  confirm(): Promise<void> {
    if (this.replicas === 0) return Promise.resolve();
    if (this.connected === undefined) return this.asked.then(() => this.confirmKnown());
    return this.confirmKnown();
  }

  close(): void {
    clearInterval(this.poll);
  }

  private confirmKnown(): Promise<void> {
    if (this.connected === 0) return Promise.resolve();
    if (!this.inFlight) return (this.inFlight = this.send());
    // The WAIT in flight may have gone out before this write: the next one covers it.
    return (this.next ??= this.inFlight.then(this.sendNext, this.sendNext));
  }

  private readonly sendNext = (): Promise<void> => {
    this.next = undefined;
    return (this.inFlight = this.send());
  };

  private send(): Promise<void> {
    const want = Math.min(this.replicas, this.connected ?? this.replicas);
    const sent = this.redis.wait(want, this.timeoutMs).then((acked) => {
      if (acked < want) {
        throw new StoreUnavailableError(
          `${acked} of ${want} Redis replicas confirmed the write within ${this.timeoutMs} ms`,
        );
      }
    });
    const done = () => {
      if (this.inFlight === sent) this.inFlight = undefined;
    };
    sent.then(done, done);
    return sent;
  }

  private async refresh(): Promise<void> {
    try {
      const role = (await this.redis.role()) as [string, number, unknown[]?];
      this.connected = role[0] === 'master' ? (role[2]?.length ?? 0) : undefined;
    } catch {
      // Redis is away: writes fail on their own; ask again on the next tick.
    }
  }
}
