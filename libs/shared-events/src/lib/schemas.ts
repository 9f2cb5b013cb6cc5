import * as z from 'zod/mini';
import { LIMITS } from './limits';

// Control characters and bidirectional overrides/isolates let a name hide or reorder the text
// around it ("Trojan Source"); names are shown to everyone, so they are refused outright.
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A display name: trimmed, 1–32 characters, no control or bidi-override characters. */
export const displayNameSchema = z.string('Name must be a string').check(
  z.trim(),
  z.minLength(LIMITS.nameMinLength, 'Name must not be empty'),
  z.maxLength(LIMITS.nameMaxLength, `Name must be at most ${LIMITS.nameMaxLength} characters`),
  z.refine(
    (name) => !UNSAFE_NAME_CHARACTERS.test(name),
    'Name must not contain control or bidirectional-override characters',
  ),
);

/** `auth` sent with the Socket.IO handshake. Unknown keys are ignored. */
export const handshakeAuthSchema = z.object({
  name: z.optional(displayNameSchema),
});

/** A client-chosen id that makes a retried request idempotent. */
export const requestIdSchema = z
  .string('id must be a string')
  .check(
    z.minLength(1, 'id must not be empty'),
    z.maxLength(LIMITS.idMaxLength, `id must be at most ${LIMITS.idMaxLength} characters`),
    z.regex(/^[\x21-\x7E]+$/, 'id must be printable ASCII without spaces'),
  );

// JSON has no `undefined`: socket.io-client sends `emit('click', undefined, ack)` as null.
/** `click`: no payload (or null), or `{ id }` to make a retry idempotent. */
export const clickRequestSchema = z.nullish(
  z.object({ id: z.optional(requestIdSchema) }, 'click payload must be omitted or an object'),
);

/** Chat text: trimmed, 1–1000 characters, otherwise kept verbatim (never treated as HTML). */
export const messageTextSchema = z
  .string('Message text must be a string')
  .check(
    z.trim(),
    z.minLength(LIMITS.messageMinLength, 'Message must not be empty'),
    z.maxLength(
      LIMITS.messageMaxLength,
      `Message must be at most ${LIMITS.messageMaxLength} characters`,
    ),
  );

/** `message`: a plain string (the tutorial's form) or `{ text, id? }`; normalised to the object. */
export const messageRequestSchema = z.pipe(
  z.transform((payload: unknown) => (typeof payload === 'string' ? { text: payload } : payload)),
  z.object(
    { text: messageTextSchema, id: z.optional(requestIdSchema) },
    'message payload must be a string or { text, id? }',
  ),
);

const seqBoundSchema = z
  .int('seq bounds must be integers')
  .check(z.nonnegative('seq bounds must not be negative'));

/** `history`: no payload (or null), or exclusive seq bounds and a page size (default 50, at most 100). */
export const historyRequestSchema = z.nullish(
  z.object(
    {
      before: z.optional(seqBoundSchema),
      after: z.optional(seqBoundSchema),
      limit: z.optional(
        z
          .int('limit must be an integer')
          .check(
            z.minimum(1, 'limit must be at least 1'),
            z.maximum(LIMITS.historyMaxLimit, `limit must be at most ${LIMITS.historyMaxLimit}`),
          ),
      ),
    },
    'history payload must be omitted or an object',
  ),
);

/** `message:delete`: the id of the message to delete (moderators only). */
export const messageDeleteRequestSchema = z.object(
  { id: requestIdSchema },
  'message:delete payload must be { id }',
);

/** `counter:reset`: no payload (or null, or an empty object). */
export const counterResetRequestSchema = z.nullish(
  z.strictObject({}, 'counter:reset takes no payload'),
);

/** The operator token a moderator sends as `auth.token`; compared in constant time by the server. */
export const moderatorTokenSchema = z
  .string('token must be a string')
  .check(z.minLength(1, 'token must not be empty'), z.maxLength(256, 'token is too long'));

/** `typing`: whether the sender is typing now. */
export const typingRequestSchema = z.boolean('typing payload must be a boolean');

export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;
export type ClickRequest = z.input<typeof clickRequestSchema>;
/** What a client may send: the tutorial's plain string or `{ text, id? }`. */
export type MessageRequest = string | { text: string; id?: string };
/** What the server works with after validation. */
export type MessageInput = z.output<typeof messageRequestSchema>;
export type HistoryRequest = z.infer<typeof historyRequestSchema>;
export type TypingRequest = z.infer<typeof typingRequestSchema>;
export type MessageDeleteRequest = z.infer<typeof messageDeleteRequestSchema>;
export type CounterResetRequest = z.input<typeof counterResetRequestSchema>;
