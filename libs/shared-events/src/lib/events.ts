import type { AckResult, ExceptionPayload } from './errors';
import type {
  ClickRequest,
  CounterResetRequest,
  HistoryRequest,
  MessageDeleteRequest,
  MessageEditRequest,
  MessageRequest,
  RenameRequest,
  TypingRequest,
  UserMuteRequest,
  UserUnmuteRequest,
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
  /** Its author (within the edit window) or a moderator: client → server `{ id }`. */
  messageDelete: 'message:delete',
  /** Server → client `{ id }`: the message was deleted; show it as deleted. */
  messageDeleted: 'message:deleted',
  /** Its author (within the edit window) or a moderator: client → server `{ id, text }`. */
  messageEdit: 'message:edit',
  /** Server → client: the message with its new text and `editedAt`. */
  messageEdited: 'message:edited',
  /** Moderators only: client → server (no payload); server → client `{ count }` after a reset. */
  counterReset: 'counter:reset',
  /** Server → client: who joined, left or was renamed since the last one (coalesced). */
  people: 'people',
  /** Client → server `{ name }`: take another name, keeping the identity. */
  rename: 'user:rename',
  /** Moderators only: client → server `{ userId, minutes }`. */
  userMute: 'user:mute',
  /** Moderators only: client → server `{ userId }`. */
  userUnmute: 'user:unmute',
  /** Server → client: a person was muted until `until`, or (with `until` absent) unmuted. */
  userMuted: 'user:muted',
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

/**
 * A stored chat message. `seq` strictly increases; `sentAt` is ISO-8601. `author` is the name it
 * was sent under; `authorId` the sender's identity (absent on messages stored before identities
 * existed): clients tell "mine" by `authorId`, never by name. `editedAt` is set once it is edited.
 */
export interface ChatMessage {
  id: string;
  seq: number;
  author: string;
  text: string;
  sentAt: string;
  authorId?: string;
  editedAt?: string;
}

/** Someone here: their identity id (stable across reconnects, tabs and restarts) and name. */
export interface Person {
  id: string;
  name: string;
  moderator?: boolean;
}

/** The people present: at most `LIMITS.welcomePeople` of them, and how many there are in all. */
export interface PeopleSnapshot {
  people: Person[];
  total: number;
}

/**
 * Who joined, left (by id) or took another name (`from` is the old one) since the last `people`
 * event, and how many people are here now. A person with several tabs joins once and leaves once.
 * Only the listed people are named — the first `LIMITS.welcomePeople`, as in `welcome` — so a
 * client's list stays those people; beyond them only `total` changes.
 */
export interface PeopleChange {
  joined: Person[];
  left: string[];
  renamed: (Person & { from: string })[];
  total: number;
}

export interface Welcome {
  /**
   * `id` is this connection's socket id (v1). `userId` is the person's identity, the same across
   * reconnects, tabs and restarts. `moderator` is true when the handshake carried the operator
   * token. Fields added after v1 are optional; this server always sends them, and a missing
   * `moderator` means false.
   */
  you: { id: string; name: string; moderator?: boolean; userId?: string };
  count: number;
  /** The latest messages (at most 50), oldest first. */
  messages: ChatMessage[];
  online: number;
  /**
   * The signed session token for this identity: keep it and send it as `auth.session` on every
   * handshake to stay the same person. Renewed on each welcome.
   */
  session?: string;
  /** Who is here. */
  people?: PeopleSnapshot;
  /** Set when a moderator muted this person: sends are refused until then (ISO-8601). */
  mutedUntil?: string;
  /** How long after sending authors may edit or delete their messages, in ms. */
  editWindowMs?: number;
  /**
   * The room this connection is in (`auth.room` as the server took it, lower-cased; `LOBBY`
   * when the handshake named none). Everything this connection sends and hears is this room's.
   */
  room?: string;
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

/** A deleted message (by its author or a moderator). */
export interface MessageDeleted {
  id: string;
}

export type MessageEditResult = AckResult<{ message: ChatMessage }>;
/** The name now held; `name` in the handshake of later reconnects should be this one. */
export type RenameResult = AckResult<{ name: string }>;
/** `until` is ISO-8601. */
export type UserMuteResult = AckResult<{ userId: string; until: string }>;
export type UserUnmuteResult = AckResult<{ userId: string }>;

/** A person was muted until `until` (ISO-8601), or unmuted when it is absent. */
export interface UserMuted {
  userId: string;
  name: string;
  until?: string;
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
  /** Its author within the edit window, or a moderator; others get FORBIDDEN. */
  'message:delete': (
    request: MessageDeleteRequest,
    ack: (result: MessageDeleteResult) => void,
  ) => void;
  /** Its author within the edit window, or a moderator; others get FORBIDDEN. */
  'message:edit': (request: MessageEditRequest, ack: (result: MessageEditResult) => void) => void;
  /** NAME_TAKEN (with a suggestion) when the name belongs to someone else. */
  'user:rename': (request: RenameRequest, ack: (result: RenameResult) => void) => void;
  /** Moderators only. */
  'user:mute': (request: UserMuteRequest, ack: (result: UserMuteResult) => void) => void;
  /** Moderators only. */
  'user:unmute': (request: UserUnmuteRequest, ack: (result: UserUnmuteResult) => void) => void;
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
  /** The message was deleted (by its author or a moderator): it is gone from history too. */
  'message:deleted': (deleted: MessageDeleted) => void;
  /** The message was edited: the same id and seq, new text, `editedAt` set. */
  'message:edited': (message: ChatMessage) => void;
  /** Who joined, left or was renamed. At most once per tick, like `presence`. */
  people: (change: PeopleChange) => void;
  'user:muted': (muted: UserMuted) => void;
  /** A moderator reset the counter; `click` with the same count follows for older clients. */
  'counter:reset': (reset: CounterReset) => void;
}
