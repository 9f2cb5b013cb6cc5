import type { ChatMessage } from '@live/shared-events';

/** A message to store; `seq` is assigned by the store. */
export type MessageDraft = Omit<ChatMessage, 'seq'>;

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
 * The storage port. Every write resolves only once it is durable, so a caller may ack it.
 * Adapters: SqliteStore (embedded, the default) and RedisStore (shared by several instances);
 * StoreModule provides the one it picks inside an InstrumentedStore.
 */
export interface Store {
  /** Counts one click and returns the count after it; a click id seen before returns that click's count. */
  click(id?: string, onCommit?: OnCommit<number>): Promise<number>;
  count(): Promise<number>;
  /** Stores a message unless its id is already stored, in which case the stored one is returned. */
  append(draft: MessageDraft): Promise<AppendResult>;
  /** Oldest first. With `after`, the first `limit` messages after it; otherwise the latest `limit`. */
  messages(query: MessageQuery): Promise<ChatMessage[]>;
  /**
   * Deletes the message with this id (moderation); resolves true if one was deleted, false if
   * none had it. Durable before it resolves. Deleting is final: a later `append` with the same id
   * (a client retrying, or anyone reusing the id) stores nothing and resolves
   * `{ created: false, deleted: true }` — no message, since the stored one is gone.
   */
  delete(id: string): Promise<boolean>;
  /**
   * Sets the counter to 0 (moderation) and forgets remembered click ids, so a click retried after
   * the reset counts once in the new count. Durable before it resolves; resolves with 0.
   */
  resetCounter(): Promise<number>;
  /**
   * Resolves when the store can read and write — it reads the counter and the latest page of
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
