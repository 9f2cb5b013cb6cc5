import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ERROR_CODES } from '@live/shared-events';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { addressNetwork, CLIENT_KEY, type ClientKey } from '../socket/client-key';
import { ClientLimits } from '../socket/client-limits';
import type { LiveServer, LiveSocket } from '../socket/live-socket';
import { LiveMetrics } from '../metrics/live-metrics';
import { createTokenVerifier } from './admin-token';
import { Deadlines } from './deadlines';
import { clientAddress, ConnectionCap, refusal, type RefusalReason } from './connection-cap';
import { moderatorAuth } from './moderator-auth';
import { RefusalTally } from './refusal-tally';
import { TokenBackoff } from './token-backoff';

type Middleware = (socket: LiveSocket, next: (error?: Error) => void) => void;

/** What the log says of each refusal the admission makes (wrong tokens are TokenBackoff's). */
const REFUSAL_LOG = {
  too_many_connections: 'connections refused: too many from one address',
  second_socket: 'connections closed: a second CONNECT for a namespace it is already in',
  connect_rate: 'connections refused: connecting too often from one address',
} satisfies Partial<Record<RefusalReason, string>>;
type LoggedRefusal = keyof typeof REFUSAL_LOG;

/**
 * Admits connections — one socket per connection and namespace, a cap and a connect rate per
 * client (ClientLimits), the moderator token — and records each
 * connection's life (metrics and a debug log line carrying the socket id). Installed on the
 * server by LiveGateway: plain Socket.IO middleware and listeners, not a gateway of its own,
 * because Nest gives every socket bound handlers and hooks for each gateway (memory per
 * connection: docs/performance.md, step 6).
 */
@Injectable()
export class ConnectionAdmission implements OnModuleDestroy {
  private readonly logger = new Logger('Connections');
  readonly cap: ConnectionCap;
  private readonly connectWaits: Deadlines;
  /**
   * One warn line per address and reason a minute, with the count: a client refused thousands
   * of times a second must not turn into thousands of log lines.
   */
  private readonly refusals = Object.fromEntries(
    Object.entries(REFUSAL_LOG).map(([reason, message]) => [
      reason,
      new RefusalTally((address, refusals) =>
        this.logger.warn(
          { address, reason, refusals, limit: this.config.maxConnectionsPerIp },
          `${message} (${refusals} in the last minute)`,
        ),
      ),
    ]),
  ) as Record<LoggedRefusal, RefusalTally>;
  // Never the token itself: only how many were refused, and from where, once a minute at most.
  private readonly tokenBackoff = new TokenBackoff((address, failures) =>
    this.logger.warn(
      { address, failures },
      `${failures} failed moderator token${failures === 1 ? '' : 's'} from ${address} in the last minute`,
    ),
  );

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
      // The cap's listener: a third `disconnect` listener per socket would grow its array to 19 slots.
      (socket, reason) => {
        metrics.disconnects.inc({ reason });
        this.logger.debug({ socket: socket.id, reason }, 'disconnected');
      },
    );
    this.connectWaits = new Deadlines(config.rateLimitMaxKeys);
  }

  /**
   * Installs the checks, then `after` (middleware that may refuse, run only for connections the
   * checks let through); install it after any other middleware that refuses (the gateway's
   * handshake): a socket refused after the cap's middleware gives its slot back only through
   * these checks.
   */
  install(server: LiveServer, ...after: Middleware[]): void {
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
    const backoff = this.tokenBackoff;
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
    for (const check of after) server.use(checked(check));
    server.on('connection', (socket) => this.admitted(socket));
  }

  /** Logs the refusals still unreported. */
  onModuleDestroy(): void {
    for (const tally of Object.values(this.refusals)) tally.close();
    this.tokenBackoff.close();
  }

  /**
   * For the request gate: how long a new connection from `req`'s address must still wait, after
   * Socket.IO has told it once (0: let it through). The HTTP answer costs a fraction of an
   * Engine.IO session and a WebSocket handshake, so a client connecting in a loop is cheap to
   * turn away.
   */
  connectWaitMs(req: IncomingMessage): number {
    const network = addressNetwork(
      clientAddress(
        { address: req.socket.remoteAddress ?? '', headers: req.headers },
        this.config.trustProxy,
      ),
    );
    const waitMs = this.connectWaits.remainingMs(network);
    if (waitMs > 0) {
      this.metrics.refusedConnections.inc({ reason: 'connect_rate' });
      this.refusals.connect_rate.add(network);
    }
    return waitMs;
  }

  /** Fresh connects per client: reconnecting is what would otherwise reset per-socket limits. */
  private readonly connectRate: Middleware = (socket, next) => {
    const waitMs = this.limits.take('connect', socket);
    if (waitMs === 0) return next();
    const network = addressNetwork(clientAddress(socket.handshake, this.config.trustProxy));
    this.refused(socket, network, 'connect_rate');
    this.connectWaits.set(network, Date.now() + waitMs);
    next(
      refusal(
        `Too many connects from your address: try again in ${Math.ceil(waitMs / 1000)} s`,
        ERROR_CODES.RATE_LIMITED,
        waitMs,
      ),
    );
  };

  private refused(socket: LiveSocket, address: string, reason: LoggedRefusal): void {
    this.metrics.refusedConnections.inc({ reason });
    this.logger.debug({ socket: socket.id, address, reason }, 'connection refused');
    this.refusals[reason].add(address);
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
  }
}
