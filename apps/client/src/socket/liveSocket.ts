import type { ClientToServerEvents, ServerToClientEvents } from '@live/shared-events';
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
    reconnectionDelay: 500,
    reconnectionDelayMax: 8000,
    randomizationFactor: 0.5,
  });
}
