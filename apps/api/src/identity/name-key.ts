import unhomoglyph from 'unhomoglyph';

// Marks, format characters and default-ignorables draw nothing a reader can tell apart.
const INVISIBLE = /[\p{M}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
// After lower-casing, capital I has become i; in most fonts I, l, 1 and | look alike.
const PILLARS = /[il1|]/g;

/**
 * What two names that look alike have in common: a key such that "Alice", "alice", "Аlice"
 * (Cyrillic А), "ALICE", "Al\u200Bice", "Alicé" and "AIice" all give "allce". NFKC folds
 * compatibility forms (full-width, circled letters), lower-casing folds case, then Unicode's
 * confusables (UTS #39, via unhomoglyph — the table Matrix uses for display names) map each
 * look-alike to its prototype; invisible characters and accents go, runs of spaces become one.
 * Stricter than UTS #39's skeleton (which keeps case and accents): a refused name costs a
 * person a second try with a suggestion, a missed look-alike lets someone pose as another.
 */
export function nameKey(name: string): string {
  const folded = unhomoglyph(name.normalize('NFKC').toLowerCase().normalize('NFD'));
  return folded
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(PILLARS, 'l')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Names nobody may take, compared by key: they would speak for the server or its operators. */
const RESERVED = ['moderator', 'mod', 'admin', 'administrator', 'system', 'server', 'operator'].map(
  nameKey,
);
/** The server's guest names ("Guest 4821"): only the identity it gave one to may use it. */
const GUEST = new RegExp(`^${nameKey('guest')} ?[0-9ol]+$`);

/** True for a name no one may choose. */
export const isReservedName = (name: string): boolean => RESERVED.includes(nameKey(name));

/** True for a name shaped like the server's guest names. */
export const isGuestName = (name: string): boolean => GUEST.test(nameKey(name));
