import { ERROR_CODES, type ProtocolErrorBody } from '@live/shared-events';
import { StoreUnavailableError } from '../store/store';
import { ProtocolError } from './protocol-error';

/**
 * The one place a failure becomes the protocol's error body (for the client and the metrics):
 * a ProtocolError says its own, a store outage is UNAVAILABLE, anything else INTERNAL, its
 * details never leaked.
 */
export function toErrorBody(error: unknown): ProtocolErrorBody {
  if (error instanceof ProtocolError) return error.toBody();
  if (error instanceof StoreUnavailableError) {
    return {
      code: ERROR_CODES.UNAVAILABLE,
      message: 'The store is unavailable; nothing was recorded. Try again shortly.',
    };
  }
  return { code: ERROR_CODES.INTERNAL, message: 'Something went wrong on the server; try again.' };
}
