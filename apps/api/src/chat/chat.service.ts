import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  LIMITS,
  type ChatMessage,
  type HistoryRequest,
  type MessageInput,
} from '@live/shared-events';
import { STORE, type AppendResult, type Store } from '../store/store';

/** Chat messages: posting (idempotent by id) and history. Knows nothing of sockets. */
@Injectable()
export class ChatService {
  constructor(@Inject(STORE) private readonly store: Store) {}

  /** Stores a message by `author`; a known id returns the stored message with `created: false`. */
  post(author: string, input: MessageInput): Promise<AppendResult> {
    return this.store.append({
      id: input.id ?? randomUUID(),
      author,
      text: input.text,
      sentAt: new Date().toISOString(),
    });
  }

  /** A page of history, oldest first. */
  history(query: HistoryRequest): Promise<ChatMessage[]> {
    return this.store.messages({
      before: query?.before,
      after: query?.after,
      limit: query?.limit ?? LIMITS.historyDefaultLimit,
    });
  }

  /** Deletes a message for good (moderation); false when no message has this id. */
  delete(id: string): Promise<boolean> {
    return this.store.delete(id);
  }

  /** The messages a newly connected client starts with. */
  latest(): Promise<ChatMessage[]> {
    return this.store.messages({ limit: LIMITS.welcomeMessages });
  }
}
