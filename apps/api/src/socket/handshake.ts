import { ERROR_CODES, handshakeAuthSchema, type HandshakeAuth } from '@live/shared-events';
import { describeIssues } from './describe-issues';
import type { LiveSocket } from './live-socket';

/** Each socket's `auth` as validated, for the middleware after this one (parsed once). */
const validated = new WeakMap<LiveSocket, HandshakeAuth>();

/** The `auth` the handshake validated for this socket (empty for one it has not seen). */
export function handshakeAuthOf(socket: LiveSocket): HandshakeAuth {
  return validated.get(socket) ?? {};
}

/**
 * Socket.IO middleware: validates `auth` (the name, the session token's shape). A bad name
 * refuses the connection with a `connect_error` whose message says why; a malformed session
 * token is ignored (its holder becomes a new guest). Who the client is, and under which name,
 * is decided later by the identity handshake. Runs on recovered connections too.
 */
export function handshake(socket: LiveSocket, next: (error?: Error) => void): void {
  const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
  if (!parsed.success) {
    const error = new Error(describeIssues(parsed.error.issues)) as Error & { data: object };
    error.data = { code: ERROR_CODES.VALIDATION };
    return next(error);
  }
  validated.set(socket, parsed.data);
  next();
}
