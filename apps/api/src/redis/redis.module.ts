import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { connectRedis, redactUrl } from './redis-connection';

/** Nest injection token for the shared, fail-fast Redis connection (cluster mode only). */
export const REDIS = Symbol('REDIS');

/** Connects to Redis at start (failing fast), logs outages and recoveries, and quits on shutdown. */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          useFactory: async () => {
            const redis = await connectRedis(url);
            logTransitions(redis, redactUrl(url));
            return redis;
          },
        },
      ],
      exports: [REDIS],
    };
  }

  // After the store and presence are done with it: QUIT waits for the replies still due.
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One log line when Redis goes away and one when it is back, not one per retry. */
function logTransitions(redis: Redis, where: string): void {
  const logger = new Logger('Redis');
  let lost = false;
  redis.on('error', (error: Error) => {
    if (lost) return;
    lost = true;
    logger.error(
      `lost Redis at ${where}: ${error.message}; writes answer UNAVAILABLE until it is back`,
    );
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.log(`Redis at ${where} is back`);
  });
}
