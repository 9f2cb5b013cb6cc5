import * as z from 'zod/mini';
import { LIMITS } from './limits';
import {
  hasBidiEmbedding,
  hasMessageControl,
  hasUnsafeNameCharacter,
  hasVisibleCharacter,
  isWellFormedText,
  utf8Length,
} from './text';

// Every text check aborts on failure, so a refusal names the first rule broken, not a list.
const rule = (holds: (text: string) => boolean, error: string) =>
  z.refine<string>(holds, { error, abort: true });

// UTF-16 code units, as `String#length` and a textarea count (zod's length checks count code points).
const minUnits = (min: number, error: string) => rule((text) => text.length >= min, error);
const maxUnits = (max: number, error: string) => rule((text) => text.length <= max, error);

/**
 * A display name: trimmed, 1–32 UTF-16 code units, well-formed, no control or bidi-override
 * characters, and at least one visible character.
 */
export const displayNameSchema = z.string('Name must be a string').check(
  z.trim(),
  minUnits(LIMITS.nameMinLength, 'Name must not be empty'),
  maxUnits(LIMITS.nameMaxLength, `Name must be at most ${LIMITS.nameMaxLength} characters`),
  rule(isWellFormedText, 'Name must not contain unpaired UTF-16 surrogates'),
  rule(
    (name) => !hasUnsafeNameCharacter(name),
    'Name must not contain control or bidirectional-override characters',
  ),
  rule(
    hasVisibleCharacter,
    'Name must contain a visible letter, digit, symbol or punctuation mark',
  ),
);

/** The signed session token a `welcome` gave; checked by the server, opaque to clients. */
export const sessionTokenSchema = z
  .string('session must be a string')
  .check(
    maxUnits(LIMITS.sessionMaxLength, 'session is too long'),
    z.regex(/^[\x21-\x7E]*$/, 'session must be printable ASCII'),
  );

/**
 * A room's name as it appears in its link (`/r/<slug>`): 1–64 of `a-z`, `0-9` and `-`. Upper-case
 * letters are taken as lower-case, so `/r/Maths-101` and `/r/maths-101` are one room.
 */
export const roomSlugSchema = z
  .string('room must be a string')
  .check(
    z.toLowerCase(),
    z.regex(
      new RegExp(`^[a-z0-9-]{1,${LIMITS.roomSlugMaxLength}}$`),
      `room must be 1–${LIMITS.roomSlugMaxLength} of a-z, 0-9 and -`,
    ),
  );

/**
 * `auth` sent with the Socket.IO handshake. Unknown keys are ignored. `session` is the token from
 * an earlier `welcome`; without it (or with one the server cannot verify) the server issues a new
 * guest identity rather than refusing. `room` is the room this connection is in (the lobby,
 * `LOBBY`, without one); switching rooms is a new connection.
 */
export const handshakeAuthSchema = z.object({
  name: z.optional(displayNameSchema),
  session: z.optional(z.catch(sessionTokenSchema, '')),
  room: z.optional(roomSlugSchema),
});

/** A client-chosen id that makes a retried request idempotent. */
export const requestIdSchema = z
  .string('id must be a string')
  .check(
    minUnits(1, 'id must not be empty'),
    maxUnits(LIMITS.idMaxLength, `id must be at most ${LIMITS.idMaxLength} characters`),
    z.regex(/^[\x21-\x7E]+$/, 'id must be printable ASCII without spaces'),
  );

// JSON has no `undefined`: socket.io-client sends `emit('click', undefined, ack)` as null.
/** `click`: no payload (or null), or `{ id }` to make a retry idempotent. */
export const clickRequestSchema = z.nullish(
  z.object({ id: z.optional(requestIdSchema) }, 'click payload must be omitted or an object'),
);

/**
 * Chat text: trimmed, 1–1000 UTF-16 code units and at most 3000 UTF-8 bytes, well-formed, no
 * controls but line feed and tab, no bidi embeddings or overrides; otherwise kept verbatim
 * (never treated as HTML).
 */
export const messageTextSchema = z.string('Message text must be a string').check(
  // Clients on other platforms send CRLF or CR line breaks; they mean \n, as in a textarea.
  z.overwrite((text) => text.replace(/\r\n?/g, '\n')),
  z.trim(),
  minUnits(LIMITS.messageMinLength, 'Message must not be empty'),
  maxUnits(
    LIMITS.messageMaxLength,
    `Message must be at most ${LIMITS.messageMaxLength} characters`,
  ),
  rule(
    (text) => utf8Length(text) <= LIMITS.messageMaxBytes,
    `Message must be at most ${LIMITS.messageMaxBytes} bytes in UTF-8`,
  ),
  rule(isWellFormedText, 'Message must not contain unpaired UTF-16 surrogates'),
  rule(
    (text) => !hasMessageControl(text),
    'Message must not contain control characters other than line breaks and tabs',
  ),
  rule(
    (text) => !hasBidiEmbedding(text),
    'Message must not contain bidirectional embedding or override characters (U+202A–U+202E); isolates (U+2066–U+2069) are allowed',
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

/** `message:edit`: the id of the message and its new text (the same rules as `message`). */
export const messageEditRequestSchema = z.object(
  { id: requestIdSchema, text: messageTextSchema },
  'message:edit payload must be { id, text }',
);

/** `user:rename`: the name to take. */
export const renameRequestSchema = z.object(
  { name: displayNameSchema },
  'user:rename payload must be { name }',
);

/** An identity id, as `welcome.you.userId` and `Person.id` carry it. */
export const userIdSchema = z
  .string('userId must be a string')
  .check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'userId is not an identity id'));

/** `user:mute`: whom, and for how many minutes (1 to a week). */
export const userMuteRequestSchema = z.object(
  {
    userId: userIdSchema,
    minutes: z
      .int('minutes must be an integer')
      .check(
        z.minimum(1, 'minutes must be at least 1'),
        z.maximum(LIMITS.muteMaxMinutes, `minutes must be at most ${LIMITS.muteMaxMinutes}`),
      ),
  },
  'user:mute payload must be { userId, minutes }',
);

/** `user:unmute`: whom. */
export const userUnmuteRequestSchema = z.object(
  { userId: userIdSchema },
  'user:unmute payload must be { userId }',
);

/** `message:delete`: the id of the message to delete (its author's or a moderator's). */
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
  .check(minUnits(1, 'token must not be empty'), maxUnits(256, 'token is too long'));

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
export type MessageEditRequest = z.infer<typeof messageEditRequestSchema>;
export type RenameRequest = z.infer<typeof renameRequestSchema>;
export type UserMuteRequest = z.infer<typeof userMuteRequestSchema>;
export type UserUnmuteRequest = z.infer<typeof userUnmuteRequestSchema>;
export type CounterResetRequest = z.input<typeof counterResetRequestSchema>;
