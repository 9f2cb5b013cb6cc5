import { BeforeApplicationShutdown, Inject, UseFilters, UseInterceptors } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  EVENTS,
  clickRequestSchema,
  historyRequestSchema,
  messageRequestSchema,
  typingRequestSchema,
  type ClickRequest,
  type ClickResult,
  type HistoryRequest,
  type HistoryResult,
  type MessageInput,
  type MessageResult,
} from '@live/shared-events';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { ChatService } from '../chat/chat.service';
import { TypingService } from '../chat/typing.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { LiveMetrics } from '../metrics/live-metrics';
import { PresenceService } from '../presence/presence.service';
import { ConnectionAdmission } from '../security/connection-admission';
import type { LiveServer, LiveSocket } from '../socket/live-socket';
import { MetricsInterceptor } from '../socket/metrics.interceptor';
import { ProtocolExceptionFilter } from '../socket/protocol-exception.filter';
import { RequestTracker, RequestTrackingInterceptor } from '../socket/request-tracker';
import { ZodValidationPipe } from '../socket/zod-validation.pipe';
import { handshake } from './handshake';
import { WelcomeService } from './welcome.service';

/**
 * Protocol v1 over Socket.IO: translates events to service calls and results to acks; every
 * broadcast goes through LiveBroadcaster. Socket.IO options (path, limits, origins) come from
 * LiveIoAdapter.
 */
@WebSocketGateway()
@UseFilters(ProtocolExceptionFilter)
@UseInterceptors(MetricsInterceptor, RequestTrackingInterceptor)
export class LiveGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown
{
  constructor(
    private readonly counter: CounterService,
    private readonly chat: ChatService,
    private readonly presence: PresenceService,
    private readonly typists: TypingService,
    private readonly welcome: WelcomeService,
    private readonly broadcaster: LiveBroadcaster,
    private readonly metrics: LiveMetrics,
    private readonly requests: RequestTracker,
    private readonly admission: ConnectionAdmission,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: LiveServer): void {
    server.use(handshake);
    this.admission.install(server);
    this.broadcaster.attach(server);
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    this.presence.join();
    this.broadcaster.admit(socket);
    this.metrics.connectedSockets.inc();
    const you = {
      id: socket.id,
      name: socket.data.name,
      moderator: socket.data.moderator === true,
    };
    socket.emit(EVENTS.welcome, await this.welcome.welcomeFor(you));
    this.broadcaster.onlineChanged();
  }

  handleDisconnect(socket: LiveSocket): void {
    this.presence.leave();
    this.metrics.connectedSockets.dec();
    this.broadcaster.onlineChanged();
    if (this.typists.stop(socket.id)) this.broadcaster.typing(socket, false);
  }

  @SubscribeMessage(EVENTS.click)
  async click(
    @MessageBody(new ZodValidationPipe(clickRequestSchema)) request: ClickRequest,
  ): Promise<ClickResult> {
    const count = await this.counter.click(request?.id);
    this.broadcaster.clicked();
    return { ok: true, count };
  }

  @SubscribeMessage(EVENTS.message)
  async message(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody(new ZodValidationPipe(messageRequestSchema)) input: MessageInput,
  ): Promise<MessageResult> {
    const { message, created } = await this.chat.post(socket.data.name, input);
    // Durable before anyone sees it: a message's seq is never shown twice, even across a power cut.
    if (created) this.broadcaster.message(message);
    // Sending ends typing; say so, so nobody sees "… is typing" after the message.
    if (this.typists.stop(socket.id)) this.broadcaster.typing(socket, false);
    return { ok: true, message };
  }

  @SubscribeMessage(EVENTS.history)
  async history(
    @MessageBody(new ZodValidationPipe(historyRequestSchema)) query: HistoryRequest,
  ): Promise<HistoryResult> {
    return { ok: true, messages: await this.chat.history(query) };
  }

  @SubscribeMessage(EVENTS.typing)
  typing(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody(new ZodValidationPipe(typingRequestSchema)) typing: boolean,
  ): void {
    this.typists.set(socket.id, typing);
    this.broadcaster.typing(socket, typing);
  }

  /** Graceful shutdown, before sockets close: requests already sent finish and are acked. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.requests.drain(this.config.shutdownTimeoutMs / 2);
    // Everyone leaves holding the final count (this instance's clients: another instance may know a higher one).
    this.broadcaster.sendLatestCount();
  }
}
