import { ERROR_CODES, moderatorTokenSchema } from '@live/shared-events';
import type { LiveSocket } from '../socket/live-socket';
import { refusal } from './connection-cap';

type Next = (error?: Error) => void;

/**
 * Socket.IO middleware: `auth.token` equal to the operator token marks a moderator; any other
 * token (or any token while moderation is off) refuses the connection. No token: an ordinary
 * user. The token is never logged or kept on the socket.
 */
export function moderatorAuth(
  verify: (token: string) => boolean,
  onRefused: (socket: LiveSocket) => void = () => undefined,
) {
  return (socket: LiveSocket, next: Next): void => {
    const auth: unknown = socket.handshake.auth;
    const token =
      typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    if (token === undefined) {
      socket.data.moderator = false;
      return next();
    }
    const parsed = moderatorTokenSchema.safeParse(token);
    if (!parsed.success || !verify(parsed.data)) {
      onRefused(socket);
      return next(refusal('Invalid moderator token', ERROR_CODES.FORBIDDEN));
    }
    socket.data.moderator = true;
    next();
  };
}
