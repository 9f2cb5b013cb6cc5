import {
  RECONNECT_BACKOFF,
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
} from '@live/shared-events';
import { io, type Socket } from 'socket.io-client';

/** The app's one Socket.IO connection, typed with the shared protocol maps. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Makes the socket without connecting: `SocketProvider` connects it in an effect, so a render
 * that React throws away (StrictMode renders twice) never opens a connection.
 */
export function createLiveSocket(): LiveSocket {
  return io({
    autoConnect: false,
    // Randomised exponential backoff: 0.5 s, 1 s, 2 s … capped at 8 s, each ±50 %, so a
    // restarted server is not hit by every client in the same instant.
    ...RECONNECT_BACKOFF,
  });
}

/** What the client sends in the handshake: the chosen or assigned name, the operator token. */
export type ClientHandshake = HandshakeAuth & { token?: string };

/**
 * Points the socket at a new handshake: a live connection made with another one is closed, and
 * the socket (re)connects with this one. The socket is an external system React only
 * synchronises with, so it is changed here, not in a component.
 */
export function syncHandshake(socket: LiveSocket, auth: ClientHandshake): void {
  const previous = socket.auth as ClientHandshake | undefined;
  if (socket.active && (previous?.name !== auth.name || previous?.token !== auth.token)) {
    socket.disconnect();
  }
  socket.auth = auth;
  if (!socket.active) socket.connect();
}

/** Keeps the name the server assigned for the next reconnects, with the rest of the handshake. */
export function keepAssignedName(socket: LiveSocket, name: string): void {
  socket.auth = { ...(socket.auth as ClientHandshake | undefined), name };
}
