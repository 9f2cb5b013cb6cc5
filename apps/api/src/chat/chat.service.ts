import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ERROR_CODES,
  LIMITS,
  type ChatMessage,
  type HistoryRequest,
  type MessageInput,
} from '@live/shared-events';
import { ProtocolError } from '../socket/protocol-error';
import { STORE, type Store, type StoredMessage } from '../store/store';

/** Chat messages: posting (idempotent by id) and history. Knows nothing of sockets. */
@Injectable()
export class ChatService {
  constructor(@Inject(STORE) private readonly store: Store) {}

  /**
   * Stores a message by `author`; a known id returns the stored message with `created: false`.
   * The id of a deleted message is refused (DELETED): what it stood for is gone, and answering
   * `ok` with the new text would confirm a message that was never stored.
   */
  async post(author: string, input: MessageInput): Promise<StoredMessage> {
    const result = await this.store.append({
      id: input.id ?? randomUUID(),
      author,
      text: input.text,
      sentAt: new Date().toISOString(),
    });
    if (result.deleted) {
      throw new ProtocolError(
        ERROR_CODES.DELETED,
        'That message was deleted by a moderator; send it again as a new message',
      );
    }
    return result;
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
