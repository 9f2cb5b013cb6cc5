import { avatarHue, initials } from './avatarLook';

describe('avatarHue', () => {
  it('is the same for an identity every time, and spreads identities over the colour wheel', () => {
    expect(avatarHue('aBcD1234efgh5678ijkl90')).toBe(avatarHue('aBcD1234efgh5678ijkl90'));
    const hues = new Set(
      Array.from({ length: 50 }, (_, i) => avatarHue(`identity-${i}-000000000000`)),
    );
    expect(hues.size).toBeGreaterThan(40);
    for (const hue of hues) expect(hue).toBeGreaterThanOrEqual(0);
    for (const hue of hues) expect(hue).toBeLessThan(360);
  });
});

describe('initials', () => {
  it('takes the first and last words’ first characters, as a reader sees them', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('ada')).toBe('A');
    expect(initials('  Grace   Brewster Hopper ')).toBe('GH');
    expect(initials('👩‍💻 coder')).toBe('👩‍💻C');
    expect(initials('Zoë 🚀 李')).toBe('Z李');
  });
});
