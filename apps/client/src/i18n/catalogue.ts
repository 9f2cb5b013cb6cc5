import type { ENGLISH_MESSAGES, ENGLISH_PLURALS } from './en';

/** A message with one form per plural category (Intl.PluralRules), picked by its `count`. */
export type PluralForms = { readonly other: string } & {
  readonly [Category in Intl.LDMLPluralRule]?: string;
};

export type Message = string | PluralForms;

/** An English message, which is also its key: `'Clicks so far'`, `'{count} online'`. */
export type MessageKey = (typeof ENGLISH_MESSAGES)[number];

type PluralKey = keyof typeof ENGLISH_PLURALS;

/**
 * Another language's catalogue: every English message translated, as plural forms where English
 * has them. A message left out (or one English lacks) is a type error.
 */
export type Catalogue = {
  readonly [K in MessageKey]: K extends PluralKey ? PluralForms : string;
};

/** What a translator reads its words from: English needs only its plural forms. */
export type Messages = Partial<Record<MessageKey, Message>>;

type Trimmed<S extends string> = S extends ` ${infer T}` | `${infer T} ` ? Trimmed<T> : S;
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Inner}}${infer Rest}`
  ? Trimmed<Inner extends `${infer Name},${string}` ? Name : Inner> | PlaceholdersIn<Rest>
  : never;

/** The values a message needs, by its placeholders: `{ name: 'Ada' }` for `'You are {name}'`. */
export type ParamsOf<K extends MessageKey> = {
  readonly [P in PlaceholdersIn<K>]: string | number;
};

/** No argument for a message without placeholders, its values for one with them. */
export type ParamArgs<K extends MessageKey> = [keyof ParamsOf<K>] extends [never]
  ? []
  : [params: ParamsOf<K>];

/**
 * A sentence to show, kept as its key and values rather than words: state holds these, and
 * each render puts them in the language chosen then (a switch re-words what is already shown).
 */
export interface Text {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** @example text('You are going too fast; try again in {seconds} s', { seconds: 2 }) */
export const text = <K extends MessageKey>(key: K, ...params: ParamArgs<K>): Text => ({
  key,
  params: params[0],
});
