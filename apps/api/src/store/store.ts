import type { ChatMessage } from '@live/shared-events';

/** A message to store; `seq` is assigned by the store. */
export type MessageDraft = Omit<ChatMessage, 'seq'>;

export interface AppendResult {
  message: ChatMessage;
  /** False when a message with this id was already stored (a retry): nothing new was written. */
  created: boolean;
}

export interface MessageQuery {
  /** Exclusive seq bounds. */
  before?: number;
  after?: number;
  limit: number;
}

/**
 * The storage port. Every write resolves only once it is durable, so a caller may ack it.
 * Adapters: SqliteStore (embedded, the default) and RedisStore (shared by several instances).
 */
export interface Store {
  /** Counts one click and returns the count after it; a click id seen before returns that click's count. */
  click(id?: string): Promise<number>;
  count(): Promise<number>;
  /** Stores a message unless its id is already stored, in which case the stored one is returned. */
  append(draft: MessageDraft): Promise<AppendResult>;
  /** Oldest first. With `after`, the first `limit` messages after it; otherwise the latest `limit`. */
  messages(query: MessageQuery): Promise<ChatMessage[]>;
  /** Resolves when the store can read and write; rejects with the reason otherwise. */
  check(): Promise<void>;
  /** Finishes pending writes, then releases the store. */
  close(): Promise<void>;
}

/** Nest injection token for the {@link Store} port. */
export const STORE = Symbol('STORE');

/** The store cannot take writes now; nothing of the failed request was recorded. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
