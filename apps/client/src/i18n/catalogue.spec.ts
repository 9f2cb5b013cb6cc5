import type { Catalogue, Message } from './catalogue';
import { ENGLISH_MESSAGES, ENGLISH_PLURALS } from './en';
import { fr } from './fr';
import type { Language } from './language';
import { placeholderNames } from './placeholders';

// Whatever the types let through (a placeholder renamed in one language, an English message
// reworded without its translation), a reader would see: a blank where a name belongs, a raw
// "{name}", or English in the middle of French.
const catalogues: Record<Exclude<Language, 'en'>, Catalogue> = { fr };
const plurals: Record<string, Message> = ENGLISH_PLURALS;

/** The English message behind a key: plural forms where English has them, else the key. */
const englishOf = (key: string): Message => plurals[key] ?? key;
const shapeOf = (message: Message) => (typeof message === 'string' ? 'sentence' : 'plural forms');

describe.each(Object.entries(catalogues))('the %s catalogue', (language, catalogue) => {
  const messages: Record<string, Message> = catalogue;

  it('translates every English message, and nothing English does not say', () => {
    expect(Object.keys(messages).sort()).toEqual([...ENGLISH_MESSAGES].sort());
  });

  it.each([...ENGLISH_MESSAGES])('translates “%s” with the same placeholders', (key) => {
    expect(messages[key]).toBeDefined();
    expect(shapeOf(messages[key])).toBe(shapeOf(englishOf(key)));
    expect([...placeholderNames(messages[key])].sort()).toEqual(
      [...placeholderNames(englishOf(key))].sort(),
    );
  });

  it('gives plural forms only for categories the language has, always with “other”', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const message of Object.values(messages)) {
      if (typeof message === 'string') continue;
      expect(message.other).toBeDefined();
      for (const category of Object.keys(message)) expect(categories).toContain(category);
    }
  });
});

describe('the English messages', () => {
  it('are each listed once', () => {
    expect(new Set(ENGLISH_MESSAGES).size).toBe(ENGLISH_MESSAGES.length);
  });

  it('have plural forms only for listed messages, keyed by their “other” form', () => {
    for (const [key, forms] of Object.entries(plurals)) {
      expect(ENGLISH_MESSAGES).toContain(key);
      expect(typeof forms !== 'string' && forms.other).toBe(key);
    }
  });

  it('count with {count} in every plural form', () => {
    for (const forms of Object.values(plurals)) {
      for (const form of Object.values(forms)) expect(form).toContain('{count}');
    }
  });
});

describe('placeholderNames', () => {
  it('finds names, with or without a kind, over all plural forms', () => {
    expect(placeholderNames('Hi {name}, until {until, time}')).toEqual(new Set(['name', 'until']));
    expect(placeholderNames({ one: '{count} day', other: '{count} days of {who}' })).toEqual(
      new Set(['count', 'who']),
    );
  });

  it('tells two messages apart by one renamed placeholder', () => {
    expect(placeholderNames('Use “{suggestion}”')).not.toEqual(placeholderNames('Prendre {name}'));
  });
});
