import { nowNs } from './stats';

/**
 * Who is where in the rooms scenario: client i is in room ⌊i / clients per room⌋, so a room's
 * clients sit side by side in the numbering and spread over the workers (client i lives in worker
 * i % W), and every fifth client chats.
 */

/** The room client `index` is in, when each room holds `perRoom` clients. */
export const roomOf = (index: number, perRoom: number): number => Math.floor(index / perRoom);

/** A room's slug in the handshake's `auth.room` (a-z, 0-9 and -, as `roomSlugSchema` takes). */
export const roomSlug = (room: number): string => `bench-${room}`;

/** Where the warm-up's clicks and messages go: a room none of the measured clients is in. */
export const WARMUP_ROOM = 'bench-warmup';

/** Every fifth client also sends chat messages. */
export const chatsInRooms = (index: number): boolean => index % 5 === 0;

/**
 * A rooms-scenario message: `bench <send hrtime> <sender>-<seq> <room slug>`, the send time where
 * the chat scenario has it, and the room it was sent in last, so a receiver can tell one that
 * is not its room's.
 */
export const roomMessageText = (sender: string, seq: number, slug: string): string =>
  `bench ${nowNs()} ${sender}-${seq} ${slug}`;

/** The room slug a rooms-scenario message was sent in (its last word). */
export const sentInRoom = (text: string): string => text.slice(text.lastIndexOf(' ') + 1);
