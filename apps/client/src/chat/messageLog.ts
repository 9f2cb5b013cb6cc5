import { LIMITS, type ChatMessage } from '@live/shared-events';

/** A message as shown: as stored (with its latest edit), or deleted, keeping its place only. */
export type LoggedMessage = ChatMessage & { deleted?: true };

/** The stored messages shown, and whether the chat goes back further than they do. */
export interface MessageLog {
  /** Unique by id, oldest first. */
  messages: LoggedMessage[];
  hasOlder: boolean;
}

export type MessageLogAction =
  | { type: 'welcome'; messages: ChatMessage[] }
  | { type: 'received'; messages: ChatMessage[] }
  | { type: 'edited'; message: ChatMessage }
  | { type: 'deleted'; id: string }
  | { type: 'restarted'; messages: ChatMessage[] }
  | { type: 'olderLoaded'; messages: ChatMessage[]; hasOlder: boolean };

export const emptyMessageLog: MessageLog = { messages: [], hasOlder: false };

/**
 * Which copy of a message to show when two arrive (a broadcast, an ack, a page of history
 * fetched before an edit): a deletion stands, otherwise the later edit.
 */
function newer(shown: LoggedMessage | undefined, incoming: ChatMessage): LoggedMessage {
  if (!shown) return incoming;
  if (shown.deleted) return shown;
  // Both are the server's ISO-8601 UTC times, which sort as strings.
  return (incoming.editedAt ?? '') >= (shown.editedAt ?? '') ? incoming : shown;
}

/** Adds what is new; a message that arrives twice (broadcast, ack, history) is kept once. */
function withMessages(log: MessageLog, incoming: ChatMessage[]): MessageLog {
  if (incoming.length === 0) return log;
  const byId = new Map(log.messages.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, newer(byId.get(message.id), message));
  return { ...log, messages: [...byId.values()].sort((a, b) => a.seq - b.seq) };
}

/** What stays of a deleted message: its place in the conversation, not its words. */
const deletedOne = ({ id, seq, author, authorId, sentAt }: ChatMessage): LoggedMessage => ({
  id,
  seq,
  author,
  authorId,
  sentAt,
  text: '',
  deleted: true,
});

export function messageLogReducer(log: MessageLog, action: MessageLogAction): MessageLog {
  switch (action.type) {
    case 'welcome':
      return {
        ...withMessages(log, action.messages),
        // A full snapshot means the chat goes back further than it shows.
        hasOlder: log.hasOlder || action.messages.length >= LIMITS.welcomeMessages,
      };
    case 'received':
      return withMessages(log, action.messages);
    case 'edited': {
      const { message } = action;
      // An edit of a message not loaded here changes nothing shown.
      return {
        ...log,
        messages: log.messages.map((m) => (m.id === message.id ? newer(m, message) : m)),
      };
    }
    case 'deleted':
      return {
        ...log,
        messages: log.messages.map((m) => (m.id === action.id ? deletedOne(m) : m)),
      };
    case 'restarted':
      return withMessages({ messages: [], hasOlder: true }, action.messages);
    case 'olderLoaded':
      return { ...withMessages(log, action.messages), hasOlder: action.hasOlder };
  }
}
