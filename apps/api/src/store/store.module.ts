import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LiveMetrics } from '../metrics/live-metrics';
import { MetricsModule } from '../metrics/metrics.module';
import { REDIS, RedisModule } from '../redis/redis.module';
import { InstrumentedStore } from './instrumented-store';
import { RedisStore } from './redis.store';
import { SqliteStore } from './sqlite.store';
import { STORE, type Store } from './store';

/** The adapter StoreModule picked, before it is instrumented. Only STORE is exported. */
export const STORE_ADAPTER = Symbol('STORE_ADAPTER');

/**
 * Picks the store adapter for the configuration (Redis when REDIS_URL is set, otherwise the
 * embedded SQLite file), provides it as STORE wrapped in InstrumentedStore, and closes it when
 * the app shuts down.
 */
@Module({
  imports: [RedisModule, MetricsModule],
  providers: [
    {
      provide: STORE_ADAPTER,
      inject: [APP_CONFIG, REDIS, LiveMetrics],
      useFactory: (
        { redis: cluster, dataDir }: AppConfig,
        redis: Redis | undefined,
        metrics: LiveMetrics,
      ): Store =>
        cluster && redis
          ? new RedisStore(redis, {
              prefix: cluster.prefix,
              historyCap: cluster.historyCap,
              waitReplicas: cluster.waitReplicas,
              waitTimeoutMs: cluster.waitTimeoutMs,
            })
          : new SqliteStore(dataDir, Date.now, {
              waited: (seconds) => metrics.storeWriteWaitSeconds.observe(seconds),
              synced: (seconds) => metrics.storeSyncSeconds.observe(seconds),
            }),
    },
    {
      provide: STORE,
      inject: [STORE_ADAPTER, LiveMetrics],
      useFactory: (adapter: Store, metrics: LiveMetrics) => new InstrumentedStore(adapter, metrics),
    },
  ],
  exports: [STORE],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(STORE) private readonly store: Store) {}

  // After the HTTP and Socket.IO servers closed: pending writes finish, then the store closes.
  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}
