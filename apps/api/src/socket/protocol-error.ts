import type { ErrorCode, ProtocolErrorBody } from '@live/shared-events';

/** A request failure the client is told about, as a failure ack or an `exception` event. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
    readonly suggestion?: string,
  ) {
    super(message);
  }

  toBody(): ProtocolErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
      ...(this.suggestion !== undefined && { suggestion: this.suggestion }),
    };
  }
}
