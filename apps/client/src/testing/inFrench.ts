import { loadCatalogue } from '../i18n/catalogues';
import { fr } from '../i18n/fr';
import { intlLocale } from '../i18n/language';
import { storePickedLanguage } from '../i18n/languageStorage';
import { createTranslator } from '../i18n/translator';

/** The app's words and formats in French, to compare with what a French page shows. */
export const french = createTranslator('fr', fr, intlLocale('fr'));

/**
 * The next app rendered speaks French from its first render, as after a reader picked it (and
 * `main.tsx` loaded its catalogue); the setup's `localStorage.clear()` undoes it.
 */
export async function inFrench(): Promise<void> {
  storePickedLanguage('fr');
  await loadCatalogue('fr');
}
