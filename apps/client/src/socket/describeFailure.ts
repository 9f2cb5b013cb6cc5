import { ERROR_CODES, type ProtocolErrorBody } from '@live/shared-events';
import type { TransportFailure } from './emitWithAck';

/** The wait in whole seconds, rounded up (trying again then works) and never 0. */
const waitSeconds = (retryAfterMs: number) => Math.max(1, Math.ceil(retryAfterMs / 1000));

/** A failure as a sentence to show the person, with the wait when they are rate limited. */
export function describeFailure(error: ProtocolErrorBody | TransportFailure['error']): string {
  if (error.code === ERROR_CODES.RATE_LIMITED && error.retryAfterMs !== undefined) {
    // The server's message already states its wait ("try again in 1.2 s", even "0.0 s"), so
    // the sentence is made from retryAfterMs alone: one wait, in words a person reads at once.
    return `You are going too fast; try again in ${waitSeconds(error.retryAfterMs)} s`;
  }
  return error.message;
}
