import { forbidden, muted, rateLimited, storeUnavailable } from '../testing/serverRefusals';
import { english } from '../testing/english';
import { french } from '../testing/inFrench';
import { describeFailure as describeAsText } from './describeFailure';

/** The sentence an English reader sees. */
const describeFailure = (...args: Parameters<typeof describeAsText>) =>
  english.say(describeAsText(...args));

/** Every "try again in …" a person would read in `text`. */
const waitsIn = (text: string) => text.match(/try again in [\d.]+ s/g) ?? [];

describe('describeFailure', () => {
  it('states the wait once when the server’s rate-limit message already gives one', () => {
    const text = describeFailure(rateLimited('click', 1200).error);

    expect(waitsIn(text)).toEqual(['try again in 2 s']);
    expect(text).toBe('You are going too fast; try again in 2 s');
  });

  it('never tells people to wait 0 s when the wait rounds to nothing', () => {
    const text = describeFailure(rateLimited('message', 40).error);

    expect(text).not.toMatch(/\b0(\.0)? s\b/);
    expect(text).toBe('You are going too fast; try again in 1 s');
  });

  it('rounds the wait up to whole seconds, so trying again then works', () => {
    expect(describeFailure(rateLimited('message', 1001).error)).toMatch(/try again in 2 s$/);
    expect(describeFailure(rateLimited('history', 3000).error)).toMatch(/try again in 3 s$/);
  });

  it('words other refusals by their code, as the server does in English', () => {
    expect(describeFailure(forbidden().error)).toBe('Only a moderator may do this');
    expect(describeFailure(storeUnavailable().error)).toBe(
      'The store is unavailable; nothing was recorded. Try again shortly.',
    );
  });

  it('says until when, as a time of day, when we are muted', () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00Z') });
    const until = Date.parse('2026-03-01T13:30:00Z');
    expect(describeFailure(muted(90 * 60_000).error)).toBe(
      `You are muted until ${english.clockTime(until)}`,
    );
  });

  it('keeps the server’s words only for a validation detail and a code it does not know', () => {
    expect(describeFailure({ code: 'VALIDATION', message: 'Names may not be empty' })).toBe(
      'Names may not be empty',
    );
    const fromNewerServer = {
      code: 'SOMETHING_NEW',
      message: 'A new rule',
    } as unknown as Parameters<typeof describeAsText>[0];
    expect(describeFailure(fromNewerServer)).toBe('A new rule');
    expect(french.say(describeAsText(fromNewerServer))).toBe(
      'Le serveur a répondu\u00a0: A new rule',
    );
  });

  it('words the same refusals in French, the wait from retryAfterMs', () => {
    expect(french.say(describeAsText(rateLimited('click', 1200).error))).toBe(
      'Vous allez trop vite\u202f; réessayez dans 2 s',
    );
    expect(french.say(describeAsText(forbidden().error))).toBe(
      'Seul un modérateur peut faire cela',
    );
  });

  it('tells a dropped request from one sent offline', () => {
    expect(
      describeFailure({ code: 'OFFLINE', message: 'The connection dropped', dropped: true }),
    ).toBe('The connection dropped before the server answered.');
    expect(describeFailure({ code: 'TIMEOUT', message: 'late' })).toBe(
      'The server did not answer in time.',
    );
  });

  it('says a transport failure in words', () => {
    expect(describeFailure({ code: 'OFFLINE', message: 'You are offline.' })).toBe(
      'You are offline.',
    );
  });
});
