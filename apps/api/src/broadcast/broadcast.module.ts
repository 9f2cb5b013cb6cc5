import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { RoomsModule } from '../rooms/rooms.module';
import { LiveBroadcaster } from './live-broadcaster';

@Module({
  imports: [RoomsModule, MetricsModule],
  providers: [LiveBroadcaster],
  exports: [LiveBroadcaster],
})
export class BroadcastModule {}
