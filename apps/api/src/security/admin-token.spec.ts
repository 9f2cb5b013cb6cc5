import { createTokenVerifier } from './admin-token';

describe('createTokenVerifier', () => {
  const token = 'operator-token-0123456789';

  it('accepts exactly the operator token', () => {
    const verify = createTokenVerifier(token);
    expect(verify(token)).toBe(true);
    expect(verify(`${token} `)).toBe(false);
    expect(verify(token.slice(0, -1))).toBe(false);
    expect(verify(token.toUpperCase())).toBe(false);
    expect(verify('')).toBe(false);
    // Different lengths never throw (timingSafeEqual would, on raw buffers): both are hashed.
    expect(verify('x'.repeat(10_000))).toBe(false);
  });

  it('refuses every token when moderation is off', () => {
    const verify = createTokenVerifier(undefined);
    expect(verify(token)).toBe(false);
    expect(verify('')).toBe(false);
  });
});
