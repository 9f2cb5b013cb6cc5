import { Inject, Injectable, Logger } from '@nestjs/common';
import { ERROR_CODES } from '@live/shared-events';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CLIENT_KEY, type ClientKey } from '../socket/client-key';
import { ClientLimits } from '../socket/client-limits';
import type { LiveServer, LiveSocket } from '../socket/live-socket';
import { LiveMetrics } from '../metrics/live-metrics';
import { createTokenVerifier } from './admin-token';
import { clientAddress, ConnectionCap, refusal, type RefusalReason } from './connection-cap';
import { moderatorAuth } from './moderator-auth';
import { TokenBackoff } from './token-backoff';

type Middleware = (socket: LiveSocket, next: (error?: Error) => void) => void;

const REFUSAL_LOG: Partial<Record<RefusalReason, string>> = {
  too_many_connections: 'connection refused: too many from one address',
  second_socket: 'connection closed: a second CONNECT for a namespace it is already in',
  connect_rate: 'connection refused: connecting too often from one address',
};

/**
 * Admits connections — one socket per connection and namespace, a cap and a connect rate per
 * client (ClientLimits), the moderator token — and records each
 * connection's life (metrics and a debug log line carrying the socket id). Installed on the
 * server by LiveGateway: plain Socket.IO middleware and listeners, not a gateway of its own,
 * because Nest gives every socket bound handlers and hooks for each gateway (memory per
 * connection: docs/performance.md, step 6).
 */
@Injectable()
export class ConnectionAdmission {
  private readonly logger = new Logger('Connections');
  readonly cap: ConnectionCap;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: LiveMetrics,
    private readonly limits: ClientLimits,
    @Inject(CLIENT_KEY) keyOf: ClientKey,
  ) {
    this.cap = new ConnectionCap(
      config.maxConnectionsPerIp,
      (socket, address, reason) => this.refused(socket, address, reason),
      keyOf,
    );
  }

  /**
   * Installs the checks; install it after any middleware that refuses (the gateway's handshake):
   * a socket refused after the cap's middleware gives its slot back only through these checks.
   */
  install(server: LiveServer): void {
    server.engine.on('connection', (conn: LiveSocket['conn']) => this.cap.watch(conn));
    server.use(this.cap.middleware);
    const checked =
      (check: Middleware): Middleware =>
      (socket, next) =>
        check(socket, (error) => {
          if (error) this.cap.release(socket);
          next(error);
        });
    server.use(checked(this.connectRate));
    // Never the token itself: only how many were refused, and from where, once a minute at most.
    const backoff = new TokenBackoff((address, failures) =>
      this.logger.warn(
        { address, failures },
        `${failures} failed moderator token${failures === 1 ? '' : 's'} from ${address} in the last minute`,
      ),
    );
    server.use(
      checked(
        moderatorAuth({
          verify: createTokenVerifier(this.config.adminToken),
          backoff,
          addressOf: (socket) => clientAddress(socket.handshake, this.config.trustProxy),
          onRefused: () => this.metrics.refusedConnections.inc({ reason: 'bad_token' }),
        }),
      ),
    );
    server.on('connection', (socket) => this.admitted(socket));
  }

  /** Fresh connects per client: reconnecting is what would otherwise reset per-socket limits. */
  private readonly connectRate: Middleware = (socket, next) => {
    const waitMs = this.limits.take('connect', socket);
    if (waitMs === 0) return next();
    this.refused(socket, clientAddress(socket.handshake, this.config.trustProxy), 'connect_rate');
    next(
      refusal(
        `Too many connects from your address: try again in ${Math.ceil(waitMs / 1000)} s`,
        ERROR_CODES.RATE_LIMITED,
        waitMs,
      ),
    );
  };

  private refused(socket: LiveSocket, address: string, reason: RefusalReason): void {
    this.metrics.refusedConnections.inc({ reason });
    this.logger.warn(
      { socket: socket.id, address, reason, limit: this.config.maxConnectionsPerIp },
      REFUSAL_LOG[reason] ?? 'connection refused',
    );
  }

  private admitted(socket: LiveSocket): void {
    this.metrics.connects.inc();
    this.logger.debug(
      {
        socket: socket.id,
        address: socket.handshake.address,
        transport: socket.conn.transport.name,
        moderator: socket.data.moderator === true,
      },
      'connected',
    );
    socket.once('disconnect', (reason) => {
      this.metrics.disconnects.inc({ reason });
      this.logger.debug({ socket: socket.id, reason }, 'disconnected');
    });
  }
}
