import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';
import { RedisStore } from './redis.store';
import { SqliteStore } from './sqlite.store';
import { STORE, type Store } from './store';

/**
 * Picks the store adapter for the configuration (Redis when REDIS_URL is set, otherwise the
 * embedded SQLite file) and closes it when the app shuts down.
 */
@Module({})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(STORE) private readonly store: Store) {}

  static forRoot(config: Pick<AppConfig, 'dataDir' | 'redis'>): DynamicModule {
    const { redis } = config;
    const store = redis
      ? {
          provide: STORE,
          inject: [REDIS],
          useFactory: (client: Redis) =>
            new RedisStore(client, { prefix: redis.prefix, historyCap: redis.historyCap }),
        }
      : { provide: STORE, useFactory: () => new SqliteStore(config.dataDir) };
    return { module: StoreModule, providers: [store], exports: [STORE] };
  }

  // After the HTTP and Socket.IO servers closed: pending writes finish, then the store closes.
  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}
