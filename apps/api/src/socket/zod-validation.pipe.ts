import { PipeTransform } from '@nestjs/common';
import { ERROR_CODES } from '@live/shared-events';
import { describeIssues } from './describe-issues';
import { ProtocolError } from './protocol-error';

interface Schema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

/**
 * Validates a message body with a shared zod schema. Failures become a VALIDATION
 * ProtocolError (reaching the client as a failure ack or `exception`), not an HTTP error.
 */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: Schema<T>) {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new ProtocolError(ERROR_CODES.VALIDATION, describeIssues(result.error.issues));
    }
    return result.data;
  }
}
