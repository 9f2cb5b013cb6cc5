import { Module } from '@nestjs/common';
import { BroadcastModule } from '../broadcast/broadcast.module';
import { IdentityModule } from '../identity/identity.module';
import { RoomsModule } from '../rooms/rooms.module';
import { SocketModule } from '../socket/socket.module';
import { ModerationGateway } from './moderation.gateway';

@Module({
  imports: [SocketModule, BroadcastModule, IdentityModule, RoomsModule],
  providers: [ModerationGateway],
})
export class ModerationModule {}
