import { LOBBY } from '@live/shared-events';
import {
  RECENT_ROOMS_KEPT,
  recentRoomsIn,
  rememberRoom,
  storedRecentRooms,
  subscribeToRecentRooms,
  withRecentRoom,
} from './recentRooms';

const rooms = (count: number) => Array.from({ length: count }, (_, i) => `room-${i + 1}`);

describe('withRecentRoom', () => {
  it('puts the room first, once', () => {
    expect(withRecentRoom(['a', 'b', 'c'], 'd')).toEqual(['d', 'a', 'b', 'c']);
    expect(withRecentRoom(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    expect(withRecentRoom(['a'], 'a')).toEqual(['a']);
  });

  it(`keeps the ${RECENT_ROOMS_KEPT} most recent`, () => {
    const kept = withRecentRoom(rooms(RECENT_ROOMS_KEPT), 'new');
    expect(kept).toHaveLength(RECENT_ROOMS_KEPT);
    expect(kept[0]).toBe('new');
    expect(kept).not.toContain(`room-${RECENT_ROOMS_KEPT}`);
  });

  it('never lists the lobby, which has its own link', () => {
    expect(withRecentRoom(['a'], LOBBY)).toEqual(['a']);
  });
});

describe('recentRoomsIn', () => {
  it('reads nothing as no rooms', () => {
    expect(recentRoomsIn(undefined)).toEqual([]);
    expect(recentRoomsIn('')).toEqual([]);
  });

  it('keeps only room names, once each, at most 8, from what another version may have left', () => {
    expect(recentRoomsIn('a  Bad_Slug! b a lobby c')).toEqual(['a', 'b', 'c']);
    expect(recentRoomsIn(rooms(12).join(' '))).toEqual(rooms(RECENT_ROOMS_KEPT));
  });
});

describe('rememberRoom', () => {
  it('keeps the rooms across visits, most recent first', () => {
    rememberRoom('maths-101');
    rememberRoom('quiet-otter-42');
    rememberRoom('maths-101');
    expect(recentRoomsIn(storedRecentRooms())).toEqual(['maths-101', 'quiet-otter-42']);
  });

  it('leaves the list as it is for the lobby', () => {
    rememberRoom('maths-101');
    rememberRoom(LOBBY);
    expect(recentRoomsIn(storedRecentRooms())).toEqual(['maths-101']);
  });

  it('tells whoever follows the list, until they stop', () => {
    const listener = jest.fn();
    const stop = subscribeToRecentRooms(listener);
    rememberRoom('maths-101');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    rememberRoom('quiet-otter-42');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
