import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@live/shared-events';
import type { InterServerEvents } from './inter-server-events';

/**
 * What the server keeps on each connection. Plain data only: with connection state recovery
 * it is saved to Redis (msgpack) when a connection drops and restored when it comes back.
 */
export interface LiveSocketData {
  name: string;
  /** Set by the moderator middleware: the handshake carried the operator token. */
  moderator?: boolean;
  /** The person's identity (IdentityService), set at the handshake. */
  userId?: string;
  /** The handshake carried the identity's session token (the client keeps it). */
  returning?: boolean;
  /** The room this connection is in (RoomRegistry), set at the handshake. */
  room?: string;
}

export type LiveServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  LiveSocketData
>;
export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  LiveSocketData
>;
