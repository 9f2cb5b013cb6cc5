import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './logging/pino-logger';
import { RedisUnreachableError, redactUrl } from './redis/redis-connection';
import { StoreUnavailableError } from './store/store';

/**
 * The accept queue. Node's default (511) overflows when a thousand clients connect at once (a
 * reconnect storm after a restart, or the bench's connect burst), and each dropped SYN costs its
 * client a 1 s retransmit. The kernel caps it at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

async function main(): Promise<void> {
  // Settings from ./.env, as `nx serve` reads them; variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  // The built UI sits beside the built API: dist/apps/client next to dist/apps/api. Under
  // `nx serve` (a development build) the Vite dev server serves it instead.
  if (process.env['NODE_ENV'] !== 'development')
    config.clientDir ??= join(__dirname, '..', 'client');
  const logger = createLogger(config.logLevel, config.logFormat);
  const app = await createApp(config, logger);
  // app.listen() without a way to set the backlog: initialise, then listen on Nest's server.
  await app.init();
  const server: Server = app.getHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => {
      // As app.listen() does: a later server error is not a failure to start.
      server.off('error', reject);
      resolve();
    });
  });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const data = config.redis
    ? `Redis at ${redactUrl(config.redis.url)}, keys prefixed ${config.redis.prefix}`
    : config.dataDir;
  logger.info(`Listening on http://${shown}:${config.port} (data in ${data})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // A bad setting, an unusable DATA_DIR or an unreachable Redis: say what is wrong, plainly, and stop.
  const plain =
    error instanceof ConfigError ||
    error instanceof StoreUnavailableError ||
    error instanceof RedisUnreachableError;
  const message = plain ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`live-api failed to start: ${message}\n`);
  process.exit(1);
});
