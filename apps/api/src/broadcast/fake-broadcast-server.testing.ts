import type { ServerToClientEvents } from '@live/shared-events';
import type { InterServerEvents } from '../socket/inter-server-events';
import type { BroadcastServer, Emit } from './broadcast-server';

/** Who a packet went to: a room on every instance, or a room of this instance's clients. */
export type Audience = `everywhere ${string}` | `room ${string}`;

export interface SentPacket {
  to: Audience;
  event: keyof ServerToClientEvents;
  args: unknown[];
}

type PeerEvent = keyof InterServerEvents;
type PeerListener = (...args: never[]) => void;

/**
 * A Socket.IO server as LiveBroadcaster (and the gateway's `use`) sees it, typed by the real
 * event maps. It records what it is asked to send and to whom, and delivers only what another
 * instance would: `fromPeer` stands for a peer's serverSideEmit; like the real server, it
 * never hears its own.
 */
export class FakeBroadcastServer implements BroadcastServer {
  readonly sent: SentPacket[] = [];
  /** What this instance told the others, in order. */
  readonly toPeers: [PeerEvent, ...unknown[]][] = [];
  /** Socket.IO middleware installed with `use`, in order. */
  readonly middleware: unknown[] = [];
  private readonly peerListeners = new Map<PeerEvent, PeerListener>();

  readonly local = {
    to: (room: string) => ({ emit: this.emitter(`room ${room}`) }),
  };

  to(room: string): { emit: Emit } {
    return { emit: this.emitter(`everywhere ${room}`) };
  }

  serverSideEmit<E extends PeerEvent>(
    event: E,
    ...args: Parameters<InterServerEvents[E]>
  ): boolean {
    this.toPeers.push([event, ...args]);
    return true;
  }

  on<E extends PeerEvent>(event: E, listener: InterServerEvents[E]): this {
    this.peerListeners.set(event, listener as PeerListener);
    return this;
  }

  use(middleware: unknown): this {
    this.middleware.push(middleware);
    return this;
  }

  /** Another instance's `serverSideEmit(event, ...args)` arriving here. */
  fromPeer<E extends PeerEvent>(event: E, ...args: Parameters<InterServerEvents[E]>): void {
    (this.peerListeners.get(event) as ((...peerArgs: unknown[]) => void) | undefined)?.(...args);
  }

  /** The first argument of every `event` sent to `to`, in order. */
  values(event: keyof ServerToClientEvents, to: Audience = 'room room:lobby'): unknown[] {
    return this.sent.filter((p) => p.event === event && p.to === to).map((p) => p.args[0]);
  }

  private emitter(to: Audience): Emit {
    return (event, ...args) => {
      this.sent.push({ to, event, args });
      return true;
    };
  }
}
