import type { Message } from './catalogue';

/** `{name}`, or `{name, kind}` (kind `time`: an instant shown as a time of day). */
export const PLACEHOLDER = /\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}/g;

/** A template's text runs and placeholders, in order: "Hi {name}!" → "Hi ", name, "!". */
export type TemplatePart = string | { name: string; kind: string | undefined };

export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > from) parts.push(template.slice(from, match.index));
    parts.push({ name: match[1], kind: match[2] });
    from = match.index + match[0].length;
  }
  if (from < template.length) parts.push(template.slice(from));
  return parts;
}

/** Every placeholder name a message uses, over all its plural forms. */
export function placeholderNames(message: Message): Set<string> {
  const templates =
    typeof message === 'string'
      ? [message]
      : Object.values(message).filter((form): form is string => form !== undefined);
  return new Set(
    templates.flatMap((template) => [...template.matchAll(PLACEHOLDER)].map((match) => match[1])),
  );
}
