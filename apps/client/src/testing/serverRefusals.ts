import { ERROR_CODES, type ErrorCode, type ProtocolErrorBody } from '@live/shared-events';
import type { AckEvent } from '../socket/emitWithAck';

declare const refusedRequests: unique symbol;

/**
 * A failure ack exactly as the real server sends it to the requests `E`. Only the functions
 * below make one, each copying its message from apps/api/src, so a spec cannot answer with a
 * refusal the server never sends (a made-up "Slow down" once hid a wait shown twice).
 */
export interface ServerRefusal<E extends AckEvent = AckEvent> {
  ok: false;
  error: ProtocolErrorBody;
  /** For the type checker only: the requests the server refuses this way. */
  readonly [refusedRequests]: { readonly [K in E]: true };
}

// The brand exists only in types; the object a spec answers with is the plain wire body.
const refusal = <E extends AckEvent>(error: ProtocolErrorBody) =>
  ({ ok: false, error }) as ServerRefusal<E>;

/** `EventRateLimiter` (apps/api/src/socket/event-rate-limiter.ts) when `event`'s bucket is empty. */
export function rateLimited<E extends 'click' | 'message' | 'history'>(
  event: E,
  waitMs: number,
): ServerRefusal<E> {
  return refusal({
    code: ERROR_CODES.RATE_LIMITED,
    message: `Too many ${event} events: try again in ${(waitMs / 1000).toFixed(1)} s`,
    retryAfterMs: waitMs,
  });
}

/** `LiveEventDispatcher` (apps/api/src/socket/live-event-dispatcher.ts) for a moderator's event sent by anyone else. */
export function forbidden(): ServerRefusal<
  'message:delete' | 'counter:reset' | 'user:mute' | 'user:unmute'
> {
  return refusal({ code: ERROR_CODES.FORBIDDEN, message: 'Only a moderator may do this' });
}

/** `toErrorBody` (apps/api/src/socket/error-body.ts) when the store fails. */
export function storeUnavailable(): ServerRefusal {
  return refusal({
    code: ERROR_CODES.UNAVAILABLE,
    message: 'The store is unavailable; nothing was recorded. Try again shortly.',
  });
}

/** `ChatService.post` (apps/api/src/chat/chat.service.ts) for the id of a deleted message. */
export function messageDeleted(): ServerRefusal<'message'> {
  return refusal({
    code: ERROR_CODES.DELETED,
    message: 'That message was deleted by a moderator; send it again as a new message',
  });
}

// As apps/api words them (live.gateway.ts, chat.service.ts, identity.service.ts). The client
// shows its own sentence for NAME_TAKEN and a mute, not these.

/** A send from a muted person: FORBIDDEN with the time left, in `retryAfterMs`. */
export function muted(retryAfterMs: number): ServerRefusal<'message' | 'message:edit'> {
  const until = new Date(Date.now() + retryAfterMs).toISOString().slice(11, 16);
  return refusal({
    code: ERROR_CODES.FORBIDDEN,
    message: `A moderator muted you until ${until} UTC`,
    retryAfterMs,
  });
}

/** `user:rename` to a name another identity holds (or one that looks like it). */
export function nameTaken(name: string, suggestion: string): ServerRefusal<'user:rename'> {
  return refusal({
    code: ERROR_CODES.NAME_TAKEN,
    message: `The name “${name}” is taken: try “${suggestion}”`,
    suggestion,
  });
}

/** `message:edit` of an id no message has (a deleted one's too: it is gone). */
export function messageNotFound(): ServerRefusal<'message:edit'> {
  return refusal({ code: ERROR_CODES.NOT_FOUND, message: 'No message has this id' });
}

/** What the handshake middleware's `connect_error` carries: its message and `data`. */
export interface HandshakeRefusal {
  message: string;
  data: { code: ErrorCode; suggestion?: string; session?: string };
}

/**
 * The handshake of a name another identity holds: refused, with a free one to suggest and the
 * session token of the identity it is kept for.
 */
export function nameTakenAtConnect(
  name: string,
  suggestion: string,
  session = 'issued.refused',
): HandshakeRefusal {
  return {
    message: `The name “${name}” is taken: try “${suggestion}”`,
    data: { code: ERROR_CODES.NAME_TAKEN, suggestion, session },
  };
}

/** `handshake` (apps/api/src/live/handshake.ts): a name that breaks the name rules. */
export function invalidNameAtConnect(message: string): HandshakeRefusal {
  return { message, data: { code: ERROR_CODES.VALIDATION } };
}

/** `moderatorAuth` (apps/api/src/security/moderator-auth.ts): a wrong or malformed token. */
export function invalidModeratorToken(): HandshakeRefusal {
  return { message: 'Invalid moderator token', data: { code: ERROR_CODES.FORBIDDEN } };
}

/** `ConnectionCap` (apps/api/src/security/connection-cap.ts): the address has `max` open. */
export function tooManyConnections(max: number): HandshakeRefusal {
  return {
    message: `Too many connections from your address (at most ${max}); close another tab or try later`,
    data: { code: ERROR_CODES.RATE_LIMITED },
  };
}
