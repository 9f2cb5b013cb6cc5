import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { PinoNestLogger } from './logging/pino-logger';
import { REDIS } from './redis/redis.module';
import { securityHeaders } from './security/security-headers';
import { LiveIoAdapter } from './transport/live-io.adapter';

/** Builds the app (not yet listening): HTTP routes, the Socket.IO gateways and the built UI. */
export async function createApp(
  config: AppConfig,
  logger: Logger,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    // Surface start-up failures (a bad DATA_DIR) as errors, not process.abort().
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.useWebSocketAdapter(new LiveIoAdapter(app, config, app.get<Redis | undefined>(REDIS)));
  if (config.clientDir && existsSync(config.clientDir)) {
    app.useStaticAssets(config.clientDir, { index: 'index.html', maxAge: '1h' });
  } else if (config.clientDir) {
    logger.warn(
      { clientDir: config.clientDir },
      'the UI is not built: run `npm start` to build and serve it',
    );
  }
  return app;
}
