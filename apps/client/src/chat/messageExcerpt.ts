/** Long enough to tell messages apart, short enough for a button's accessible name. */
const EXCERPT_CODE_POINTS = 24;

/** The start of a message on one line ("Hello there, how are you…"), to name its controls. */
export function messageExcerpt(text: string): string {
  const characters = Array.from(text.replace(/\s+/gu, ' ').trim());
  if (characters.length <= EXCERPT_CODE_POINTS) return characters.join('');
  return `${characters.slice(0, EXCERPT_CODE_POINTS).join('').trimEnd()}…`;
}
