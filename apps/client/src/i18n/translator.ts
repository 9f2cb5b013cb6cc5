import { createElement, Fragment, type ReactNode } from 'react';
import type { Message, MessageKey, Messages, ParamArgs, ParamsOf, Text } from './catalogue';
import { ENGLISH_PLURALS } from './en';
import type { Language } from './language';
import { templateParts } from './placeholders';

type Value = string | number;

/** Every word and format of one language: what components read through `useI18n`. */
export interface Translator {
  language: Language;
  /** The Intl locale the formats use (`en-GB`, `fr`). */
  locale: string;
  /** @example t('{count} online', { count: 2 }) → "2 online" */
  t: <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
  /** A stored `Text`, in this language. */
  say: (text: Text) => string;
  /** A message whose placeholders are elements: `rich('You are {name}', { name: <bdi>…</bdi> })`. */
  rich: <K extends MessageKey>(key: K, parts: { [P in keyof ParamsOf<K>]: ReactNode }) => ReactNode;
  number: (value: number) => string;
  /** "14:05": the time of day of an ISO-8601 instant or epoch milliseconds. */
  clockTime: (at: string | number) => string;
  /** The full date and time, for where only the time of day is shown. */
  fullDateTime: (at: string | number) => string;
  /** "Friday, 2 January 2026": a day separator's words. */
  dayDate: (at: string | number) => string;
}

/** The translator for `language`; a message missing from `messages` is said in English. */
export function createTranslator(
  language: Language,
  messages: Messages,
  locale: string = language,
): Translator {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });

  const clockTime = (at: string | number) => clock.format(new Date(at));
  const element = (value: ReactNode) => (typeof value === 'number' ? numbers.format(value) : value);

  const template = (key: MessageKey, params?: Readonly<Record<string, unknown>>): string => {
    const message: Message =
      messages[key] ?? (ENGLISH_PLURALS as Partial<Record<MessageKey, Message>>)[key] ?? key;
    if (typeof message === 'string') return message;
    const count = params?.['count'];
    return typeof count === 'number'
      ? (message[plurals.select(count)] ?? message.other)
      : message.other;
  };

  const formatted = (value: Value | undefined, kind: string | undefined): string => {
    if (value === undefined) return '';
    if (kind === 'time') return clockTime(value);
    return typeof value === 'number' ? numbers.format(value) : value;
  };

  const format = (key: MessageKey, params?: Readonly<Record<string, Value>>): string =>
    templateParts(template(key, params))
      .map((part) => (typeof part === 'string' ? part : formatted(params?.[part.name], part.kind)))
      .join('');

  return {
    language,
    locale,
    t: (key, ...params) => format(key, params[0] as Record<string, Value> | undefined),
    say: ({ key, params }) => format(key, params),
    rich: (key, parts) => {
      const values = parts as Record<string, ReactNode>;
      return createElement(
        Fragment,
        null,
        ...templateParts(template(key, values)).map((part, index) =>
          createElement(
            Fragment,
            { key: index },
            typeof part === 'string' ? part : element(values[part.name]),
          ),
        ),
      );
    },
    number: (value) => numbers.format(value),
    clockTime,
    fullDateTime: (at) => full.format(new Date(at)),
    dayDate: (at) => day.format(new Date(at)),
  };
}
