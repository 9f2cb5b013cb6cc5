import type { ProtocolErrorBody } from '@live/shared-events';
import type { LiveSocket } from './live-socket';

/**
 * Tells a client its request failed, in the protocol's shape: a failure ack when it sent an ack
 * callback, otherwise an `exception` event to that socket only.
 */
export function sendFailure(socket: LiveSocket, ack: unknown, body: ProtocolErrorBody): void {
  if (typeof ack === 'function') ack({ ok: false, error: body });
  else socket.emit('exception', { status: 'error', ...body });
}
