import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MetricsModule } from '../metrics/metrics.module';
import { CLIENT_KEY, addressKey } from './client-key';
import { ClientLimits } from './client-limits';
import { EventRateLimiter } from './event-rate-limiter';
import { RequestTracker } from './request-tracker';

/**
 * What every gateway's handlers go through: the one RequestTracker the shutdown drains, the one
 * ClientLimits every per-client limit shares, the EventRateLimiter in front of the handlers, and,
 * for the interceptors (which Nest builds in each gateway's own module), the metrics.
 */
@Module({
  imports: [MetricsModule],
  providers: [
    RequestTracker,
    // Who "one client" is for the limits that follow it: its address (its real one behind TRUST_PROXY).
    {
      provide: CLIENT_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => addressKey(config.trustProxy),
    },
    ClientLimits,
    EventRateLimiter,
  ],
  exports: [RequestTracker, MetricsModule, CLIENT_KEY, ClientLimits, EventRateLimiter],
})
export class SocketModule {}
