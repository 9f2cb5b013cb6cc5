import { createElement } from 'react';
import { render } from '@testing-library/react';
import type { Catalogue } from './catalogue';
import { ENGLISH_PLURALS } from './en';
import { fr } from './fr';
import { createTranslator } from './translator';

const english = createTranslator('en', ENGLISH_PLURALS, 'en-US');
const french = createTranslator('fr', fr, 'fr-FR');

describe('a translator', () => {
  it('fills placeholders', () => {
    expect(english.t('The name “{name}” is taken.', { name: 'Ada' })).toBe(
      'The name “Ada” is taken.',
    );
    expect(french.t('The name “{name}” is taken.', { name: 'Ada' })).toBe(
      'Le nom «\u00a0Ada\u00a0» est déjà pris.',
    );
  });

  it('picks the plural form by count, with the language’s rules', () => {
    expect(english.t('{count} days', { count: 1 })).toBe('1 day');
    expect(english.t('{count} days', { count: 2 })).toBe('2 days');
    expect(english.t('{count} days', { count: 0 })).toBe('0 days');
    // French counts 0 and 1 (and 1.5) as one, English only 1.
    expect(french.t('+ {count} more', { count: 0 })).toBe('+ 0 autre');
    expect(french.t('+ {count} more', { count: 1 })).toBe('+ 1 autre');
    expect(french.t('+ {count} more', { count: 3 })).toBe('+ 3 autres');
  });

  it('writes numbers as the language does', () => {
    expect(english.t('+ {count} more', { count: 12345 })).toBe('+ 12,345 more');
    expect(french.t('+ {count} more', { count: 12345 })).toMatch(/^\+ 12\s345 autres$/u);
  });

  it('shows a {…, time} placeholder as the time of day', () => {
    const at = new Date(2026, 2, 1, 14, 5).getTime();
    expect(english.t('muted until {until, time}', { until: at })).toBe('muted until 02:05 PM');
    expect(french.t('muted until {until, time}', { until: at })).toBe('en sourdine jusqu’à 14:05');
  });

  it('says a stored Text in its own language', () => {
    const stored = {
      key: 'You are going too fast; try again in {seconds} s',
      params: { seconds: 3 },
    } as const;
    expect(english.say(stored)).toBe('You are going too fast; try again in 3 s');
    expect(french.say(stored)).toBe('Vous allez trop vite\u202f; réessayez dans 3 s');
  });

  it('falls back to English for a message a catalogue lacks', () => {
    const partial = { ...fr, Retry: undefined } as unknown as Catalogue;
    expect(createTranslator('fr', partial).t('Retry')).toBe('Retry');
  });

  it('puts elements where the placeholders are', () => {
    const name = createElement('bdi', null, 'Ada');
    const { container } = render(createElement('p', null, french.rich('You are {name}', { name })));
    expect(container.innerHTML).toBe('<p>Vous êtes <bdi>Ada</bdi></p>');
  });
});
