import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { StoreModule } from '../store/store.module';
import { RoomRegistry } from './room-registry';

/** The rooms held in memory here, each with its counter and people. */
@Module({
  imports: [StoreModule, MetricsModule],
  providers: [RoomRegistry],
  exports: [RoomRegistry],
})
export class RoomsModule {}
