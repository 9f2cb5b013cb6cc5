import { storedText } from '../storage/storedText';

const pickedLanguage = storedText('live-counter.language');

/** The language the person picked with the switcher, if they did. */
export const readPickedLanguage = (): string | undefined => pickedLanguage.read();

export const storePickedLanguage = (language: string): void => pickedLanguage.write(language);
