import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { RequestTracker } from './request-tracker';

/**
 * What every gateway's handlers go through: the one RequestTracker the shutdown drains, and,
 * for the interceptors (which Nest builds in each gateway's own module), the metrics.
 */
@Module({
  imports: [MetricsModule],
  providers: [RequestTracker],
  exports: [RequestTracker, MetricsModule],
})
export class SocketModule {}
