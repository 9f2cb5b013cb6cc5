import { TypingService } from './typing.service';

describe('TypingService', () => {
  it('says a connection was typing only when it said so and has not stopped since', () => {
    const typing = new TypingService();
    expect(typing.stop('a')).toBe(false);
    typing.set('a', true);
    typing.set('b', true);
    typing.set('b', false);
    expect(typing.stop('a')).toBe(true);
    expect(typing.stop('a')).toBe(false);
    expect(typing.stop('b')).toBe(false);
  });
});
