import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Messages } from './catalogue';
import { loadCatalogue, loadedCatalogue } from './catalogues';
import { ENGLISH_PLURALS } from './en';
import { chooseLanguage, intlLocale, type Language } from './language';
import { readPickedLanguage, storePickedLanguage } from './languageStorage';
import { createTranslator, type Translator } from './translator';

export interface I18nContextValue extends Translator {
  /** Speaks `language` from now on (once its catalogue is here), and remembers the pick. */
  pickLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18nContextValue | null>(null);

interface Speaking {
  language: Language;
  catalogue: Messages;
}

/**
 * The app's language: picked with the switcher (remembered), else the browser's. `<html lang>`
 * follows it. A catalogue not loaded yet (`main.tsx` loads the first before rendering) is
 * fetched, and English is spoken meanwhile.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Language>(() => chooseLanguage(readPickedLanguage()));
  const [speaking, setSpeaking] = useState<Speaking>(() => {
    const catalogue = loadedCatalogue(wanted);
    return catalogue
      ? { language: wanted, catalogue }
      : { language: 'en', catalogue: ENGLISH_PLURALS };
  });

  useEffect(() => {
    if (speaking.language === wanted) return;
    let cancelled = false;
    // A catalogue that cannot be fetched (offline) leaves the language as it was.
    loadCatalogue(wanted).then(
      (catalogue) => cancelled || setSpeaking({ language: wanted, catalogue }),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, speaking.language]);

  const { language, catalogue } = speaking;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const pickLanguage = useCallback((next: Language) => {
    storePickedLanguage(next);
    setWanted(next);
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({ ...createTranslator(language, catalogue, intlLocale(language)), pickLanguage }),
    [language, catalogue, pickLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
