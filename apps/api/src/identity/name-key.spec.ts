import { isGuestName, isReservedName, nameKey } from './name-key';

describe('nameKey', () => {
  it.each([
    ['other case', 'alice'],
    ['all capitals', 'ALICE'],
    ['a capital I for the l', 'AIice'],
    ['a Cyrillic А', '\u0410lice'],
    ['a zero-width space', 'Al\u200Bice'],
    ['a soft hyphen', 'Ali\u00ADce'],
    ['an accent', 'Alicé'],
    ['decomposed accents', 'Alice\u0301'],
    ['full-width letters', 'ＡＬＩＣＥ'],
    ['a circled letter', 'Ⓐlice'],
    ['a digit 1 for the l', 'A1ice'],
  ])('gives "Alice" written with %s the same key', (_, disguise) => {
    expect(nameKey(disguise)).toBe(nameKey('Alice'));
  });

  it('keeps names that only share letters apart', () => {
    for (const [a, b] of [
      ['Alice', 'Alicia'],
      ['Ada', 'Ada L.'],
      ['李雷', '韩梅梅'],
      ['Bo', 'Bob'],
    ])
      expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('folds runs of spaces and trims', () => {
    expect(nameKey('Ada  L. ')).toBe(nameKey('Ada L.'));
  });
});

describe('reserved and guest names', () => {
  it.each(['Moderator', 'MODERATOR', 'M\u043Ederator', 'Admin', 'admin', 'System', 'Operator'])(
    'reserves %j',
    (name) => expect(isReservedName(name)).toBe(true),
  );

  it.each(['Guest 4821', 'guest4821', 'GUEST 0001'])('knows %j for a guest name', (name) =>
    expect(isGuestName(name)).toBe(true),
  );

  it.each(['Ada', 'Modest', 'Guesthouse', 'Guest of honour'])('leaves %j to anyone', (name) => {
    expect(isReservedName(name)).toBe(false);
    expect(isGuestName(name)).toBe(false);
  });
});
