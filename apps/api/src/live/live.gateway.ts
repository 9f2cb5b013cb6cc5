import {
  BeforeApplicationShutdown,
  Inject,
  Logger,
  OnApplicationShutdown,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  EVENTS,
  LIMITS,
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
import { ChatService } from '../chat/chat.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { LiveMetrics } from '../metrics/live-metrics';
import { MetricsInterceptor } from '../metrics/metrics.interceptor';
import { PresenceService } from '../presence/presence.service';
import { ConnectionAdmission } from '../security/connection-admission';
import { Coalescer } from './coalescer';
import { handshake } from './handshake';
import { SlicedBroadcast } from './sliced-broadcast';
import type { LiveServer, LiveSocket } from './live-socket';
import { ProtocolExceptionFilter } from './protocol-exception.filter';
import { RateLimit, RateLimitInterceptor } from './rate-limit';
import { RequestTracker, RequestTrackingInterceptor } from './request-tracker';
import { ZodValidationPipe } from './zod-validation.pipe';

/**
 * How long `click` broadcasts are coalesced with `online` clients connected: 16 ms up to 320
 * online, then 1 ms per 20 (a broadcast to 1000 costs ~16 ms of CPU here), at most 50 ms so
 * every client still holds the final count well within 100 ms of the last click.
 */
export function clickIntervalMs(online: number): number {
  return Math.min(50, Math.max(LIMITS.broadcastIntervalMs, online / 20));
}

/** How long presence broadcasts are coalesced with `online` clients connected. */
export function presenceIntervalMs(online: number): number {
  return Math.min(1000, Math.max(LIMITS.broadcastIntervalMs, online / 2));
}

/**
 * Protocol v1 over Socket.IO: translates events to service calls and results to acks and
 * broadcasts. Socket.IO options (path, limits, origins) come from LiveIoAdapter.
 */
@WebSocketGateway()
@UseFilters(ProtocolExceptionFilter)
@UseInterceptors(MetricsInterceptor, RequestTrackingInterceptor, RateLimitInterceptor)
export class LiveGateway
  implements
    OnGatewayInit,
    OnGatewayConnection,
    OnGatewayDisconnect,
    BeforeApplicationShutdown,
    OnApplicationShutdown
{
  @WebSocketServer() private server!: LiveServer;
  private readonly logger = new Logger(LiveGateway.name);

  // Broadcasts are coalesced: N clients clicking must not cost N² deliveries. The tick grows
  // with the audience so a storm's broadcasts leave the event loop time to ack. Each instance
  // sends `click` and `presence` to its own clients only (server.local), always with the
  // highest count it knows, so however instances' flushes interleave, the last value a client
  // gets is the final one.
  private readonly clickBroadcast = new Coalescer(
    () => clickIntervalMs(this.presence.localConnections),
    (sustained) => {
      if (sustained)
        this.clickSlices.emit(
          this.server.local,
          this.presence.localConnections,
          EVENTS.click,
          () => this.counter.current,
        );
      else this.server.local.emit(EVENTS.click, this.counter.current);
      this.metrics.broadcasts.inc({ event: EVENTS.click });
    },
  );
  // Under sustained clicking, from 500 clients on, a count broadcast goes out in 8 slices, one
  // per loop turn, so the clicks that arrive meanwhile are acked between slices, not after the
  // whole broadcast. A click after a quiet spell goes to everyone at once: nothing waits behind
  // it, and slices would only stretch its broadcast (fan-out p99 −13% in an A/B of 5 rounds).
  private readonly clickSlices = new SlicedBroadcast(8, 500);
  // The online count is for people: its tick grows with the audience (1 ms per 2 online, up
  // to 1 s), so a burst of N connections costs ~2000 deliveries/s, not N every 16 ms.
  private readonly presenceBroadcast = new Coalescer(
    () => presenceIntervalMs(this.presence.localConnections),
    () => {
      this.server.local.emit(EVENTS.presence, { online: this.presence.online });
      this.metrics.broadcasts.inc({ event: EVENTS.presence });
    },
  );
  // With several instances, the others hear of this one's clicks at most once per tick.
  private readonly clickShare = new Coalescer(LIMITS.broadcastIntervalMs, () => {
    this.server.serverSideEmit('count', this.counter.current);
  });
  private readonly clustered: boolean;

  constructor(
    private readonly counter: CounterService,
    private readonly chat: ChatService,
    private readonly presence: PresenceService,
    private readonly metrics: LiveMetrics,
    private readonly requests: RequestTracker,
    private readonly admission: ConnectionAdmission,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.clustered = config.redis !== undefined;
  }

  afterInit(server: LiveServer): void {
    server.use(handshake);
    this.admission.install(server);
    server.on('count', (count) => {
      if (this.counter.observe(count)) this.clickBroadcast.schedule();
    });
    server.on('counterReset', (count) => {
      this.counter.adopt(count);
      this.clickBroadcast.schedule();
    });
    // Fires once a click is committed, before the disk confirms it: the count's broadcast does
    // not wait for the fsync that the ack waits for.
    this.counter.onChange(() => this.clickBroadcast.schedule());
    this.presence.onChange(() => this.presenceBroadcast.schedule());
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    this.presence.join();
    this.clickSlices.assign(socket);
    this.metrics.connectedSockets.inc();
    let messages: Awaited<ReturnType<ChatService['latest']>> = [];
    try {
      messages = await this.chat.latest();
    } catch (error) {
      // The welcome still goes out: counter and presence are useful without history.
      this.logger.error({ socket: socket.id, err: error }, 'could not read history for welcome');
    }
    socket.emit(EVENTS.welcome, {
      you: { id: socket.id, name: socket.data.name, moderator: socket.data.moderator === true },
      count: this.counter.current,
      messages,
      online: this.presence.online,
    });
    this.presenceBroadcast.schedule();
  }

  handleDisconnect(socket: LiveSocket): void {
    this.presence.leave();
    this.metrics.connectedSockets.dec();
    this.presenceBroadcast.schedule();
    if (socket.data.typing) this.announceTyping(socket, false);
  }

  @SubscribeMessage(EVENTS.click)
  @RateLimit('click')
  async click(
    @MessageBody(new ZodValidationPipe(clickRequestSchema)) request: ClickRequest,
  ): Promise<ClickResult> {
    const count = await this.counter.click(request?.id);
    if (this.clustered) this.clickShare.schedule();
    return { ok: true, count };
  }

  @SubscribeMessage(EVENTS.message)
  @RateLimit('message')
  async message(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody(new ZodValidationPipe(messageRequestSchema)) input: MessageInput,
  ): Promise<MessageResult> {
    const { message, created } = await this.chat.post(socket.data.name, input);
    // Durable before anyone sees it: a message's seq is never shown twice, even across a power cut.
    if (created) this.server.emit(EVENTS.message, message);
    // Sending ends typing; say so, so nobody sees "… is typing" after the message.
    if (socket.data.typing) this.announceTyping(socket, false);
    return { ok: true, message };
  }

  @SubscribeMessage(EVENTS.history)
  @RateLimit('history')
  async history(
    @MessageBody(new ZodValidationPipe(historyRequestSchema)) query: HistoryRequest,
  ): Promise<HistoryResult> {
    return { ok: true, messages: await this.chat.history(query) };
  }

  @SubscribeMessage(EVENTS.typing)
  @RateLimit('typing')
  typing(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody(new ZodValidationPipe(typingRequestSchema)) typing: boolean,
  ): void {
    this.announceTyping(socket, typing);
  }

  private announceTyping(socket: LiveSocket, typing: boolean): void {
    socket.data.typing = typing;
    socket.broadcast.emit(EVENTS.typing, { name: socket.data.name, typing });
  }

  /** Graceful shutdown, before sockets close: requests already sent finish and are acked. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.requests.drain(this.config.shutdownTimeoutMs / 2);
    // Everyone leaves holding the final count (this instance's clients: another instance may know a higher one).
    this.server.local.emit(EVENTS.click, this.counter.current);
  }

  onApplicationShutdown(): void {
    this.clickBroadcast.cancel();
    this.presenceBroadcast.cancel();
    this.clickShare.cancel();
  }
}
