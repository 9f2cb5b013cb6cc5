import { chooseLanguage, intlLocale } from './language';

describe('chooseLanguage', () => {
  it('takes the language the person picked', () => {
    expect(chooseLanguage('fr', ['en-US'])).toBe('fr');
    expect(chooseLanguage('en', ['fr-FR'])).toBe('en');
  });

  it('otherwise takes the first of the browser’s languages the app speaks', () => {
    expect(chooseLanguage(undefined, ['fr-CA', 'en'])).toBe('fr');
    expect(chooseLanguage(undefined, ['de-DE', 'fr', 'en'])).toBe('fr');
    expect(chooseLanguage(undefined, ['en-GB', 'fr'])).toBe('en');
  });

  it('speaks English when nothing else fits, or a stored pick is not a language it speaks', () => {
    expect(chooseLanguage(undefined, ['de-DE', 'ja'])).toBe('en');
    expect(chooseLanguage(undefined, [])).toBe('en');
    expect(chooseLanguage('klingon', ['de'])).toBe('en');
  });
});

describe('intlLocale', () => {
  it('keeps the browser’s regional variant of the language', () => {
    expect(intlLocale('en', ['fr-FR', 'en-GB'])).toBe('en-GB');
    expect(intlLocale('fr', ['fr-ca'])).toBe('fr-CA');
  });

  it('is the language alone when the browser prefers none of its variants', () => {
    expect(intlLocale('fr', ['en-US'])).toBe('fr');
  });
});
