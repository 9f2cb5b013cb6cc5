import { LOBBY } from '@live/shared-events';
import { storedText } from '../storage/storedText';
import { browserChanges } from './browserChanges';
import { isRoomSlug } from './roomPath';

/** How many rooms the list keeps: enough to find one's way back, short enough to scan. */
export const RECENT_ROOMS_KEPT = 8;

// Slugs never hold a space: one line of them, most recent first.
const stored = storedText('live-counter.rooms');
const changes = browserChanges('storage');

/** The rooms kept in `text`, most recent first: only real slugs, once each, at most 8. */
export function recentRoomsIn(text: string | undefined): string[] {
  const rooms = (text ?? '').split(' ').filter((room) => isRoomSlug(room) && room !== LOBBY);
  return [...new Set(rooms)].slice(0, RECENT_ROOMS_KEPT);
}

/** `rooms` with `room` first (once); the lobby is never listed, it has a link of its own. */
export function withRecentRoom(rooms: readonly string[], room: string): string[] {
  if (room === LOBBY) return [...rooms];
  return [room, ...rooms.filter((other) => other !== room)].slice(0, RECENT_ROOMS_KEPT);
}

/** What storage holds: compared by value, so an unchanged list renders nothing again. */
export const storedRecentRooms = (): string => stored.read() ?? '';

/** Follows the list, as this tab and the others (`storage` events) change it. */
export const subscribeToRecentRooms = changes.subscribe;

/** Puts `room` at the top of the list, kept across visits; the lobby changes nothing. */
export function rememberRoom(room: string): void {
  if (room === LOBBY) return;
  stored.write(withRecentRoom(recentRoomsIn(stored.read()), room).join(' '));
  changes.notify();
}
