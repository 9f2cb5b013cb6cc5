import 'reflect-metadata';
import { join } from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './logging/pino-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  // The built UI sits beside the built API: dist/apps/client next to dist/apps/api.
  config.clientDir ??= join(__dirname, '..', 'client');
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  await app.listen(config.port, config.host);
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info(`Listening on http://${shown}:${config.port} (data in ${config.dataDir})`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  // A bad setting or an unusable DATA_DIR: say what is wrong, plainly, and stop.
  const message =
    error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`live-api failed to start: ${message}\n`);
  process.exit(1);
});
