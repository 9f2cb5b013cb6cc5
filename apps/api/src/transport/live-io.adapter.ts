import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Redis } from 'ioredis';
import type { IncomingMessage } from 'node:http';
import type { Observable } from 'rxjs';
import type { ServerOptions, Socket } from 'socket.io';
import { LIMITS } from '@live/shared-events';
import type { AppConfig } from '../config/config';
import { AdapterConnections } from '../redis/redis-connection';
import { OwnOrigins } from '../security/own-origins';
import { clusterOptions } from './cluster-options';

/**
 * Answers an inbound event itself, before its handler, when it must not reach it (a rate limit):
 * true when it did. It gets the event's ack callback, if the client sent one.
 */
export type EventScreen = (socket: Socket, event: string, ack: unknown) => boolean;

/**
 * Socket.IO with the protocol's options: path, packet limit, Origin allow-list, no deflate; and,
 * given a Redis connection (REDIS_URL), the Redis streams adapter with connection state recovery.
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
    private readonly screen: EventScreen = () => false,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const origins = this.origins;
    return super.createIOServer(port, {
      ...options,
      ...this.clusterOptions(),
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
    } as ServerOptions);
  }

  /**
   * Nest's own binding, with a plain listener per handler instead of an RxJS chain per handler
   * per connection (fromEvent, mergeMap, takeUntil a shared disconnect$), which cost memory on
   * every connection and allocated on every event: 54.3 → 44.0 KiB per connection in the bench
   * (1000 clients, commit 9bec36b; docs/performance.md, step 1). The behaviour is Nest's: one
   * argument is the data, a trailing function the ack (`mapPayload`, inherited); a non-null
   * result is the ack unless the handler takes `@Ack()` (`isAckHandledManually`), or is sent
   * as `{ event, data }`; a handler's error is logged, never thrown at the socket. One addition:
   * the screen may answer an event first, so a refusal costs no handler pipeline.
   *
   * On a Nest upgrade, compare with `IoAdapter.bindMessageHandlers` in
   * @nestjs/platform-socket.io/adapters/io-adapter.js (the fields of a handler it reads, what it
   * acks or emits, how it logs): live-io.adapter.spec.ts runs a gateway through both bindings
   * and fails where they differ.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...args: unknown[]) => {
        // As RxJS's fromEvent delivers them: one argument as itself, several as an array.
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        if (this.screen(socket, message, ack)) return;
        let result$: Observable<unknown>;
        try {
          result$ = transform(callback(data, ack));
        } catch (error) {
          this.logger.error(error);
          return;
        }
        result$.subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const { event, data: payload } = response as { event?: string; data?: unknown };
            if (event) socket.emit(event, payload);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (error: unknown) => this.logger.error(error),
        });
      });
    }
  }

  /** With Redis: the streams adapter and connection state recovery; alone: nothing more. */
  private clusterOptions(): Partial<ServerOptions> {
    if (!this.redis || !this.config.redis) return {};
    this.connections ??= new AdapterConnections(this.redis);
    return clusterOptions(this.connections.publisher, this.config.redis);
  }

  /** After the Socket.IO server closed: the adapter's connections go too. */
  override async dispose(): Promise<void> {
    this.connections?.close();
  }
}
