import { ArgumentsHost, Catch, Logger, WsExceptionFilter } from '@nestjs/common';
import { ERROR_CODES, type ProtocolErrorBody } from '@live/shared-events';
import { StoreUnavailableError } from '../store/store';
import type { LiveSocket } from './live-socket';
import { ProtocolError } from './protocol-error';

/** Maps any failure to the protocol's error body; unexpected ones are logged, not leaked. */
export function toErrorBody(error: unknown): ProtocolErrorBody {
  if (error instanceof ProtocolError) return error.toBody();
  if (error instanceof StoreUnavailableError) {
    return {
      code: ERROR_CODES.UNAVAILABLE,
      message: 'The store is unavailable; nothing was recorded. Try again shortly.',
    };
  }
  return { code: ERROR_CODES.INTERNAL, message: 'Something went wrong on the server; try again.' };
}

/**
 * Answers a failed request in the protocol's shape: a failure ack when the client sent an ack
 * callback, otherwise an `exception` event to that socket only.
 */
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
    if (typeof ack === 'function') ack({ ok: false, error: body });
    else socket.emit('exception', { status: 'error', ...body });
  }
}
