import { ERROR_CODES, type ProtocolErrorBody } from '@live/shared-events';
import { clockTime } from '../time/clock';
import type { TransportFailure } from './emitWithAck';

/** The wait in whole seconds, rounded up (trying again then works) and never 0. */
const waitSeconds = (retryAfterMs: number) => Math.max(1, Math.ceil(retryAfterMs / 1000));

/** The sentence for a request refused for speed that goes out again by itself after the wait. */
export const resendingMessage = (retryAfterMs: number) =>
  `You are going too fast; sending again in ${waitSeconds(retryAfterMs)} s`;

/** The sentence for a muted person: until when, as the time of day. */
export const mutedUntilMessage = (until: number) => `You are muted until ${clockTime(until)}`;

/** A failure as a sentence to show the person, with the wait when they must wait. */
export function describeFailure(error: ProtocolErrorBody | TransportFailure['error']): string {
  if (error.retryAfterMs === undefined) return error.message;
  if (error.code === ERROR_CODES.RATE_LIMITED) {
    // The server's message already states its wait ("try again in 1.2 s", even "0.0 s"), so
    // the sentence is made from retryAfterMs alone: one wait, in words a person reads at once.
    return `You are going too fast; try again in ${waitSeconds(error.retryAfterMs)} s`;
  }
  // FORBIDDEN with a wait is a mute: a time of day says more than "in 3541 s".
  if (error.code === ERROR_CODES.FORBIDDEN) {
    return mutedUntilMessage(Date.now() + error.retryAfterMs);
  }
  return error.message;
}
