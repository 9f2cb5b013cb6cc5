/** Protocol limits shared by the server (validation) and the client (UI hints). */
export const LIMITS = {
  /** Display name length, after trimming. */
  nameMinLength: 1,
  nameMaxLength: 32,
  /** Chat message length in UTF-16 code units (what a textarea's maxLength counts), after trimming. */
  messageMinLength: 1,
  messageMaxLength: 1000,
  /** Client-chosen idempotency ids (a UUID fits). */
  idMaxLength: 64,
  /** Messages returned by `history` when no limit is given, and the most it returns. */
  historyDefaultLimit: 50,
  historyMaxLimit: 100,
  /** Messages in the `welcome` snapshot. */
  welcomeMessages: 50,
  /** Largest Socket.IO packet the server accepts; a bigger one drops that connection. */
  maxPacketBytes: 64 * 1024,
  /** `click` and `presence` broadcasts are coalesced to at most one per this many ms. */
  broadcastIntervalMs: 16,
} as const;

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
