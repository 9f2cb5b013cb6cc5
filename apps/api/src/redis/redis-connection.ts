import { Redis, type RedisOptions } from 'ioredis';
import type { SentinelSettings } from '../config/config';

/**
 * For requests a client waits on (store writes, presence): while Redis is away a command fails
 * at once, so the client hears UNAVAILABLE instead of hanging, and nothing is queued or resent
 * behind its back (a resent INCR could count a click twice). Reconnects forever, at most 1 s apart.
 */
const FAIL_FAST: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  commandTimeout: 2000,
  connectTimeout: 3000,
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
};

/**
 * For the Socket.IO adapter, which publishes without handling every failure: commands wait
 * while Redis is away and go out when it is back, so an outage never becomes an unhandled
 * rejection.
 */
const PATIENT: RedisOptions = {
  lazyConnect: false,
  enableOfflineQueue: true,
  maxRetriesPerRequest: null,
  autoResendUnfulfilledCommands: true,
  // The adapter's XREAD blocks for up to a second by design.
  commandTimeout: undefined,
};

/** Redis did not answer at start; the message says where and why. */
export class RedisUnreachableError extends Error {
  override name = 'RedisUnreachableError';
}

/** The URL without its password, for logs and error messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Where Redis is, for logs: the URL without its password, or the sentinels' primary. */
export function describeRedis(url: string, sentinel?: SentinelSettings): string {
  if (!sentinel) return redactUrl(url);
  const sentinels = sentinel.sentinels.map(({ host, port }) => `${host}:${port}`).join(',');
  return `the primary "${sentinel.master}" of the sentinels ${sentinels}`;
}

/**
 * Connects to Redis, or fails at once with a message that says where and why: an instance
 * that cannot reach Redis at start must not pretend to serve.
 */
export async function connectRedis(url: string, sentinel?: SentinelSettings): Promise<Redis> {
  // With sentinels, ioredis asks them for the primary, and again after every lost connection.
  const client = new Redis(url, {
    ...FAIL_FAST,
    ...(sentinel && { sentinels: sentinel.sentinels, name: sentinel.master }),
  });
  // Failures reach callers as rejected commands; without a listener ioredis prints every retry.
  let cause: Error | undefined;
  const remember = (error: Error) => (cause ??= error);
  client.on('error', remember);
  try {
    await client.connect();
    await client.ping();
    client.off('error', remember).on('error', () => undefined);
    return client;
  } catch (error) {
    client.disconnect();
    const reason = (cause ?? (error as Error)).message.replace(/\.$/, '');
    const check = sentinel ? 'REDIS_SENTINELS, REDIS_SENTINEL_MASTER' : 'REDIS_URL';
    throw new RedisUnreachableError(
      `Cannot reach Redis at ${describeRedis(url, sentinel)}: ${reason}. ` +
        `Check ${check} and that Redis is running (or unset REDIS_URL to use the embedded store).`,
      { cause: error },
    );
  }
}

/** Connections for the Socket.IO adapter (see PATIENT), closed together. */
export class AdapterConnections {
  /** The connection the adapter publishes on; it duplicates it for reading. */
  readonly publisher: Redis;
  private readonly all: Redis[] = [];

  constructor(client: Redis) {
    this.publisher = this.track(client.duplicate(PATIENT));
    // The adapter closes its reading connections only once a pending XREAD returns, which never
    // happens while Redis is away: keep hold of them to close them ourselves.
    const duplicate = this.publisher.duplicate.bind(this.publisher);
    this.publisher.duplicate = (override?: Partial<RedisOptions>) =>
      this.track(duplicate(override));
  }

  /** Closes every connection at once: nothing the adapter still queues is worth waiting for. */
  close(): void {
    for (const connection of this.all) connection.disconnect();
  }

  private track(connection: Redis): Redis {
    connection.on('error', () => undefined);
    this.all.push(connection);
    return connection;
  }
}
