import { ERROR_CODES, type ProtocolErrorBody } from '@live/shared-events';
import { text, type Text } from '../i18n/catalogue';
import type { TransportFailure } from './emitWithAck';

/** The wait in whole seconds, rounded up (trying again then works) and never 0. */
const waitSeconds = (retryAfterMs: number) => Math.max(1, Math.ceil(retryAfterMs / 1000));

/** A request refused for speed that goes out again by itself after the wait. */
export const resendingMessage = (retryAfterMs: number): Text =>
  text('You are going too fast; sending again in {seconds} s', {
    seconds: waitSeconds(retryAfterMs),
  });

/** A muted person: until when, shown as the time of day. */
export const mutedUntilMessage = (until: number): Text =>
  text('You are muted until {until, time}', { until });

/**
 * A failure as a sentence to show the person, in their language: by its code (the server's
 * message is English), with the wait from `retryAfterMs` when they must wait. Only a code this
 * client does not know, and the detail of a validation error, keep the server's words.
 */
export function describeFailure(error: ProtocolErrorBody | TransportFailure['error']): Text {
  switch (error.code) {
    case 'OFFLINE':
      return text(
        error.dropped ? 'The connection dropped before the server answered.' : 'You are offline.',
      );
    case 'TIMEOUT':
      return text('The server did not answer in time.');
    case ERROR_CODES.RATE_LIMITED:
      // The server's message states its wait too ("try again in 1.2 s", even "0.0 s"): the
      // sentence is made from retryAfterMs alone, one wait in words a person reads at once.
      return error.retryAfterMs === undefined
        ? text('You are going too fast; try again shortly')
        : text('You are going too fast; try again in {seconds} s', {
            seconds: waitSeconds(error.retryAfterMs),
          });
    case ERROR_CODES.FORBIDDEN:
      // FORBIDDEN with a wait is a mute: a time of day says more than "in 3541 s".
      return error.retryAfterMs === undefined
        ? text('Only a moderator may do this')
        : mutedUntilMessage(Date.now() + error.retryAfterMs);
    case ERROR_CODES.UNAVAILABLE:
      return text('The store is unavailable; nothing was recorded. Try again shortly.');
    case ERROR_CODES.INTERNAL:
      return text('Something went wrong on the server; try again.');
    case ERROR_CODES.DELETED:
      return text('That message was deleted by a moderator; send it again as a new message');
    case ERROR_CODES.NOT_FOUND:
      return text('No message has this id');
    case ERROR_CODES.VALIDATION:
      return text('{detail}', { detail: error.message });
    default:
      return text('{detail}', { detail: error.message });
  }
}
