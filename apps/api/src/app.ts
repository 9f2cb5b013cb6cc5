import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { PinoNestLogger } from './logging/pino-logger';
import { LiveMetrics } from './metrics/live-metrics';
import { REDIS } from './redis/redis.module';
import { ConnectionAdmission } from './security/connection-admission';
import { metricsAccess } from './security/metrics-access';
import { OwnOrigins } from './security/own-origins';
import { gateRequests } from './security/request-gate';
import { securityHeaders } from './security/security-headers';
import { LiveEventDispatcher } from './socket/live-event-dispatcher';
import type { LiveSocket } from './socket/live-socket';
import { capTcpConnectionsPerAddress } from './security/tcp-connection-cap';
import { httpServerOptions, LiveExpressAdapter } from './transport/live-express.adapter';
import { LiveIoAdapter } from './transport/live-io.adapter';

/** Builds the app (not yet listening): HTTP routes, the Socket.IO gateways and the built UI. */
export async function createApp(
  config: AppConfig,
  logger: Logger,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config),
    new LiveExpressAdapter(httpServerOptions(config)),
    {
      logger: new PinoNestLogger(logger),
      // Surface start-up failures (a bad DATA_DIR) as errors, not process.abort().
      abortOnError: false,
    },
  );
  app.disable('x-powered-by');
  const origins = new OwnOrigins(config.publicOrigins, config.allowedOrigins);
  const server: Server = app.getHttpServer();
  // Without a proxy in front; behind one, every peer is the proxy (docs/security.md).
  if (config.trustProxy === 0) {
    const metrics = app.get(LiveMetrics);
    capTcpConnectionsPerAddress(server, config.maxHttpConnectionsPerIp, () =>
      metrics.refusedConnections.inc({ reason: 'too_many_http_connections' }),
    );
  }
  // Once listening, Engine.IO has attached and the port is known (PORT=0 picks one).
  server.once('listening', () => {
    origins.listeningOn((server.address() as { port: number }).port);
    const admission = app.get(ConnectionAdmission);
    gateRequests(server, origins, securityHeaders(), (req) => admission.connectWaitMs(req));
  });
  app.use('/metrics', metricsAccess(config.metricsToken, config.trustProxy));
  const events = app.get(LiveEventDispatcher);
  app.useWebSocketAdapter(
    new LiveIoAdapter(app, config, app.get<Redis | undefined>(REDIS), origins, (socket) =>
      events.bind(socket as LiveSocket),
    ),
  );
  if (config.clientDir && existsSync(config.clientDir)) {
    app.useStaticAssets(config.clientDir, { index: 'index.html', maxAge: '1h' });
    // A room's link is the app's page: the UI reads the room from the path (and says so if the
    // name is not one a room can have).
    const page = join(resolve(config.clientDir), 'index.html');
    app
      .getHttpAdapter()
      .get('/r/:room', (_req: unknown, res: { sendFile(path: string, options: object): void }) =>
        res.sendFile(page, { headers: { 'Cache-Control': 'no-cache' } }),
      );
  } else if (config.clientDir) {
    logger.warn(
      { clientDir: config.clientDir },
      'the UI is not built: run `npm start` to build and serve it',
    );
  }
  return app;
}
