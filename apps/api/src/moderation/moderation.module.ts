import { Module } from '@nestjs/common';
import { BroadcastModule } from '../broadcast/broadcast.module';
import { ChatModule } from '../chat/chat.module';
import { CounterModule } from '../counter/counter.module';
import { SocketModule } from '../socket/socket.module';
import { ModerationGateway } from './moderation.gateway';

@Module({
  imports: [SocketModule, BroadcastModule, ChatModule, CounterModule],
  providers: [ModerationGateway],
})
export class ModerationModule {}
