import { ERROR_CODES } from '@live/shared-events';
import type { LiveSocket } from '../socket/live-socket';

type Next = (error?: Error) => void;

/** Why a connection was refused at connect; also the label on the refusal metric. */
export type RefusalReason = 'too_many_connections' | 'bad_token';

/**
 * The client's address: the TCP peer, or behind `trustedHops` proxies that append to
 * X-Forwarded-For, the entry that many from the end — entries before it are the client's own
 * claims and can be forged.
 */
export function clientAddress(
  handshake: { address: string; headers: Record<string, string | string[] | undefined> },
  trustedHops: number,
): string {
  if (trustedHops === 0) return handshake.address;
  const header = handshake.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustedHops] ?? handshake.address;
}

/** A `connect_error` the client can show: a plain message and `data.code`. */
export function refusal(message: string, code: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * Caps open connections per client address (Socket.IO middleware). Counts the underlying
 * engine connection once, from admission until it closes, so a client that retries on the same
 * connection is not counted twice and a refused or abandoned one is released when it closes.
 */
export class ConnectionCap {
  private readonly open = new Map<string, number>();
  private readonly counted = new WeakSet<object>();

  constructor(
    private readonly max: number,
    private readonly onRefused: (socket: LiveSocket, address: string) => void = () => undefined,
    private readonly trustedHops = 0,
  ) {}

  /** Open connections from `address`. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }

  readonly middleware = (socket: LiveSocket, next: Next): void => {
    const conn = socket.conn;
    if (this.counted.has(conn)) return next();
    const address = clientAddress(socket.handshake, this.trustedHops);
    const current = this.count(address);
    if (current >= this.max) {
      this.onRefused(socket, address);
      return next(
        refusal(
          `Too many connections from your address (at most ${this.max}); close another tab or try later`,
          ERROR_CODES.RATE_LIMITED,
        ),
      );
    }
    this.open.set(address, current + 1);
    this.counted.add(conn);
    conn.once('close', () => {
      const left = this.count(address) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
    next();
  };
}
