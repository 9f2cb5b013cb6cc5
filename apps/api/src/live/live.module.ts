import { Module } from '@nestjs/common';
import { BroadcastModule } from '../broadcast/broadcast.module';
import { ChatModule } from '../chat/chat.module';
import { CounterModule } from '../counter/counter.module';
import { IdentityModule } from '../identity/identity.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PeopleModule } from '../people/people.module';
import { PresenceModule } from '../presence/presence.module';
import { SecurityModule } from '../security/security.module';
import { SocketModule } from '../socket/socket.module';
import { LiveGateway } from './live.gateway';
import { WelcomeService } from './welcome.service';

/** The protocol's gateway: connections, clicks, chat, typing and their welcome. */
@Module({
  imports: [
    SocketModule,
    BroadcastModule,
    CounterModule,
    ChatModule,
    PresenceModule,
    SecurityModule,
    MetricsModule,
    IdentityModule,
    PeopleModule,
  ],
  providers: [LiveGateway, WelcomeService],
})
export class LiveModule {}
