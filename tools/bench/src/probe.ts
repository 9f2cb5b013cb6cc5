import { io, type Socket } from 'socket.io-client';

export interface ProbeOptions {
  name?: string;
  /** The room to join (`auth.room`); none: the lobby. */
  room?: string;
  timeoutMs?: number;
}

/** A client in the main process and the `welcome` it was greeted with. */
async function connectWelcomed(
  url: string,
  { name = 'bench-probe', room, timeoutMs = 20_000 }: ProbeOptions,
): Promise<{ socket: Socket; welcome: { count?: number } }> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: timeoutMs,
    auth: { name, ...(room !== undefined && { room }) },
  });
  const welcome = await new Promise<{ count?: number }>((resolve, reject) => {
    socket.once('welcome', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, welcome };
}

/**
 * One client in the main process, resolved once welcomed: the probe that warms a server up and
 * reads the count, the rooms scenario's warm-up, the flood's victim and the clients that seed
 * its history.
 */
export async function connectProbe(url: string, options: ProbeOptions = {}): Promise<Socket> {
  return (await connectWelcomed(url, options)).socket;
}

/** The count a new connection to the room is welcomed with (it leaves at once): nothing is clicked. */
export async function readCount(url: string, options: ProbeOptions): Promise<number> {
  const { socket, welcome } = await connectWelcomed(url, options);
  socket.disconnect();
  if (typeof welcome.count !== 'number')
    throw new Error(`a welcome without a count: ${JSON.stringify(welcome).slice(0, 200)}`);
  return welcome.count;
}
