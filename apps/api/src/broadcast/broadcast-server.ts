import type { ServerToClientEvents } from '@live/shared-events';
import type { InterServerEvents } from '../socket/inter-server-events';
import type { LiveSocketData } from '../socket/live-socket';

/** Socket.IO's `emit`, typed by the protocol's server → client events. */
export type Emit = <E extends keyof ServerToClientEvents>(
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) => unknown;

/** What the broadcaster uses of the Socket.IO server (a LiveServer is one). */
export interface BroadcastServer {
  /** To a room's clients on every instance, through the adapter (which keeps it for recovery). */
  to(room: string): { emit: Emit };
  /** To this instance's own clients. */
  local: { to(room: string): { emit: Emit } };
  /** To the other instances (never back to this one). */
  serverSideEmit<E extends keyof InterServerEvents>(
    event: E,
    ...args: Parameters<InterServerEvents[E]>
  ): unknown;
  on<E extends keyof InterServerEvents>(event: E, listener: InterServerEvents[E]): unknown;
}

/** What the broadcaster uses of a connection that speaks to the others (a LiveSocket is one). */
export interface Speaker {
  data: Pick<LiveSocketData, 'name'>;
  /** To a room's clients but this one, through the adapter. */
  to(room: string): { emit: Emit };
}
