import { ERROR_CODES, type ProtocolErrorBody } from '@live/shared-events';
import type { TransportFailure } from './emitWithAck';

/** A failure as a sentence to show the person, with the wait when they are rate limited. */
export function describeFailure(error: ProtocolErrorBody | TransportFailure['error']): string {
  if (error.code === ERROR_CODES.RATE_LIMITED && error.retryAfterMs) {
    return `${error.message} (try again in ${Math.ceil(error.retryAfterMs / 1000)} s)`;
  }
  return error.message;
}
