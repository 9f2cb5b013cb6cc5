import { mentions } from './mentions';

describe('mentions', () => {
  it('finds "@name" anywhere, in any case', () => {
    expect(mentions('@Ada hi', 'Ada', [])).toBe(true);
    expect(mentions('thanks, @ada!', 'Ada', [])).toBe(true);
    expect(mentions('(@ADA)', 'Ada', [])).toBe(true);
  });

  it('needs the "@" and a word boundary after the name', () => {
    expect(mentions('Ada, hi', 'Ada', [])).toBe(false);
    expect(mentions('@Adam hi', 'Ada', [])).toBe(false);
    expect(mentions('@Ada_x', 'Ada', [])).toBe(false);
    expect(mentions('@Ada’s turn', 'Ada', [])).toBe(true);
  });

  it('does not read an e-mail address as a mention', () => {
    expect(mentions('write to bob@ada.org', 'Ada', [])).toBe(false);
  });

  it('takes the longest name here that follows the "@"', () => {
    const here = ['Ada', 'Ada L.', 'Bo'];
    expect(mentions('@Ada L. look', 'Ada', here)).toBe(false);
    expect(mentions('@Ada L. look', 'Ada L.', here)).toBe(true);
    expect(mentions('@ada l.', 'Ada L.', here)).toBe(true);
    expect(mentions('@Ada look', 'Ada', here)).toBe(true);
    // One mention of someone else does not hide a later one of us.
    expect(mentions('@Ada L. and @Ada', 'Ada', here)).toBe(true);
  });

  it('matches names with spaces, dots and other scripts as written', () => {
    expect(mentions('@Zoë 🚀 yes', 'Zoë 🚀', [])).toBe(true);
    expect(mentions('@李 你好', '李', [])).toBe(true);
    expect(mentions('@a.b', 'a.b', [])).toBe(true);
    expect(mentions('@axb', 'a.b', [])).toBe(false);
  });
});
