import { forbidden, muted, rateLimited, storeUnavailable } from '../testing/serverRefusals';
import { clockTime } from '../time/clock';
import { describeFailure } from './describeFailure';

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

  it('shows other refusals as the server wrote them', () => {
    expect(describeFailure(forbidden().error)).toBe('Only a moderator may do this');
    expect(describeFailure(storeUnavailable().error)).toBe(
      'The store is unavailable; nothing was recorded. Try again shortly.',
    );
  });

  it('says until when, as a time of day, when we are muted', () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00Z') });
    const until = Date.parse('2026-03-01T13:30:00Z');
    expect(describeFailure(muted(90 * 60_000).error)).toBe(
      `You are muted until ${clockTime(until)}`,
    );
  });

  it('shows a transport failure as it is', () => {
    expect(describeFailure({ code: 'OFFLINE', message: 'You are offline.' })).toBe(
      'You are offline.',
    );
  });
});
