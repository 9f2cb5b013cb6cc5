import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ERROR_CODES } from '@live/shared-events';
import type { LiveSocket } from '../socket/live-socket';
import { ProtocolError } from '../socket/protocol-error';

/**
 * Refuses the event with FORBIDDEN unless the connection is a moderator. An interceptor rather
 * than a guard, so the metrics interceptor (outside it) counts the refusal, and it runs before
 * the validation pipe, so a non-moderator learns nothing about the payload rules.
 */
@Injectable()
export class ModeratorOnlyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const socket = context.switchToWs().getClient<LiveSocket>();
    if (socket.data.moderator !== true) {
      throw new ProtocolError(ERROR_CODES.FORBIDDEN, 'Only a moderator may do this');
    }
    return next.handle();
  }
}
