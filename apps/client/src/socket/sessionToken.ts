import { storedText } from '../storage/storedText';

// Where storage keeps nothing, the identity lasts for this page only: a reload is a new guest.
const sessionToken = storedText('live-counter.session');

/** The session token the last welcome gave (opaque here: only the server reads it). */
export const readSessionToken = (): string | undefined => sessionToken.read();

/** Keeps the token for the next handshakes, reloads included, so we stay the same person. */
export const storeSessionToken = (token: string): void => sessionToken.write(token);
