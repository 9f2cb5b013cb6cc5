import { ConfigError, loadConfig } from './config';

describe('ADMIN_TOKEN', () => {
  // `openssl rand -hex 32`, as the README suggests.
  const generated = '3f9c2a7e1b0d4c6f8a5e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a2918abcd';

  it('accepts a generated token', () => {
    expect(loadConfig({ ADMIN_TOKEN: generated }).adminToken).toBe(generated);
  });

  it.each([
    ['shorter than 32 characters', 'operator-token-0123456789abcdef', /at least 32 characters/],
    ['one character repeated', 'a'.repeat(32), /at least 10 different characters/],
    ['too few distinct characters', 'abcdefghi'.repeat(4), /at least 10 different characters/],
    // 200 emoji are 200 code points but 400 UTF-16 units: no client could send it (the protocol
    // counts units, at most 256), so it must not be accepted either.
    ['longer than the protocol lets a client send', '😀'.repeat(200), /at most 256 characters/],
  ])(
    'refuses a token %s, naming the setting, hiding the value and saying how to make one',
    (_, token, why) => {
      const load = () => loadConfig({ ADMIN_TOKEN: token });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(why);
      expect(load).toThrow(/ADMIN_TOKEN=\(hidden\)/);
      expect(load).not.toThrow(token);
    },
  );

  it('says how to generate a good one', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'a'.repeat(16) })).toThrow(/openssl rand -hex 32/);
  });

  it('counts length as the protocol does, in UTF-16 code units', () => {
    // 16 emoji: 32 units (and 16 distinct characters), though only 16 code points.
    const emoji = [...'😀😁😂😃😄😅😆😇😈😉😊😋😌😍😎😏'].join('');
    expect(loadConfig({ ADMIN_TOKEN: emoji }).adminToken).toBe(emoji);
  });
});
