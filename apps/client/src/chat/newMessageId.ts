/**
 * A random id for an outgoing message. `crypto.randomUUID` exists only on https and localhost;
 * `getRandomValues` works on a plain-http LAN address too.
 */
export function newMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
