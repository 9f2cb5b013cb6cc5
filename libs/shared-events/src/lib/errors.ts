/** Why a request failed; carried by failure acks and `exception` events. */
export const ERROR_CODES = {
  /** The payload does not match the protocol (see the message for what is wrong). */
  VALIDATION: 'VALIDATION',
  /** Too many events of this kind from this connection; `retryAfterMs` says how long to wait. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The server failed unexpectedly; retrying later may work. */
  INTERNAL: 'INTERNAL',
  /** The store cannot take writes right now (disk or Redis trouble); nothing was recorded. */
  UNAVAILABLE: 'UNAVAILABLE',
  /** Only a moderator may do this (connect with the operator token in `auth.token`). */
  FORBIDDEN: 'FORBIDDEN',
  /** The message this `id` was for was deleted; that id stores nothing any more. */
  DELETED: 'DELETED',
  /**
   * The name belongs to someone else (the same name, or one that looks the same), or is
   * reserved; `suggestion` is a free one.
   */
  NAME_TAKEN: 'NAME_TAKEN',
  /** No message has this id (`message:edit`). */
  NOT_FOUND: 'NOT_FOUND',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ProtocolErrorBody {
  code: ErrorCode;
  /** Human-readable, safe to show to the person. */
  message: string;
  /** With RATE_LIMITED, or FORBIDDEN for a muted person: milliseconds until it can succeed. */
  retryAfterMs?: number;
  /** With NAME_TAKEN: a similar name nobody holds. */
  suggestion?: string;
}

/** The single result type of every ack: narrow it with `if (!res.ok)`. */
export type AckResult<T extends object> =
  ({ ok: true } & T) | { ok: false; error: ProtocolErrorBody };

/** Sent to one socket when a request without an ack callback fails. */
export interface ExceptionPayload extends ProtocolErrorBody {
  status: 'error';
}
