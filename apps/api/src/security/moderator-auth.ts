import { ERROR_CODES, moderatorTokenSchema } from '@live/shared-events';
import type { LiveSocket } from '../socket/live-socket';
import { refusal } from './connection-cap';
import type { TokenBackoff } from './token-backoff';

type Next = (error?: Error) => void;

export interface ModeratorAuthOptions {
  /** True for the operator token (constant time). */
  verify: (token: string) => boolean;
  /** Paces wrong tokens per client address. */
  backoff: TokenBackoff;
  /** The client's address the backoff counts (the TCP peer, or behind trusted proxies the client's). */
  addressOf: (socket: LiveSocket) => string;
  /** Hears every refused token (a metric); logging is the backoff's aggregated report. */
  onRefused?: (socket: LiveSocket) => void;
}

/**
 * Socket.IO middleware: `auth.token` equal to the operator token marks a moderator; any other
 * token (or any token while moderation is off) refuses the connection. No token: an ordinary
 * user. While the client's address waits after too many wrong tokens, a token is refused with
 * RATE_LIMITED and `retryAfterMs`, unread. The token is never logged or kept on the socket.
 */
export function moderatorAuth({
  verify,
  backoff,
  addressOf,
  onRefused = () => undefined,
}: ModeratorAuthOptions) {
  return (socket: LiveSocket, next: Next): void => {
    const auth: unknown = socket.handshake.auth;
    const token =
      typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    if (token === undefined) {
      socket.data.moderator = false;
      return next();
    }
    const address = addressOf(socket);
    const waitMs = backoff.waitMs(address);
    if (waitMs > 0) {
      backoff.refused(address);
      onRefused(socket);
      const seconds = Math.ceil(waitMs / 1000);
      const error = refusal(
        `Too many wrong moderator tokens from your address; try again in ${seconds} s`,
        ERROR_CODES.RATE_LIMITED,
      );
      return next(Object.assign(error, { data: { ...error.data, retryAfterMs: waitMs } }));
    }
    const parsed = moderatorTokenSchema.safeParse(token);
    if (!parsed.success || !verify(parsed.data)) {
      backoff.failed(address);
      onRefused(socket);
      return next(refusal('Invalid moderator token', ERROR_CODES.FORBIDDEN));
    }
    backoff.succeeded(address);
    socket.data.moderator = true;
    next();
  };
}
