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
  /** The client each socket holding a slot counts against. */
  private readonly slots = new WeakMap<LiveSocket, string>();
  /** Per engine connection: namespaces whose CONNECT has not reached the middleware yet. */
  private readonly arriving = new WeakMap<object, Set<string>>();
  /*
   * Listeners shared by every connection and socket (Node calls them with it as `this`), so
   * admitting one keeps no closure of its own (memory per connection: docs/performance.md).
   */
  private readonly onData: (this: EngineConnection, data: unknown) => void;
  private readonly onConnectionClose: (this: EngineConnection) => void;
  private readonly onDisconnect: (this: LiveSocket, reason: string) => void;

  constructor(
    private readonly max: number,
    private readonly onRefused: (
      socket: LiveSocket,
      address: string,
      reason: 'second_socket' | 'too_many_connections',
    ) => void = () => undefined,
    private readonly keyOf: ClientKey = addressKey(0),
    /** A socket that held a slot left, and why: told by the cap's own listener, so it needs none. */
    onLeft: (socket: LiveSocket, reason: string) => void = () => undefined,
  ) {
    const { arriving, holders } = this;
    const release = (socket: LiveSocket) => this.release(socket);
    this.onData = function (data) {
      if (typeof data !== 'string' || data[0] !== '0') return;
      const namespace = connectNamespace(data);
      const pending = arriving.get(this);
      if (pending?.has(namespace) || holders.get(this)?.has(namespace)) this.close(true);
      else if (pending) pending.add(namespace);
      else arriving.set(this, new Set([namespace]));
    };
    // A socket still in the middleware hears no `disconnect` when its connection closes.
    this.onConnectionClose = function () {
      for (const socket of [...(holders.get(this)?.values() ?? [])]) release(socket);
    };
    this.onDisconnect = function (reason) {
      release(this);
      onLeft(this, reason);
    };
  }

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
    conn.prependListener('data', this.onData);
  }

  readonly middleware = (socket: LiveSocket, next: Next): void => {
    const conn = socket.conn;
    const namespace = socket.nsp.name;
    const pending = this.arriving.get(conn);
    pending?.delete(namespace);
    if (pending?.size === 0) this.arriving.delete(conn);
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
    if (!holders) {
      this.holders.set(conn, (holders = new Map()));
      conn.on('close', this.onConnectionClose);
    }
    holders.set(namespace, socket);
    this.slots.set(socket, address);
    this.open.set(address, current + 1);
    socket.on('disconnect', this.onDisconnect);
    next();
  };

  /** Gives back `socket`'s slot: it left, or a later check refused it, so it never joins. */
  release(socket: LiveSocket): void {
    const address = this.slots.get(socket);
    if (address === undefined) return;
    this.slots.delete(socket);
    const held = this.holders.get(socket.conn);
    if (held?.get(socket.nsp.name) === socket) held.delete(socket.nsp.name);
    const left = this.count(address) - 1;
    if (left > 0) this.open.set(address, left);
    else this.open.delete(address);
  }
}
