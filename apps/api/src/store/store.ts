import type { ChatMessage } from '@live/shared-events';

/** A message to store; `seq` is assigned by the store, `editedAt` only by an edit. */
export type MessageDraft = Omit<ChatMessage, 'seq' | 'editedAt'>;

/** A message an append stored, or found already stored under its id. */
export interface StoredMessage {
  message: ChatMessage;
  /** False when a message with this id was already stored (a retry): nothing new was written. */
  created: boolean;
  deleted?: undefined;
}

/** The id was a message's that a moderator deleted: nothing was stored, and nothing is returned. */
export interface DeletedMessageId {
  created: false;
  deleted: true;
}

/** What `append` resolves with; narrow it with `if (result.deleted)`. */
export type AppendResult = StoredMessage | DeletedMessageId;

/** A person the server issued an identity to. Times are epoch milliseconds. */
export interface Identity {
  id: string;
  /** The name they last held. */
  name: string;
  createdAt: number;
  lastSeenAt: number;
}

/** What `claimName` resolves with: the claim held, or the identity that holds the name. */
export type NameClaim = { held: true } | { held: false; holderId: string };

export interface MessageQuery {
  /** Exclusive seq bounds. */
  before?: number;
  after?: number;
  limit: number;
}

/**
 * Hears a write's result as soon as it is committed: readable by everyone and kept if this
 * process crashes, possibly before it is durable. A broadcast may start here; an ack waits for
 * the write's promise. A listener that throws is logged; the write settles all the same.
 */
export type OnCommit<T> = (result: T) => void;

/**
 * The storage port. Counters and messages are kept per room (a slug, `LOBBY` for what was stored
 * before rooms); identities, names and mutes are shared by every room. Every write resolves only once it is durable, so a caller may ack it.
 * Adapters: SqliteStore (embedded, the default) and RedisStore (shared by several instances);
 * StoreModule provides the one it picks inside an InstrumentedStore.
 */
export interface Store {
  /**
   * Counts one click in `room` and returns the room's count after it; a click id seen before in
   * the room returns that click's count.
   */
  click(room: string, id?: string, onCommit?: OnCommit<number>): Promise<number>;
  /** The room's count: 0 for a room never clicked in (reading it stores nothing). */
  count(room: string): Promise<number>;
  /**
   * Stores a message in `room` unless its id is already stored there, in which case the stored
   * one is returned. `seq` counts per room. Ids are per room: the same id in two rooms is two messages.
   */
  append(room: string, draft: MessageDraft): Promise<AppendResult>;
  /** Oldest first. With `after`, the first `limit` messages after it; otherwise the latest `limit`. */
  messages(room: string, query: MessageQuery): Promise<ChatMessage[]>;
  /**
   * Deletes the message with this id (moderation); resolves true if one was deleted, false if
   * none had it. Durable before it resolves. Deleting is final: a later `append` with the same id
   * (a client retrying, or anyone reusing the id) stores nothing and resolves
   * `{ created: false, deleted: true }` — no message, since the stored one is gone.
   */
  delete(room: string, id: string): Promise<boolean>;
  /** The message stored in `room` with this id, if any. */
  message(room: string, id: string): Promise<ChatMessage | undefined>;
  /**
   * Replaces a stored message's text and sets its `editedAt` (ISO-8601); resolves with the
   * message as stored now, or undefined if no message has this id (deleted or never stored).
   * Durable before it resolves; `history` and `welcome` read the new text from then on.
   */
  edit(room: string, id: string, text: string, editedAt: string): Promise<ChatMessage | undefined>;
  /** The identity with this id, if it is stored (and not forgotten). */
  identity(id: string): Promise<Identity | undefined>;
  /**
   * Stores the identity (creating or replacing it: its name and `lastSeenAt`); durable before it
   * resolves. Identities not saved for `IDENTITY_TTL_MS` may be forgotten by the store.
   */
  saveIdentity(identity: Identity, ttlMs: number): Promise<void>;
  /**
   * Claims the name whose skeleton (see names.ts) is `key` for `identityId` until `holdUntil`
   * (epoch ms), atomically across every instance sharing the store: held when no one holds it,
   * the identity already does, or the holder's hold has ended; otherwise says who holds it. A
   * claim by the holder extends the hold.
   */
  claimName(key: string, identityId: string, holdUntil: number): Promise<NameClaim>;
  /** Gives up `identityId`'s claim on `key` (after a rename); a claim by someone else stays. */
  releaseName(key: string, identityId: string): Promise<void>;
  /**
   * Mutes an identity until `until` (epoch ms), shared by every instance; `until` in the past
   * (or 0) unmutes. Durable before it resolves.
   */
  mute(identityId: string, until: number): Promise<void>;
  /** Until when the identity is muted (epoch ms), or 0. */
  mutedUntil(identityId: string): Promise<number>;
  /**
   * Sets the room's counter to 0 (moderation) and forgets its remembered click ids, so a click
   * retried after the reset counts once in the new count; a room left with no messages and a zero
   * count stores nothing. Durable before it resolves; resolves with 0.
   */
  resetCounter(room: string): Promise<number>;
  /**
   * Resolves when the store can read and write — it reads the lobby's counter and latest page of
   * messages from storage, not from a cache — and rejects with the reason otherwise.
   */
  check(): Promise<void>;
  /** Finishes pending writes, then releases the store. */
  close(): Promise<void>;
}

/** How long an adapter remembers a click id (Redis: a message id too), long enough for any client retry. */
export const ID_TTL_MS = 24 * 60 * 60 * 1000;

/** Nest injection token for the {@link Store} port. */
export const STORE = Symbol('STORE');

/** The store cannot take writes now; nothing of the failed request was recorded. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
