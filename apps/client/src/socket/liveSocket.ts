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

/**
 * What the client sends in the handshake: the chosen or assigned name, the session token of
 * our identity, the operator token, the room (none for the lobby).
 */
export type ClientHandshake = HandshakeAuth & { token?: string };

/** The handshake without the parts we lack: no name means "a guest", no session "someone new". */
export function handshakeOf(parts: ClientHandshake): ClientHandshake {
  return Object.fromEntries(
    Object.entries(parts).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/**
 * Points the socket at a new handshake: a live connection made with another name, token or
 * room is closed, and the socket (re)connects with this one (a renewed session alone changes
 * nothing now). The socket is an external system React only synchronises with, so it is
 * changed here, not in a component.
 */
export function syncHandshake(socket: LiveSocket, auth: ClientHandshake): void {
  const previous = socket.auth as ClientHandshake | undefined;
  const changed =
    previous?.name !== auth.name || previous?.token !== auth.token || previous?.room !== auth.room;
  if (socket.active && changed) socket.disconnect();
  socket.auth = auth;
  if (!socket.active) socket.connect();
}

/** Changes parts of the handshake for the next (re)connects, keeping the rest (the tokens). */
export function updateHandshake(socket: LiveSocket, changes: ClientHandshake): void {
  socket.auth = handshakeOf({ ...(socket.auth as ClientHandshake | undefined), ...changes });
}
