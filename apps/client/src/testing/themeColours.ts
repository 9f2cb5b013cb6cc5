import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's style sheet, as the browser gets it. */
export const appCss = readFileSync(join(__dirname, '../app/app.css'), 'utf8');

/** The `--name: #rrggbb` custom properties declared in one rule's body. */
function colourVariables(body: string): Record<string, string> {
  const declared = body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi);
  return Object.fromEntries([...declared].map(([, name, value]) => [name, value.toLowerCase()]));
}

/** The first `:root { … }` body after `from` in the sheet. */
function rootRule(from: number): string {
  const start = appCss.indexOf(':root {', from);
  return appCss.slice(start, appCss.indexOf('}', start));
}

/** The colour variables of each theme: light (`:root`), dark (its override in the media query). */
export function themeColours(): { light: Record<string, string>; dark: Record<string, string> } {
  const light = colourVariables(rootRule(0));
  const dark = {
    ...light,
    ...colourVariables(rootRule(appCss.indexOf('@media (prefers-color-scheme: dark)'))),
  };
  return { light, dark };
}
