import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from './errors';
import type { ClientToServerEvents, ServerToClientEvents } from './events';
import { LIMITS } from './limits';

// docs/protocol.md is the human-readable contract; keep it in step with this lib.
const doc = readFileSync(join(__dirname, '../../../../docs/protocol.md'), 'utf8');

/** The text of the `## title` section, up to the next `## ` heading. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`docs/protocol.md has no "## ${title}" section`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** `| \`key\` | cell | …` rows of a section's tables, as [key, second cell]. */
function rows(text: string): [string, string][] {
  return [...text.matchAll(/^\| `([^`]+)` +\| ([^|]*?) *\|/gm)].map(([, key, cell]) => [key, cell]);
}

// Typed against the maps, so an event added to either must be listed here, and then in the doc.
const clientEvents = Object.keys({
  click: 1,
  message: 1,
  history: 1,
  typing: 1,
  'message:delete': 1,
  'message:edit': 1,
  'user:rename': 1,
  'counter:reset': 1,
  'user:mute': 1,
  'user:unmute': 1,
} satisfies Record<keyof ClientToServerEvents, 1>);
const serverEvents = Object.keys({
  welcome: 1,
  click: 1,
  message: 1,
  presence: 1,
  typing: 1,
  exception: 1,
  'message:deleted': 1,
  'message:edited': 1,
  'counter:reset': 1,
  people: 1,
  'user:muted': 1,
} satisfies Record<keyof ServerToClientEvents, 1>);

/** How the doc's prose writes a limit's value: bytes of packets in KB, the rest as numbers. */
const prose = (name: string, value: number) =>
  name === 'maxPacketBytes' ? `${value / 1024} KB` : String(value);

/**
 * The prose states a limit as its value, then (within a few words, no other number between) the
 * constant in parentheses: "`limit` 1–100 (`historyMaxLimit`)", "**64 KB** (`maxPacketBytes`)".
 */
const stated = (name: string, value: number) =>
  new RegExp(`(?<![\\w.])${prose(name, value)}[^\\d|\\n]{0,20}\\(\`${name}\``, 'g');

const occurrences = (text: string, pattern: string | RegExp) =>
  typeof pattern === 'string' ? text.split(pattern).length - 1 : [...text.matchAll(pattern)].length;

describe('docs/protocol.md', () => {
  it.each(clientEvents)('documents the client → server event `%s` in its table', (event) => {
    expect(rows(section('Client → server')).map(([key]) => key)).toContain(event);
  });

  it.each(serverEvents)('documents the server → client event `%s` in its table', (event) => {
    expect(rows(section('Server → client')).map(([key]) => key)).toContain(event);
  });

  it.each(Object.values(ERROR_CODES))('documents the error code `%s` in its table', (code) => {
    expect(rows(section('Error codes')).map(([key]) => key)).toContain(code);
  });

  describe('the Limits table', () => {
    const table = rows(section('Limits'));

    it.each(Object.entries(LIMITS))('gives %s the value %s', (name, value) => {
      expect(table.filter(([key]) => key === name)).toEqual([[name, String(value)]]);
    });

    it('lists no limit the lib does not have', () => {
      expect(table.map(([key]) => key).sort()).toEqual(Object.keys(LIMITS).sort());
    });
  });

  // Outside the Limits table, every mention of a limit must state its value, as `stated` reads.
  let heading = '';
  const mentions = doc.split('\n').flatMap((line, index) => {
    if (line.startsWith('## ')) heading = line;
    if (heading === '## Limits') return [];
    return Object.entries(LIMITS)
      .filter(([name]) => line.includes(`\`${name}\``))
      .map(
        ([name, value]) =>
          [name, prose(name, value), index + 1, line, stated(name, value)] as const,
      );
  });

  it.each([
    'nameMaxLength',
    'messageMaxLength',
    'messageMaxBytes',
    'idMaxLength',
    'historyMaxLimit',
    'historyDefaultLimit',
    'welcomeMessages',
    'welcomePeople',
    'muteMaxMinutes',
    'maxPacketBytes',
    'broadcastIntervalMs',
  ])('names %s in the prose where its rule is stated', (name) => {
    expect(mentions.map(([mentioned]) => mentioned)).toContain(name);
  });

  it.each(mentions)('states %s as %s on line %i, where it names it', (name, _, _n, line, form) => {
    expect(occurrences(line, form)).toBe(occurrences(line, `\`${name}\``));
  });
});
