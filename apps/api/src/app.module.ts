import { DynamicModule, Module } from '@nestjs/common';
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
import { PresenceService } from './presence/presence.service';
import { StoreModule } from './store/store.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [StoreModule.forRoot(config)],
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
      ],
      exports: [APP_CONFIG],
    };
  }
}
