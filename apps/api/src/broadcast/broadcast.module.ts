import { Module } from '@nestjs/common';
import { CounterModule } from '../counter/counter.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PeopleModule } from '../people/people.module';
import { PresenceModule } from '../presence/presence.module';
import { LiveBroadcaster } from './live-broadcaster';

@Module({
  imports: [CounterModule, PresenceModule, PeopleModule, MetricsModule],
  providers: [LiveBroadcaster],
  exports: [LiveBroadcaster],
})
export class BroadcastModule {}
