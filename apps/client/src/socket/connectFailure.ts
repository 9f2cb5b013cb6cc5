/** What socket.io-client's `connect_error` carries when the server's middleware refused us. */
export interface ConnectRefusal {
  code?: unknown;
  suggestion?: unknown;
  session?: unknown;
}

/** The refusal's `data`, or undefined for a transport that failed ("xhr poll error" …). */
export const refusalOf = (error: Error): ConnectRefusal | undefined =>
  (error as Error & { data?: ConnectRefusal }).data;

/** A failed connection as a sentence: the server's own reason, or that it cannot be reached. */
export function describeConnectFailure(error: Error, retrying: boolean): string {
  if (refusalOf(error)?.code !== undefined) return error.message;
  // The transport's text ("xhr poll error", "websocket error") means nothing to a person.
  return retrying ? 'Can’t reach the server; trying again…' : 'Can’t reach the server.';
}
