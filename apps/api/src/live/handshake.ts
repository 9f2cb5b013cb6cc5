import { ERROR_CODES, handshakeAuthSchema } from '@live/shared-events';
import { describeIssues } from '../socket/describe-issues';
import type { LiveSocket } from '../socket/live-socket';
import { guestName } from './guest-name';

/**
 * Socket.IO middleware: validates `auth.name` (absent → a guest name). A bad name refuses the
 * connection with a `connect_error` whose message says why. Runs on recovered connections too.
 */
export function handshake(socket: LiveSocket, next: (error?: Error) => void): void {
  const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
  if (!parsed.success) {
    const error = new Error(describeIssues(parsed.error.issues)) as Error & { data: object };
    error.data = { code: ERROR_CODES.VALIDATION };
    return next(error);
  }
  // A recovered connection keeps the guest name it had.
  socket.data.name =
    parsed.data.name ?? (socket.recovered ? socket.data.name : undefined) ?? guestName();
  next();
}
