import { LIMITS, type ChatMessage } from '@live/shared-events';

/** The stored messages shown, and whether the chat goes back further than they do. */
export interface MessageLog {
  /** Unique by id, oldest first. */
  messages: ChatMessage[];
  hasOlder: boolean;
}

export type MessageLogAction =
  | { type: 'welcome'; messages: ChatMessage[] }
  | { type: 'received'; messages: ChatMessage[] }
  | { type: 'deleted'; id: string }
  | { type: 'restarted'; messages: ChatMessage[] }
  | { type: 'olderLoaded'; messages: ChatMessage[]; hasOlder: boolean };

export const emptyMessageLog: MessageLog = { messages: [], hasOlder: false };

/** Adds what is new; a message that arrives twice (broadcast, ack, history) is kept once. */
function withMessages(log: MessageLog, incoming: ChatMessage[]): MessageLog {
  if (incoming.length === 0) return log;
  const byId = new Map(log.messages.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return { ...log, messages: [...byId.values()].sort((a, b) => a.seq - b.seq) };
}

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
    case 'deleted':
      return { ...log, messages: log.messages.filter((m) => m.id !== action.id) };
    case 'restarted':
      return withMessages({ messages: [], hasOlder: true }, action.messages);
    case 'olderLoaded':
      return { ...withMessages(log, action.messages), hasOlder: action.hasOlder };
  }
}
