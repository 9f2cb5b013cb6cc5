const STORAGE_KEY = 'live-counter.language';

// Storage can be disabled or full (private windows, strict settings): the pick then lasts for
// this page only.

/** The language the person picked with the switcher, if they did. */
export function readPickedLanguage(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storePickedLanguage(language: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See above.
  }
}
