import { ERROR_CODES } from '@live/shared-events';
import { text, type Text } from '../i18n/catalogue';
import { refusalOf } from './connectFailure';

/** Why a name was not taken, to show at the name field: a free similar one when it is taken. */
export interface NameError {
  name: string;
  message: Text;
  suggestion?: string;
  /** The session token of the identity the suggestion is kept for (a first visit has none yet). */
  session?: string;
}

/** What the person reads when the name is someone else's; the suggestion is offered beside it. */
export const nameTakenMessage = (name: string): Text =>
  text('The name “{name}” is taken.', { name });

/**
 * The server's refusal of the handshake's name: someone else's (`connect_error` whose `data` is
 * `{ code: 'NAME_TAKEN', suggestion, session }`) or against the name rules (`VALIDATION`, the
 * server's message says which); null for any other connection failure, or a handshake without a name.
 */
export function nameRefusedAtConnect(error: Error, name: string): NameError | null {
  const data = refusalOf(error);
  if (name && data?.code === ERROR_CODES.VALIDATION)
    return { name, message: text('{detail}', { detail: error.message }) };
  if (data?.code !== ERROR_CODES.NAME_TAKEN) return null;
  const suggestion = typeof data.suggestion === 'string' ? data.suggestion : undefined;
  const session = typeof data.session === 'string' ? data.session : undefined;
  return { name, message: nameTakenMessage(name), suggestion, session };
}
