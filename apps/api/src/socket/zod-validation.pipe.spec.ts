import { messageRequestSchema } from '@live/shared-events';
import { ProtocolError } from './protocol-error';
import { ZodValidationPipe } from './zod-validation.pipe';

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(messageRequestSchema);

  it('returns the parsed value', () => {
    expect(pipe.transform('hi')).toEqual({ text: 'hi' });
  });

  it('throws a VALIDATION protocol error naming the problem', () => {
    expect(() => pipe.transform({ text: '' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: 'Message must not be empty',
      }) as unknown as ProtocolError,
    );
  });
});
