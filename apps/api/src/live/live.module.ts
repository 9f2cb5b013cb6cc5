import { Module } from '@nestjs/common';
import { BroadcastModule } from '../broadcast/broadcast.module';
import { ChatModule } from '../chat/chat.module';
import { IdentityModule } from '../identity/identity.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RoomsModule } from '../rooms/rooms.module';
import { SecurityModule } from '../security/security.module';
import { SocketModule } from '../socket/socket.module';
import { LiveGateway } from './live.gateway';
import { WelcomePacket } from './welcome-packet';
import { WelcomeService } from './welcome.service';

/** The protocol's gateway: connections, each in its room, clicks, chat, typing and their welcome. */
@Module({
  imports: [
    SocketModule,
    BroadcastModule,
    ChatModule,
    SecurityModule,
    MetricsModule,
    IdentityModule,
    RoomsModule,
  ],
  providers: [LiveGateway, WelcomeService, WelcomePacket],
})
export class LiveModule {}
