import { LIMITS, LOBBY } from '@live/shared-events';

// The rule of `roomSlugSchema` (libs/shared-events), without bringing zod into the first load.
const SLUG = new RegExp(`^[a-z0-9-]{1,${LIMITS.roomSlugMaxLength}}$`);

/** Whether `slug` is a room's name as the server takes it (already lower-cased). */
export const isRoomSlug = (slug: string): boolean => SLUG.test(slug);

/** The room's own address: `/` for the lobby, `/r/<slug>` for any other. */
export const pathOfRoom = (room: string): string => (room === LOBBY ? '/' : `/r/${room}`);

/**
 * What an address opens: a room (the lobby is `LOBBY`) and the address it is known by, or no
 * room at all (`null`) when the address cannot name one.
 */
export type RoomPlace = { room: string; path: string } | { room: null };

const decoded = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

/**
 * The room at `pathname`: the lobby at `/`, a room at `/r/<slug>`. A slug is taken as lower-case
 * (`/r/Maths-101` is `maths-101`, as on the server) and a trailing slash is dropped; `path` is
 * then the address to show instead.
 */
export function placeOfPath(pathname: string): RoomPlace {
  if (pathname === '/' || pathname === '') return { room: LOBBY, path: '/' };
  const slug = /^\/r\/([^/]*)\/?$/.exec(pathname)?.[1];
  const room = slug === undefined ? '' : decoded(slug).toLowerCase();
  return isRoomSlug(room) ? { room, path: pathOfRoom(room) } : { room: null };
}
