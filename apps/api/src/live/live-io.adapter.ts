import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { IncomingMessage } from 'node:http';
import type { ServerOptions } from 'socket.io';
import { LIMITS } from '@live/shared-events';
import type { AppConfig } from '../config/config';

/** True when `origin` is the server's own (same host as requested) or on the allow-list. */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  // Browsers always send Origin on cross-site requests; clients without one (Node, curl) are not browsers.
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Socket.IO with the protocol's options: path, packet limit, Origin allow-list, no deflate. */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: Pick<
      AppConfig,
      'allowedOrigins' | 'pingIntervalMs' | 'pingTimeoutMs' | 'connectTimeoutMs'
    >,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const allowed = this.config.allowedOrigins;
    return super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      maxHttpBufferSize: LIMITS.maxPacketBytes,
      // Half-open and silent clients: dropped after a missed ping, or a handshake never finished.
      pingInterval: this.config.pingIntervalMs,
      pingTimeout: this.config.pingTimeoutMs,
      connectTimeout: this.config.connectTimeoutMs,
      // Compression costs CPU on every broadcast for small gains on tiny packets.
      perMessageDeflate: false,
      httpCompression: false,
      cors: { origin: allowed, credentials: true },
      allowRequest: (
        request: IncomingMessage,
        callback: (error: string | null, ok: boolean) => void,
      ) => {
        const ok = isOriginAllowed(request.headers.origin, request.headers.host, allowed);
        callback(ok ? null : `Origin ${request.headers.origin} is not allowed`, ok);
      },
    } as ServerOptions);
  }
}
