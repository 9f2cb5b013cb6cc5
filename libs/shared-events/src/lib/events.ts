import type { AckResult, ExceptionPayload } from './errors';
import type { ClickRequest, HistoryRequest, MessageRequest, TypingRequest } from './schemas';

/** Every event name of protocol v1, in one place. */
export const EVENTS = {
  click: 'click',
  message: 'message',
  history: 'history',
  typing: 'typing',
  welcome: 'welcome',
  presence: 'presence',
  exception: 'exception',
} as const;

/** A stored chat message. `seq` strictly increases; `sentAt` is ISO-8601. */
export interface ChatMessage {
  id: string;
  seq: number;
  author: string;
  text: string;
  sentAt: string;
}

export interface Welcome {
  you: { id: string; name: string };
  count: number;
  /** The latest messages (at most 50), oldest first. */
  messages: ChatMessage[];
  online: number;
}

export interface Presence {
  online: number;
}

export interface TypingNotice {
  name: string;
  typing: boolean;
}

export type ClickResult = AckResult<{ count: number }>;
export type MessageResult = AckResult<{ message: ChatMessage }>;
export type HistoryResult = AckResult<{ messages: ChatMessage[] }>;

/**
 * Client → server. The ack callback is optional on the wire (the tutorial's
 * `socket.emit('click')` works); it is typed as present so `emitWithAck` infers results.
 */
export interface ClientToServerEvents {
  click: (payload: ClickRequest, ack: (result: ClickResult) => void) => void;
  message: (payload: MessageRequest, ack: (result: MessageResult) => void) => void;
  history: (query: HistoryRequest, ack: (result: HistoryResult) => void) => void;
  typing: (typing: TypingRequest) => void;
}

/** Server → client. */
export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  /** The current count, coalesced to at most one broadcast per ~16 ms. */
  click: (count: number) => void;
  message: (message: ChatMessage) => void;
  presence: (presence: Presence) => void;
  /** Sent to everyone but the typist. */
  typing: (notice: TypingNotice) => void;
  /** A request without an ack callback failed. */
  exception: (exception: ExceptionPayload) => void;
}
