import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { ChatService } from '../chat/chat.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { LiveMetrics } from '../metrics/live-metrics';
import { MetricsInterceptor } from '../metrics/metrics.interceptor';
import { PresenceService } from '../presence/presence.service';
import { ConnectionAdmission } from '../security/connection-admission';
import { LiveGateway } from './live.gateway';
import { RateLimitInterceptor } from './rate-limit';
import { RequestTracker, RequestTrackingInterceptor } from './request-tracker';

/** The real LiveGateway from Nest's TestingModule, over the given (fake or real) services. */
export async function compileLiveGateway(services: {
  counter: unknown;
  chat: unknown;
  presence: unknown;
  config?: Partial<AppConfig>;
}): Promise<LiveGateway> {
  const moduleRef = await Test.createTestingModule({
    providers: [
      LiveGateway,
      LiveMetrics,
      MetricsInterceptor,
      RateLimitInterceptor,
      RequestTracker,
      RequestTrackingInterceptor,
      { provide: ConnectionAdmission, useValue: { install: jest.fn() } },
      { provide: APP_CONFIG, useValue: { shutdownTimeoutMs: 1000, ...services.config } },
      { provide: CounterService, useValue: services.counter },
      { provide: ChatService, useValue: services.chat },
      { provide: PresenceService, useValue: services.presence },
    ],
  }).compile();
  return moduleRef.get(LiveGateway);
}
