import { hasVisibleCharacter, isWellFormedText, utf8Length } from './text';

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['Ada', 3],
    ['é', 2],
    ['李', 3],
    ['€', 3],
    ['😀', 4],
    ['👩‍💻', 11],
    ['a\uD83D', 4],
    ['\uDE00\uD83D', 6],
  ])('counts %j as %i bytes, as the UTF-8 encoder does', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(new TextEncoder().encode(text).length).toBe(bytes);
  });
});

describe('isWellFormedText', () => {
  it('accepts surrogate pairs and refuses a lone or reversed half', () => {
    expect(isWellFormedText('😀 ok')).toBe(true);
    expect(isWellFormedText('\uD83D')).toBe(false);
    expect(isWellFormedText('x\uDE00')).toBe(false);
    expect(isWellFormedText('\uDE00\uD83D')).toBe(false);
  });
});

describe('hasVisibleCharacter', () => {
  // Default_Ignorable_Code_Point (V8, `u` flag) leaves these out, so the rule lists them itself:
  // they are symbols (\p{So}) that draw nothing.
  it.each([
    ['U+2800', '\u2800'],
    ['U+1D159', '\u{1D159}'],
  ])('treats the blank symbol %s as invisible', (_, blank) => {
    expect(/\p{Default_Ignorable_Code_Point}/u.test(blank)).toBe(false);
    expect(hasVisibleCharacter(blank)).toBe(false);
  });

  it.each([
    ['U+200B', '\u200B'],
    ['U+3164', '\u3164'],
    ['U+115F', '\u115F'],
    ['U+1160', '\u1160'],
    ['U+FFA0', '\uFFA0'],
    ['U+00AD', '\u00AD'],
  ])('relies on Default_Ignorable_Code_Point for %s', (_, filler) => {
    expect(/\p{Default_Ignorable_Code_Point}/u.test(filler)).toBe(true);
    expect(hasVisibleCharacter(filler)).toBe(false);
  });
});
