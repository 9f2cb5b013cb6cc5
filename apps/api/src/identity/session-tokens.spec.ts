import { newIdentityId, SessionTokens } from './session-tokens';

describe('SessionTokens', () => {
  const day = 24 * 60 * 60_000;
  const tokens = new SessionTokens('k'.repeat(16) + '0123456789abcdef', 30 * day);
  const now = Date.UTC(2026, 11, 1);

  it('makes 128-bit URL-safe identity ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newIdentityId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('verifies a token it issued, to the identity it was issued to, until it expires', () => {
    const token = tokens.issue('ada-identity', now);
    expect(tokens.verify(token, now)).toBe('ada-identity');
    expect(tokens.verify(token, now + 30 * day)).toBe('ada-identity');
    expect(tokens.verify(token, now + 30 * day + 1)).toBeUndefined();
  });

  it.each([
    ['another identity', (t: string) => t.replace('ada-identity', 'bo-identity')],
    ['a later issue time', (t: string) => t.replace(/\.(\w+)\./, (_, at) => `.${at}1.`)],
    ['a changed signature', (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A')],
    ['a missing part', (t: string) => t.split('.').slice(0, 2).join('.')],
    ['nothing', () => ''],
  ])('refuses a token with %s', (_, tamper) => {
    expect(tokens.verify(tamper(tokens.issue('ada-identity', now)), now)).toBeUndefined();
  });

  it('refuses a token signed with another secret, or issued in the future', () => {
    const other = new SessionTokens('z'.repeat(32), 30 * day);
    expect(tokens.verify(other.issue('ada-identity', now), now)).toBeUndefined();
    expect(tokens.verify(tokens.issue('ada-identity', now + 5 * 60_000), now)).toBeUndefined();
  });
});
