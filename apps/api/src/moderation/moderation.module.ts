import { Module } from '@nestjs/common';
import { BroadcastModule } from '../broadcast/broadcast.module';
import { CounterModule } from '../counter/counter.module';
import { IdentityModule } from '../identity/identity.module';
import { PeopleModule } from '../people/people.module';
import { SocketModule } from '../socket/socket.module';
import { ModerationGateway } from './moderation.gateway';

@Module({
  imports: [SocketModule, BroadcastModule, CounterModule, IdentityModule, PeopleModule],
  providers: [ModerationGateway],
})
export class ModerationModule {}
