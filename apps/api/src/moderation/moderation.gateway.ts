import { Logger, UseFilters, UseInterceptors } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  EVENTS,
  counterResetRequestSchema,
  messageDeleteRequestSchema,
  type CounterResetResult,
  type MessageDeleteRequest,
  type MessageDeleteResult,
} from '@live/shared-events';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { ChatService } from '../chat/chat.service';
import { CounterService } from '../counter/counter.service';
import type { LiveSocket } from '../socket/live-socket';
import { MetricsInterceptor } from '../socket/metrics.interceptor';
import { ProtocolExceptionFilter } from '../socket/protocol-exception.filter';
import { RequestTrackingInterceptor } from '../socket/request-tracker';
import { ZodValidationPipe } from '../socket/zod-validation.pipe';
import { ModeratorOnlyInterceptor } from './moderator-only';

/** Moderators' events: delete a message, reset the counter. Everyone else gets FORBIDDEN. */
@WebSocketGateway()
@UseFilters(ProtocolExceptionFilter)
@UseInterceptors(MetricsInterceptor, RequestTrackingInterceptor, ModeratorOnlyInterceptor)
export class ModerationGateway {
  private readonly logger = new Logger('Moderation');

  constructor(
    private readonly chat: ChatService,
    private readonly counter: CounterService,
    private readonly broadcaster: LiveBroadcaster,
  ) {}

  @SubscribeMessage(EVENTS.messageDelete)
  async deleteMessage(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody(new ZodValidationPipe(messageDeleteRequestSchema)) { id }: MessageDeleteRequest,
  ): Promise<MessageDeleteResult> {
    const deleted = await this.chat.delete(id);
    if (deleted) {
      this.broadcaster.messageDeleted(id);
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
    this.broadcaster.counterReset(count);
    this.logger.log({ socket: socket.id, moderator: socket.data.name }, 'counter reset');
    return { ok: true, count };
  }
}
