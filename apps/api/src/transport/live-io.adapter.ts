import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Redis } from 'ioredis';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { Adapter } from 'socket.io-adapter';
import { LIMITS } from '@live/shared-events';
import type { AppConfig } from '../config/config';
import { AdapterConnections } from '../redis/redis-connection';
import { OwnOrigins } from '../security/own-origins';
import { clusterOptions } from './cluster-options';
import { wholeFrameAdapters } from './whole-frames';

/**
 * Socket.IO with the protocol's options: path, packet limit, Origin allow-list, no deflate,
 * broadcasts written whole; and, given a Redis connection (REDIS_URL), the Redis streams adapter
 * with connection state recovery.
 */
export class LiveIoAdapter extends IoAdapter {
  private connections: AdapterConnections | undefined;

  constructor(
    app: INestApplicationContext,
    private readonly config: Pick<
      AppConfig,
      'allowedOrigins' | 'redis' | 'pingIntervalMs' | 'pingTimeoutMs' | 'connectTimeoutMs'
    >,
    private readonly redis?: Redis,
    /** The server's own origins and the allowed ones (request-gate.ts checks every request too). */
    private readonly origins = new OwnOrigins(undefined, config.allowedOrigins),
    /** Listens to the protocol's events on each new connection (LiveEventDispatcher). */
    private readonly bindEvents: (socket: Socket) => void = () => undefined,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const origins = this.origins;
    const server = super.createIOServer(port, {
      ...options,
      ...this.adapterOptions(),
      path: '/socket.io',
      maxHttpBufferSize: LIMITS.maxPacketBytes,
      // Half-open and silent clients: dropped after a missed ping, or a handshake never finished.
      pingInterval: this.config.pingIntervalMs,
      pingTimeout: this.config.pingTimeoutMs,
      connectTimeout: this.config.connectTimeoutMs,
      // Compression costs CPU on every broadcast for small gains on tiny packets.
      perMessageDeflate: false,
      httpCompression: false,
      // CORS headers for pages of allowed origins (the dev client on :4200).
      cors: {
        origin: (
          origin: string | undefined,
          callback: (error: Error | null, ok: boolean) => void,
        ) => callback(null, origins.allowsOrigin(origin)),
        credentials: true,
      },
      allowRequest: (
        request: IncomingMessage,
        callback: (error: string | null, ok: boolean) => void,
      ) => {
        const ok = origins.allowsOrigin(request.headers.origin, request.headers.host);
        callback(ok ? null : `Origin ${request.headers.origin} is not allowed`, ok);
      },
    } as ServerOptions) as Server;
    // Before Nest's own connection listener (the gateway's handleConnection): no event is missed.
    server.on('connection', this.bindEvents);
    return server;
  }

  /** With Redis: the streams adapter and connection state recovery; alone: the in-memory one. */
  private adapterOptions(): Partial<ServerOptions> {
    if (!this.redis || !this.config.redis)
      return { adapter: wholeFrameAdapters((nsp) => new Adapter(nsp)) };
    this.connections ??= new AdapterConnections(this.redis);
    return clusterOptions(this.connections.publisher, this.config.redis);
  }

  /**
   * Nest's own message binding, for gateways with `@SubscribeMessage` handlers; with none (the
   * protocol's events are LiveEventDispatcher's) it would still build an RxJS disconnect stream
   * for every connection, which nothing reads.
   */
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    const [, handlers] = args;
    if (handlers.length > 0) super.bindMessageHandlers(...args);
  }

  /** After the Socket.IO server closed: the adapter's connections go too. */
  override async dispose(): Promise<void> {
    this.connections?.close();
  }
}
