import { LIMITS, type ChatMessage } from '@live/shared-events';

/** A message of ours the server has not stored yet. */
export interface OutgoingMessage {
  /** Sent with every attempt, so the server stores it once however often it arrives. */
  id: string;
  text: string;
  /** Why the last attempt was refused; null while waiting to be (re)sent. */
  failure: string | null;
}

export interface ChatState {
  /** Stored messages, unique by id, oldest first. */
  messages: ChatMessage[];
  outbox: OutgoingMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  /** The last refusal, shown beside the composer until a message gets through. */
  error: string | null;
}

export type ChatAction =
  | { type: 'welcome'; messages: ChatMessage[] }
  | { type: 'received'; messages: ChatMessage[] }
  | { type: 'reset'; messages: ChatMessage[] }
  | { type: 'olderRequested' }
  | { type: 'olderLoaded'; messages: ChatMessage[]; hasOlder: boolean }
  | { type: 'olderFailed'; error: string }
  | { type: 'queued'; id: string; text: string }
  | { type: 'failed'; id: string; error: string }
  | { type: 'retried'; id: string };

export const initialChat: ChatState = {
  messages: [],
  outbox: [],
  hasOlder: false,
  loadingOlder: false,
  error: null,
};

/** Adds what is new, drops our outgoing copies of anything now stored. */
function withMessages(state: ChatState, incoming: ChatMessage[]): ChatState {
  if (incoming.length === 0) return state;
  const byId = new Map(state.messages.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  const outbox = state.outbox.filter((m) => !byId.has(m.id));
  return {
    ...state,
    messages: [...byId.values()].sort((a, b) => a.seq - b.seq),
    outbox,
    error: outbox.length < state.outbox.length ? null : state.error,
  };
}

const mapOutgoing = (state: ChatState, id: string, failure: string | null): OutgoingMessage[] =>
  state.outbox.map((m) => (m.id === id ? { ...m, failure } : m));

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'welcome':
      return {
        ...withMessages(state, action.messages),
        // A full snapshot means the chat goes back further than it shows.
        hasOlder: state.hasOlder || action.messages.length >= LIMITS.welcomeMessages,
      };
    case 'received':
      return withMessages(state, action.messages);
    case 'reset':
      return withMessages({ ...state, messages: [], hasOlder: true }, action.messages);
    case 'olderRequested':
      return { ...state, loadingOlder: true };
    case 'olderLoaded':
      return {
        ...withMessages(state, action.messages),
        hasOlder: action.hasOlder,
        loadingOlder: false,
      };
    case 'olderFailed':
      return { ...state, loadingOlder: false, error: action.error };
    case 'queued':
      return {
        ...state,
        outbox: [...state.outbox, { id: action.id, text: action.text, failure: null }],
      };
    case 'failed':
      return { ...state, outbox: mapOutgoing(state, action.id, action.error), error: action.error };
    case 'retried':
      return { ...state, outbox: mapOutgoing(state, action.id, null), error: null };
  }
}
