/** The languages the app speaks; English is the fallback for everything else. */
export type Language = 'en' | 'fr';

/**
 * Each language by its own name: the switcher shows "Français" to someone reading English and
 * "English" to someone reading French, so these are the same in every catalogue.
 */
export const LANGUAGES: readonly { language: Language; name: string }[] = [
  { language: 'en', name: 'English' },
  { language: 'fr', name: 'Français' },
];

const isLanguage = (value: unknown): value is Language =>
  LANGUAGES.some(({ language }) => language === value);

const primary = (tag: string) => tag.split('-')[0].toLowerCase();

/**
 * The language to speak: the one the person picked (remembered), else the first of the
 * browser's preferences we speak (`fr-CA` → `fr`), else English.
 */
export function chooseLanguage(
  picked: string | undefined,
  preferred: readonly string[] = navigator.languages ?? [],
): Language {
  if (isLanguage(picked)) return picked;
  return preferred.map(primary).find(isLanguage) ?? 'en';
}

/**
 * The locale for Intl formats: the browser's own variant of `language` when it prefers one
 * (`en-GB` keeps a 24-hour clock, `fr-CA` its dates), else the language alone.
 */
export function intlLocale(
  language: Language,
  preferred: readonly string[] = navigator.languages ?? [],
): string {
  const variant = preferred.find((tag) => primary(tag) === language);
  try {
    return variant ? Intl.getCanonicalLocales(variant)[0] : language;
  } catch {
    return language;
  }
}
