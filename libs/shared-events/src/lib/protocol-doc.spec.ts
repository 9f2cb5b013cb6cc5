import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from './errors';
import { EVENTS } from './events';
import { LIMITS } from './limits';

// docs/protocol.md is the human-readable contract; keep it in step with this lib.
const doc = readFileSync(join(__dirname, '../../../../docs/protocol.md'), 'utf8');

describe('docs/protocol.md', () => {
  it.each(Object.values(EVENTS))('documents the event `%s` in a table row', (event) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${event}\` +\\|`, 'm'));
  });

  it.each(Object.values(ERROR_CODES))('documents the error code `%s`', (code) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${code}\` +\\|`, 'm'));
  });

  it.each(Object.entries(LIMITS))('states the limit %s = %s', (name, value) => {
    const shown = name === 'maxPacketBytes' ? `${Number(value) / 1024} KB` : String(value);
    expect(doc).toContain(shown);
  });

  it.each([
    'historyMaxLimit',
    'historyDefaultLimit',
    'messageMaxLength',
    'broadcastIntervalMs',
    'welcomeMessages',
    'maxPacketBytes',
  ])('names the constant %s', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });
});
