import type { AckResult, ExceptionPayload } from './errors';
import type {
  ClickRequest,
  CounterResetRequest,
  HistoryRequest,
  MessageDeleteRequest,
  MessageRequest,
  TypingRequest,
} from './schemas';

/** An event of either direction: the keys of both maps below. */
type EventName = keyof ClientToServerEvents | keyof ServerToClientEvents;

/**
 * `Names` itself when its values are exactly the events of both maps; otherwise a type naming the
 * events left out, which `satisfies` then reports. (A value that is no event fails the constraint.)
 */
export type NamesEveryEvent<Names extends Record<string, EventName>> = [
  Exclude<EventName, Names[keyof Names]>,
] extends [never]
  ? Names
  : { unnamedEvents: Exclude<EventName, Names[keyof Names]> };

const eventNames = {
  click: 'click',
  message: 'message',
  history: 'history',
  typing: 'typing',
  welcome: 'welcome',
  presence: 'presence',
  exception: 'exception',
  /** Moderators only: client → server `{ id }`. */
  messageDelete: 'message:delete',
  /** Server → client `{ id }`: a moderator deleted this message; drop it. */
  messageDeleted: 'message:deleted',
  /** Moderators only: client → server (no payload); server → client `{ count }` after a reset. */
  counterReset: 'counter:reset',
} as const;

/**
 * Every event name of protocol v1, in one place, checked against both maps at compile time.
 *
 * Some names serve both directions, as in the Socket.IO tutorial this protocol grew from: the
 * client emits `click` to count one and the server emits `click` with the new count; `message`,
 * `typing` and `counter:reset` likewise pair a request with its broadcast. Each direction has its
 * own map, so a name's two payloads never mix.
 */
export const EVENTS = eventNames satisfies NamesEveryEvent<typeof eventNames>;

/** A stored chat message. `seq` strictly increases; `sentAt` is ISO-8601. */
export interface ChatMessage {
  id: string;
  seq: number;
  author: string;
  text: string;
  sentAt: string;
}

export interface Welcome {
  /**
   * `moderator` is true when the handshake carried the operator token. It joined v1 with
   * moderation, so it is optional, as added fields are; this server always sends it, and a
   * missing one means false.
   */
  you: { id: string; name: string; moderator?: boolean };
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
/** `deleted` is false when no message had this id (already deleted): deleting is idempotent. */
export type MessageDeleteResult = AckResult<{ id: string; deleted: boolean }>;
/** The count after the reset (0). */
export type CounterResetResult = AckResult<{ count: number }>;

/** A message a moderator deleted. */
export interface MessageDeleted {
  id: string;
}

/** The counter was reset by a moderator; `count` is the new value (0). */
export interface CounterReset {
  count: number;
}

/**
 * Client → server. The ack callback is optional on the wire (the tutorial's
 * `socket.emit('click')` works); it is typed as present so `emitWithAck` infers results.
 */
export interface ClientToServerEvents {
  click: (payload: ClickRequest, ack: (result: ClickResult) => void) => void;
  message: (payload: MessageRequest, ack: (result: MessageResult) => void) => void;
  history: (query: HistoryRequest, ack: (result: HistoryResult) => void) => void;
  typing: (typing: TypingRequest) => void;
  /** Moderators only; others get FORBIDDEN. */
  'message:delete': (
    request: MessageDeleteRequest,
    ack: (result: MessageDeleteResult) => void,
  ) => void;
  /** Moderators only; others get FORBIDDEN. Also broadcasts `click` with the new count. */
  'counter:reset': (
    request: CounterResetRequest,
    ack: (result: CounterResetResult) => void,
  ) => void;
}

/** Server → client. */
export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  /**
   * The current count. Coalesced: sent at once after a quiet spell, then at most once per tick
   * (`LIMITS.broadcastIntervalMs`, 16 ms, growing with the audience to 50 ms), always the latest.
   */
  click: (count: number) => void;
  message: (message: ChatMessage) => void;
  presence: (presence: Presence) => void;
  /** Sent to everyone but the typist. */
  typing: (notice: TypingNotice) => void;
  /** A request without an ack callback failed. */
  exception: (exception: ExceptionPayload) => void;
  /** A moderator deleted this message: it is gone from history too. */
  'message:deleted': (deleted: MessageDeleted) => void;
  /** A moderator reset the counter; `click` with the same count follows for older clients. */
  'counter:reset': (reset: CounterReset) => void;
}
