import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { connectRedis, describeRedis } from './redis-connection';

/**
 * Nest injection token for the shared, fail-fast Redis connection: a `Redis` with REDIS_URL,
 * `undefined` without (one instance, nothing shared).
 */
export const REDIS = Symbol('REDIS');

/** Connects to Redis at start (failing fast), logs outages and recoveries, and quits on shutdown. */
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: async ({ redis: cluster }: AppConfig): Promise<Redis | undefined> => {
        if (!cluster) return undefined;
        const redis = await connectRedis(cluster.url, cluster.sentinel);
        logTransitions(redis, describeRedis(cluster.url, cluster.sentinel));
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | undefined) {}

  // Nest shuts the modules importing this one down first (the store, presence): QUIT waits for
  // the replies still due to them.
  async onApplicationShutdown(): Promise<void> {
    const redis = this.redis;
    await redis?.quit().catch(() => redis.disconnect());
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
