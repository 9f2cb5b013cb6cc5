/**
 * Protocol limits shared by the server (validation) and the client (UI hints). Text lengths are
 * UTF-16 code units, counted after trimming: what `String#length` and a textarea's maxLength count.
 */
export const LIMITS = {
  /** Display name length. */
  nameMinLength: 1,
  nameMaxLength: 32,
  /** Chat message length. */
  messageMinLength: 1,
  messageMaxLength: 1000,
  /**
   * Chat message size in UTF-8: 3 bytes per unit is the most well-formed UTF-16 takes, so this
   * refuses nothing `messageMaxLength` allows; it is the bound storage and broadcasts rely on.
   */
  messageMaxBytes: 3000,
  /** Client-chosen idempotency ids (a UUID fits). */
  idMaxLength: 64,
  /** Messages returned by `history` when no limit is given, and the most it returns. */
  historyDefaultLimit: 50,
  historyMaxLimit: 100,
  /** Messages in the `welcome` snapshot. */
  welcomeMessages: 50,
  /** People listed in the `welcome` snapshot (`total` counts them all). */
  welcomePeople: 100,
  /** Longest mute a moderator can give, in minutes (a week). */
  muteMaxMinutes: 7 * 24 * 60,
  /** Room slugs (`auth.room`) are at most this long. */
  roomSlugMaxLength: 64,
  /** Session tokens are at most this long. */
  sessionMaxLength: 256,
  /** Largest Socket.IO packet the server accepts; a bigger one drops that connection. */
  maxPacketBytes: 64 * 1024,
  /**
   * The shortest coalescing tick of `click` and `presence` broadcasts: at most one per tick. The
   * server lengthens it as its audience grows (`click` to 50 ms, `presence` to 1 s).
   */
  broadcastIntervalMs: 16,
} as const;

/**
 * The room of a connection that names none: the one room there was before rooms, holding
 * everything stored then. Its link is `/`.
 */
export const LOBBY = 'lobby';

/**
 * How clients reconnect after the link drops (socket.io-client options): randomised exponential
 * backoff — 0.5 s, 1 s, 2 s … capped at 8 s, each ±50 % — so a restarted server is not hit by
 * every client in the same instant.
 */
export const RECONNECT_BACKOFF = {
  reconnectionDelay: 500,
  reconnectionDelayMax: 8000,
  randomizationFactor: 0.5,
} as const;
