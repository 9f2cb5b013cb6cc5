import { Module } from '@nestjs/common';
import { LiveMetrics } from './live-metrics';
import { MetricsController } from './metrics.controller';

/** The app's Prometheus registry, for whatever records into it, and `GET /metrics`. */
@Module({
  providers: [LiveMetrics],
  controllers: [MetricsController],
  exports: [LiveMetrics],
})
export class MetricsModule {}
