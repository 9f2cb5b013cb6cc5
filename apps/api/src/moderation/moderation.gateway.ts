import { Inject, Logger, UseFilters, UseInterceptors } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  EVENTS,
  counterResetRequestSchema,
  messageDeleteRequestSchema,
  type CounterResetResult,
  type MessageDeleteRequest,
  type MessageDeleteResult,
} from '@live/shared-events';
import { ChatService } from '../chat/chat.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CounterService } from '../counter/counter.service';
import type { LiveServer, LiveSocket } from '../live/live-socket';
import { ProtocolExceptionFilter } from '../live/protocol-exception.filter';
import { RequestTrackingInterceptor } from '../live/request-tracker';
import { ZodValidationPipe } from '../live/zod-validation.pipe';
import { MetricsInterceptor } from '../metrics/metrics.interceptor';
import { ModeratorOnlyInterceptor } from './moderator-only';

/** Moderators' events: delete a message, reset the counter. Everyone else gets FORBIDDEN. */
@WebSocketGateway()
@UseFilters(ProtocolExceptionFilter)
@UseInterceptors(MetricsInterceptor, RequestTrackingInterceptor, ModeratorOnlyInterceptor)
export class ModerationGateway {
  @WebSocketServer() private server!: LiveServer;
  private readonly logger = new Logger('Moderation');

  constructor(
    private readonly chat: ChatService,
    private readonly counter: CounterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @SubscribeMessage(EVENTS.messageDelete)
  async deleteMessage(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody(new ZodValidationPipe(messageDeleteRequestSchema)) { id }: MessageDeleteRequest,
  ): Promise<MessageDeleteResult> {
    const deleted = await this.chat.delete(id);
    if (deleted) {
      this.server.emit(EVENTS.messageDeleted, { id });
      this.logger.log(
        { socket: socket.id, moderator: socket.data.name, message: id },
        'message deleted',
      );
    }
    return { ok: true, id, deleted };
  }

  @SubscribeMessage(EVENTS.counterReset)
  async resetCounter(
    @ConnectedSocket() socket: LiveSocket,
    // Validated (it must be empty), never read.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    @MessageBody(new ZodValidationPipe(counterResetRequestSchema)) _request: unknown,
  ): Promise<CounterResetResult> {
    const count = await this.counter.reset();
    // Other instances hold the old count as their latest; they must start again too.
    if (this.config.redis) this.server.serverSideEmit('counterReset', count);
    this.server.emit(EVENTS.counterReset, { count });
    // Clients written like the tutorial only listen to `click`.
    this.server.emit(EVENTS.click, count);
    this.logger.log({ socket: socket.id, moderator: socket.data.name }, 'counter reset');
    return { ok: true, count };
  }
}
