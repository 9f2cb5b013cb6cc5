import type { Catalogue, Messages } from './catalogue';
import { ENGLISH_PLURALS } from './en';
import type { Language } from './language';

// Only English is in the first load; every other catalogue is its own chunk, fetched when
// chosen (a React i18n library would not fit the 96.8 kB first-load budget either).
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  fr: () => import('./fr').then((module) => module.fr),
};

// English is its keys: all it needs besides them are its plural forms.
const loaded = new Map<Language, Messages>([['en', ENGLISH_PLURALS]]);

/** The catalogue of `language` if it is here already (English always is). */
export const loadedCatalogue = (language: Language): Messages | undefined => loaded.get(language);

/** Fetches the catalogue of `language` once; later calls get the same one. */
export async function loadCatalogue(language: Language): Promise<Messages> {
  const here = loaded.get(language);
  if (here) return here;
  const catalogue = await loaders[language as Exclude<Language, 'en'>]();
  loaded.set(language, catalogue);
  return catalogue;
}
