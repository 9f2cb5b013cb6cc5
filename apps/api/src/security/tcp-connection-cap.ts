import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Caps open TCP connections per peer address on the HTTP server: one over the cap is closed at
 * once. Socket.IO's per-address cap counts only sessions that reached the handshake; this one
 * also counts idle keep-alive connections and requests still sending their headers or body.
 */
export function capTcpConnectionsPerAddress(
  server: Server,
  max: number,
  onRefused: (address: string) => void = () => undefined,
): void {
  const open = new Map<string, number>();
  // One listener for every connection (as `this`), not a closure each; the peer address read at
  // connection stays readable after the close.
  const closed = function (this: Socket) {
    const address = this.remoteAddress ?? '';
    const left = (open.get(address) ?? 1) - 1;
    if (left > 0) open.set(address, left);
    else open.delete(address);
  };
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const current = open.get(address) ?? 0;
    if (current >= max) {
      socket.destroy();
      onRefused(address);
      return;
    }
    open.set(address, current + 1);
    socket.on('close', closed);
  });
}
