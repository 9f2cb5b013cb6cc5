import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { LiveServer, LiveSocket } from '../socket/live-socket';
import { LiveMetrics } from '../metrics/live-metrics';
import { createTokenVerifier } from './admin-token';
import { ConnectionCap } from './connection-cap';
import { moderatorAuth } from './moderator-auth';

/**
 * Admits connections — a cap per client address, the moderator token — and records each
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
  ) {
    this.cap = new ConnectionCap(
      config.maxConnectionsPerIp,
      (socket, address) => {
        this.metrics.refusedConnections.inc({ reason: 'too_many_connections' });
        this.logger.warn(
          { socket: socket.id, address, limit: config.maxConnectionsPerIp },
          'connection refused: too many from one address',
        );
      },
      config.trustProxy,
    );
  }

  install(server: LiveServer): void {
    server.use(this.cap.middleware);
    server.use(
      moderatorAuth(createTokenVerifier(this.config.adminToken), (socket) => {
        this.metrics.refusedConnections.inc({ reason: 'bad_token' });
        // Never the token itself: only that one was wrong, and from where.
        this.logger.warn(
          { socket: socket.id, address: socket.handshake.address },
          'connection refused: invalid moderator token',
        );
      }),
    );
    server.on('connection', (socket) => this.admitted(socket));
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
