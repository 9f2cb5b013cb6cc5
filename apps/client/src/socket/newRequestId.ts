/**
 * A random id for a request the server must answer once however often it arrives (a message,
 * a click). `crypto.randomUUID` exists only on https and localhost; `getRandomValues` works on
 * a plain-http LAN address too.
 */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
