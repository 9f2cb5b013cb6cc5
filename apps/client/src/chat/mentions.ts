// A letter, digit or underscore: a name does not end (or an "@" begin one) next to one.
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * Whether `text` mentions `name` with "@" ("@Ada", "@ada l."): case-insensitively, where the
 * longest of `names` (everyone here, and `name`) that follows the "@" is `name`, and no letter
 * follows it. So with "Ada" and "Ada L." both here, "@Ada L." mentions only Ada L., and
 * "@Adam" or "ada@example.com" mention nobody.
 *
 * @example mentions('Thanks @ada!', 'Ada', ['Ada', 'Bo']) → true
 */
export function mentions(text: string, name: string, names: readonly string[]): boolean {
  const wanted = name.toLowerCase();
  // Longest first: the first that fits at an "@" is the one meant.
  const candidates = [...new Set([name, ...names].map((n) => n.toLowerCase()))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(lower[at - 1])) continue;
    const meant = candidates.find(
      (candidate) =>
        lower.startsWith(candidate, at + 1) &&
        !WORD_CHARACTER.test(lower.charAt(at + 1 + candidate.length)),
    );
    if (meant === wanted) return true;
  }
  return false;
}
