import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ERROR_CODES,
  LIMITS,
  type ChatMessage,
  type HistoryRequest,
  type MessageInput,
} from '@live/shared-events';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ProtocolError } from '../socket/protocol-error';
import { STORE, type Store, type StoredMessage } from '../store/store';

/** Who asks: the person's identity and name, and whether they moderate. */
export interface ChatActor {
  userId: string;
  name: string;
  moderator: boolean;
}

/**
 * Chat messages, each room's its own: posting (idempotent by id), editing, deleting and history.
 * Knows nothing of sockets.
 */
@Injectable()
export class ChatService {
  constructor(
    @Inject(STORE) private readonly store: Store,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'editWindowMs'>,
  ) {}

  /**
   * Stores a message by `author`; a known id returns the stored message with `created: false`.
   * The id of a deleted message is refused (DELETED): what it stood for is gone, and answering
   * `ok` with the new text would confirm a message that was never stored. An id is its author's:
   * another person's message under it is neither returned nor replaced.
   */
  async post(
    room: string,
    author: Pick<ChatActor, 'userId' | 'name'>,
    input: MessageInput,
  ): Promise<StoredMessage> {
    const result = await this.store.append(room, {
      id: input.id ?? randomUUID(),
      author: author.name,
      authorId: author.userId,
      text: input.text,
      sentAt: new Date().toISOString(),
    });
    if (result.deleted) {
      throw new ProtocolError(
        ERROR_CODES.DELETED,
        'That message was deleted; send it again as a new message',
      );
    }
    if (!result.created && result.message.authorId !== author.userId) {
      throw new ProtocolError(
        ERROR_CODES.VALIDATION,
        'That id belongs to another message; send this one with a new id',
      );
    }
    return result;
  }

  /** New text for a message: its author's within the edit window, or a moderator's. */
  async edit(room: string, actor: ChatActor, id: string, text: string): Promise<ChatMessage> {
    await this.mayChange(actor, await this.found(room, id), 'edit');
    const edited = await this.store.edit(room, id, text, new Date().toISOString());
    if (!edited) throw notFound();
    return edited;
  }

  /**
   * Deletes a message for good: its author's within the edit window, or a moderator's. False
   * when no message has this id (already deleted: deleting is idempotent).
   */
  async delete(room: string, actor: ChatActor, id: string): Promise<boolean> {
    const message = await this.store.message(room, id);
    if (!message) return false;
    await this.mayChange(actor, message, 'delete');
    return this.store.delete(room, id);
  }

  /** A page of the room's history, oldest first. */
  history(room: string, query: HistoryRequest): Promise<ChatMessage[]> {
    return this.store.messages(room, {
      before: query?.before,
      after: query?.after,
      limit: query?.limit ?? LIMITS.historyDefaultLimit,
    });
  }

  /** The messages a newly connected client starts with. */
  latest(room: string): Promise<ChatMessage[]> {
    return this.store.messages(room, { limit: LIMITS.welcomeMessages });
  }

  private async found(room: string, id: string): Promise<ChatMessage> {
    const message = await this.store.message(room, id);
    if (!message) throw notFound();
    return message;
  }

  private async mayChange(actor: ChatActor, message: ChatMessage, what: string): Promise<void> {
    if (actor.moderator) return;
    if (message.authorId !== actor.userId) {
      throw new ProtocolError(
        ERROR_CODES.FORBIDDEN,
        `Only its author or a moderator may ${what} this message`,
      );
    }
    const minutes = Math.round(this.config.editWindowMs / 60_000);
    if (Date.now() - Date.parse(message.sentAt) > this.config.editWindowMs) {
      throw new ProtocolError(
        ERROR_CODES.FORBIDDEN,
        `Messages can be changed for ${minutes} minutes after sending; this one no longer`,
      );
    }
  }
}

const notFound = () => new ProtocolError(ERROR_CODES.NOT_FOUND, 'No message has this id');
