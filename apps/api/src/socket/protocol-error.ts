import type { ErrorCode, ProtocolErrorBody } from '@live/shared-events';

/** A request failure the client is told about, as a failure ack or an `exception` event. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  toBody(): ProtocolErrorBody {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}
