import { LOBBY, roomSlugSchema } from '@live/shared-events';
import { isRoomSlug, pathOfRoom, placeOfPath } from './roomPath';

describe('placeOfPath', () => {
  it('opens the lobby at /', () => {
    expect(placeOfPath('/')).toEqual({ room: LOBBY, path: '/' });
  });

  it('opens a room at /r/<slug>', () => {
    expect(placeOfPath('/r/quiet-otter-42')).toEqual({
      room: 'quiet-otter-42',
      path: '/r/quiet-otter-42',
    });
    expect(placeOfPath('/r/7')).toEqual({ room: '7', path: '/r/7' });
  });

  it('takes a slug as lower-case, and gives the address to show instead', () => {
    expect(placeOfPath('/r/Maths-101')).toEqual({ room: 'maths-101', path: '/r/maths-101' });
    expect(placeOfPath('/r/%51uiet')).toEqual({ room: 'quiet', path: '/r/quiet' });
  });

  it('drops a trailing slash', () => {
    expect(placeOfPath('/r/maths-101/')).toEqual({ room: 'maths-101', path: '/r/maths-101' });
  });

  it('knows /r/lobby as the lobby, at /', () => {
    expect(placeOfPath('/r/lobby')).toEqual({ room: LOBBY, path: '/' });
    expect(placeOfPath('/r/LOBBY')).toEqual({ room: LOBBY, path: '/' });
  });

  it.each([
    '/r/Bad_Slug!',
    '/r/two%20words',
    '/r/',
    '/r',
    '/r/a/b',
    `/r/${'a'.repeat(65)}`,
    '/r/%E0%A4%A',
    '/r/caf%C3%A9',
    '/rooms/maths',
    '/index.html',
  ])('finds no room at %s', (path) => {
    expect(placeOfPath(path)).toEqual({ room: null });
  });
});

describe('isRoomSlug', () => {
  it.each([
    'quiet-otter-42',
    'a',
    '-',
    '0',
    'a'.repeat(64),
    'a'.repeat(65),
    '',
    'Quiet',
    'under_score',
    'two words',
    'café',
    'a/b',
  ])('agrees with the server’s roomSlugSchema on “%s”', (slug) => {
    const server = roomSlugSchema.safeParse(slug);
    // The schema lower-cases first: upper-case is the caller's to lower (placeOfPath does).
    const taken = server.success && server.data === slug;
    expect(isRoomSlug(slug)).toBe(taken);
  });
});

describe('pathOfRoom', () => {
  it('links the lobby as / and any other room as /r/<slug>', () => {
    expect(pathOfRoom(LOBBY)).toBe('/');
    expect(pathOfRoom('quiet-otter-42')).toBe('/r/quiet-otter-42');
  });
});
