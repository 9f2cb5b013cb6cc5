const STORAGE_KEY = 'live-counter.session';

// Storage can be disabled or full (private windows, strict settings): the identity then lasts
// for this page only, and a reload is a new guest.

/** The session token the last welcome gave (opaque here: only the server reads it). */
export function readSessionToken(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the token for the next handshakes, reloads included, so we stay the same person. */
export function storeSessionToken(token: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // See above.
  }
}
