import { ERROR_CODES } from '@live/shared-events';
import { addressKey, type ClientKey } from '../socket/client-key';
import type { LiveSocket } from '../socket/live-socket';

export { clientAddress } from '../socket/client-key';

type Next = (error?: Error) => void;
type EngineConnection = LiveSocket['conn'];

/** The namespace a raw Socket.IO CONNECT packet (`0`, `0{…}`, `0/admin,{…}`) asks for, as socket.io-parser reads it. */
function connectNamespace(packet: string): string {
  if (packet[1] !== '/') return '/';
  const comma = packet.indexOf(',');
  return packet.slice(1, comma === -1 ? undefined : comma);
}

/** Why a connection was refused at connect; also the label on the refusal metric. */
export type RefusalReason = 'too_many_connections' | 'second_socket' | 'connect_rate' | 'bad_token';

/** A `connect_error` the client can show: a plain message and `data.code` (and the wait). */
export function refusal(
  message: string,
  code: string,
  retryAfterMs?: number,
): Error & { data: { code: string; retryAfterMs?: number } } {
  return Object.assign(new Error(message), {
    data: retryAfterMs === undefined ? { code } : { code, retryAfterMs },
  });
}

/**
 * Caps sockets (Socket.IO middleware): one per engine connection and namespace, and `max` per
 * client. A socket holds its slot from this middleware on — synchronously, before anything
 * awaits, so CONNECT packets arriving together (thousands fit in one polling POST) cannot all
 * pass — until it is refused ({@link release}), disconnects, or its connection closes. A second
 * CONNECT on a connection whose socket is open or still being admitted closes the connection:
 * no client of ours does that.
 */
export class ConnectionCap {
  private readonly open = new Map<string, number>();
  /** Per engine connection: the socket holding each namespace. */
  private readonly holders = new WeakMap<object, Map<string, LiveSocket>>();
  private readonly releases = new WeakMap<LiveSocket, () => void>();
  /** Per engine connection: CONNECTs received for each namespace that have not reached the middleware yet. */
  private readonly arriving = new WeakMap<object, Map<string, number>>();

  constructor(
    private readonly max: number,
    private readonly onRefused: (
      socket: LiveSocket,
      address: string,
      reason: 'second_socket' | 'too_many_connections',
    ) => void = () => undefined,
    private readonly keyOf: ClientKey = addressKey(0),
  ) {}

  /** Sockets open or being admitted from `address`. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }

  /**
   * Reads an engine connection's packets before Socket.IO does: a CONNECT for a namespace the
   * connection holds or is already joining closes it at once, so the packets after it in the same
   * polling body are never decoded — Socket.IO builds a socket per CONNECT before any middleware
   * runs (20 000 in one 60 KB POST). Call on the engine's `connection`, after Socket.IO's own.
   */
  watch(conn: EngineConnection): void {
    const arriving = new Map<string, number>();
    this.arriving.set(conn, arriving);
    conn.prependListener('data', (data: unknown) => {
      if (typeof data !== 'string' || data[0] !== '0') return;
      const namespace = connectNamespace(data);
      const pending = arriving.get(namespace) ?? 0;
      if (pending > 0 || this.holders.get(conn)?.has(namespace)) conn.close(true);
      else arriving.set(namespace, 1);
    });
  }

  readonly middleware = (socket: LiveSocket, next: Next): void => {
    const conn = socket.conn;
    const namespace = socket.nsp.name;
    this.arriving.get(conn)?.delete(namespace);
    const address = this.keyOf(socket);
    let holders = this.holders.get(conn);
    if (holders?.has(namespace)) {
      this.onRefused(socket, address, 'second_socket');
      // Discard: a polling client that never polls again would otherwise hold it until a timeout.
      conn.close(true);
      return next(refusal('One socket per connection and namespace', ERROR_CODES.VALIDATION));
    }
    const current = this.count(address);
    if (current >= this.max) {
      this.onRefused(socket, address, 'too_many_connections');
      return next(
        refusal(
          `Too many connections from your address (at most ${this.max}); close another tab or try later`,
          ERROR_CODES.RATE_LIMITED,
        ),
      );
    }
    if (!holders) this.holders.set(conn, (holders = new Map()));
    const held = holders;
    held.set(namespace, socket);
    this.open.set(address, current + 1);
    const release = () => {
      if (held.get(namespace) !== socket) return;
      held.delete(namespace);
      const left = this.count(address) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
      conn.off('close', release);
      socket.off('disconnect', release);
    };
    this.releases.set(socket, release);
    conn.once('close', release);
    socket.once('disconnect', release);
    next();
  };

  /** Gives back `socket`'s slot: a later check refused it, so it never joins. */
  release(socket: LiveSocket): void {
    this.releases.get(socket)?.();
  }
}
