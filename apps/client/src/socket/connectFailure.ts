import { ERROR_CODES, type ErrorCode } from '@live/shared-events';
import { text, type Text } from '../i18n/catalogue';
import { describeFailure } from './describeFailure';

/** What socket.io-client's `connect_error` carries when the server's middleware refused us. */
export interface ConnectRefusal {
  code?: unknown;
  suggestion?: unknown;
  session?: unknown;
}

/** The refusal's `data`, or undefined for a transport that failed ("xhr poll error" …). */
export const refusalOf = (error: Error): ConnectRefusal | undefined =>
  (error as Error & { data?: ConnectRefusal }).data;

/** A failed connection as a sentence: the server's reason (by its code), or that it cannot be reached. */
export function describeConnectFailure(error: Error, retrying: boolean): Text {
  const code = refusalOf(error)?.code;
  // The connection cap: its figure is only in the server's English, so the sentence has none.
  if (code === ERROR_CODES.RATE_LIMITED)
    return text('Too many connections from your address; close another tab or try later');
  if (typeof code === 'string') {
    // A code this client does not know is said in the server's words.
    return describeFailure({ code: code as ErrorCode, message: error.message });
  }
  // The transport's text ("xhr poll error", "websocket error") means nothing to a person.
  return text(retrying ? 'Can’t reach the server; trying again…' : 'Can’t reach the server.');
}
