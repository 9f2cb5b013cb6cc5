import { ArgumentsHost, Catch, Logger, WsExceptionFilter } from '@nestjs/common';
import { ERROR_CODES } from '@live/shared-events';
import { toErrorBody } from './error-body';
import type { LiveSocket } from './live-socket';
import { sendFailure } from './send-failure';

/** Answers a failed request in the protocol's shape (sendFailure); unexpected failures are logged. */
@Catch()
export class ProtocolExceptionFilter implements WsExceptionFilter {
  private readonly logger = new Logger('LiveGateway');

  catch(error: unknown, host: ArgumentsHost): void {
    const socket = host.switchToWs().getClient<LiveSocket>();
    // Nest calls ws handlers with (socket, data, ack, pattern).
    const ack: unknown = host.getArgByIndex(2);
    const body = toErrorBody(error);
    if (body.code === ERROR_CODES.INTERNAL || body.code === ERROR_CODES.UNAVAILABLE) {
      this.logger.error({ socket: socket.id, err: error }, 'request failed');
    }
    sendFailure(socket, ack, body);
  }
}
