import { ENGLISH_PLURALS } from '../i18n/en';
import { intlLocale } from '../i18n/language';
import { createTranslator } from '../i18n/translator';

/** The app's words and formats in English, as jsdom's browser (en-US) gets them. */
export const english = createTranslator('en', ENGLISH_PLURALS, intlLocale('en'));
