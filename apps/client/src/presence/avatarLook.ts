const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A hue (0–359) from a hash (32-bit FNV-1a) of an identity id: the same person always gets the
 * same colour, and two people with one name almost never share it, since names play no part.
 */
export function avatarHue(identityId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < identityId.length; i += 1) {
    hash ^= identityId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/** The first character as a reader sees it (a flag or 👩‍💻 is one, though several code points). */
const firstGrapheme = (word: string) =>
  graphemes.segment(word)[Symbol.iterator]().next().value?.segment ?? '';

/** "Ada Lovelace" → "AL", "Ada" → "A", "Zoë 🚀 李" → "Z李". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return picked.map(firstGrapheme).join('').toLocaleUpperCase();
}
