import { DynamicModule, Module, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ChatService } from './chat/chat.service';
import { APP_CONFIG, type AppConfig } from './config/config';
import { CounterService } from './counter/counter.service';
import { HealthController } from './health/health.controller';
import { LiveGateway } from './live/live.gateway';
import { ProtocolExceptionFilter } from './live/protocol-exception.filter';
import { RateLimitInterceptor } from './live/rate-limit';
import { RequestTracker, RequestTrackingInterceptor } from './live/request-tracker';
import { LiveMetrics } from './metrics/live-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsInterceptor } from './metrics/metrics.interceptor';
import { PRESENCE_BOARD } from './presence/presence-board';
import { PresenceService } from './presence/presence.service';
import { RedisPresenceBoard } from './presence/redis-presence-board';
import { REDIS, RedisModule } from './redis/redis.module';
import { ModerationGateway } from './moderation/moderation.gateway';
import { ModeratorOnlyInterceptor } from './moderation/moderator-only';
import { ConnectionAdmission } from './security/connection-admission';
import { StoreInstrumentation } from './store/store-instrumentation';
import { StoreModule } from './store/store.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { redis } = config;
    // With REDIS_URL, instances share the store and presence through Redis.
    const clusterImports = redis ? [RedisModule.forRoot(redis.url)] : [];
    const clusterProviders: Provider[] = redis
      ? [
          {
            provide: PRESENCE_BOARD,
            inject: [REDIS],
            useFactory: (client: Redis) =>
              new RedisPresenceBoard(client, redis.prefix, redis.presenceTtlMs),
          },
        ]
      : [];
    return {
      module: AppModule,
      global: true,
      imports: [...clusterImports, StoreModule.forRoot(config)],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        CounterService,
        ChatService,
        PresenceService,
        LiveMetrics,
        MetricsInterceptor,
        RateLimitInterceptor,
        RequestTracker,
        RequestTrackingInterceptor,
        ProtocolExceptionFilter,
        LiveGateway,
        ...clusterProviders,
        StoreInstrumentation,
        ConnectionAdmission,
        ModeratorOnlyInterceptor,
        ModerationGateway,
      ],
      exports: [APP_CONFIG],
    };
  }
}
