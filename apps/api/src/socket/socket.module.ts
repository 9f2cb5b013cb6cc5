import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MetricsModule } from '../metrics/metrics.module';
import { CLIENT_KEY, addressKey } from './client-key';
import { ClientLimits } from './client-limits';
import { EventRateLimiter } from './event-rate-limiter';
import { LiveEventDispatcher } from './live-event-dispatcher';
import { RequestTracker } from './request-tracker';

/**
 * What every inbound event goes through: the LiveEventDispatcher, which finds the `@LiveEvent`
 * handlers of every module, with the EventRateLimiter in front of them; the one RequestTracker
 * the shutdown drains; the one ClientLimits every per-client limit shares.
 */
@Module({
  imports: [MetricsModule, DiscoveryModule],
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
    LiveEventDispatcher,
  ],
  exports: [RequestTracker, MetricsModule, CLIENT_KEY, ClientLimits, LiveEventDispatcher],
})
export class SocketModule {}
