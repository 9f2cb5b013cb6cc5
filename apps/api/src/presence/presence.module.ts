import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS, RedisModule } from '../redis/redis.module';
import { PresenceService } from './presence.service';
import { RedisPresenceBoard } from './redis-presence-board';

/**
 * Picks where `online` comes from: alone, this instance's connections; with REDIS_URL, the sum
 * of every instance's heartbeat on the Redis board.
 */
@Module({
  imports: [RedisModule],
  providers: [
    {
      provide: PresenceService,
      inject: [APP_CONFIG, REDIS],
      useFactory: ({ redis: cluster }: AppConfig, redis: Redis | undefined) =>
        new PresenceService(
          cluster && redis
            ? new RedisPresenceBoard(redis, cluster.prefix, cluster.presenceTtlMs)
            : undefined,
        ),
    },
  ],
  exports: [PresenceService],
})
export class PresenceModule {}
