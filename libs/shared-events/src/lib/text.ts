// What characters names and messages may hold. Lengths elsewhere in this lib are UTF-16 code
// units (`String#length`, what a textarea's maxLength counts); zod's own length checks count
// code points, so the schemas do not use them.

// In `u` mode a surrogate pair is one astral code point, so only an unpaired half matches.
// (`String#isWellFormed` does the same, but it is ES2024: beyond the workspace's `lib: es2023`.)
const LONE_SURROGATE = /\p{Surrogate}/u;

/** True when `text` is well-formed UTF-16: no lone surrogate, which storage would turn into U+FFFD. */
export const isWellFormedText = (text: string): boolean => !LONE_SURROGATE.test(text);

// Controls and bidirectional embeddings, overrides and isolates let a name hide or reorder the
// text around it ("Trojan Source"); names are shown to everyone, so they are refused outright.
const UNSAFE_NAME_CHARACTER = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export const hasUnsafeNameCharacter = (name: string): boolean => UNSAFE_NAME_CHARACTER.test(name);

// A letter, digit, punctuation mark or symbol that draws something. Default_Ignorable_Code_Point
// already covers U+200B–U+200F, U+00AD, U+034F, the Hangul fillers U+115F, U+1160, U+3164 and
// U+FFA0, and the variation selectors; U+2800 (Braille blank) and U+1D159 (musical null notehead)
// are symbols that draw nothing. Marks (\p{M}) and format characters (\p{Cf}) are never L, N, P
// or S, so on their own they never count.
const VISIBLE_CHARACTER =
  /(?![\p{Default_Ignorable_Code_Point}\u2800\u{1D159}])[\p{L}\p{N}\p{P}\p{S}]/u;

/** True when `text` has at least one character that draws something (not only blanks or marks). */
export const hasVisibleCharacter = (text: string): boolean => VISIBLE_CHARACTER.test(text);

// C0 and C1 controls ring bells, rewrite terminals and logs (ESC sequences) or cut text at NUL;
// line feed and tab are how people lay out a message, so they stay.
const MESSAGE_CONTROL = /(?![\t\n])\p{Cc}/u;

export const hasMessageControl = (text: string): boolean => MESSAGE_CONTROL.test(text);

// Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) reorder everything up to a PDF that may never
// come ("Trojan Source"). Right-to-left writers need the isolates U+2066–U+2069, which keep a span
// from reordering its surroundings, and the marks U+200E/U+200F, which only set the direction of
// neutral characters beside them, so those stay allowed in messages.
const BIDI_EMBEDDING = /[\u202A-\u202E]/u;

export const hasBidiEmbedding = (text: string): boolean => BIDI_EMBEDDING.test(text);

/** Bytes `text` takes in UTF-8, without encoding it; a lone surrogate counts as U+FFFD (3). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if ((unit & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
