import { io, type Socket } from 'socket.io-client';

/**
 * One client in the main process, resolved once welcomed: the probe that warms a server up and
 * reads the count, the flood's victim and the clients that seed its history.
 */
export async function connectProbe(
  url: string,
  { name = 'bench-probe', timeoutMs = 20_000 }: { name?: string; timeoutMs?: number } = {},
): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: timeoutMs,
    auth: { name },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('welcome', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
