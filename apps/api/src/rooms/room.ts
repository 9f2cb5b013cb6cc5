import { RoomCounter } from '../counter/room-counter';
import { PeopleService } from '../people/people.service';
import type { Store } from '../store/store';

/** The Socket.IO room a room's connections join: a broadcast to it reaches that room alone. */
export const channelOf = (slug: string): string => `room:${slug}`;

/**
 * One room's live state on this instance: its count and who is in it (on every instance, as far
 * as they said). Knows nothing of sockets; RoomRegistry opens and closes it.
 */
export class Room {
  readonly channel: string;
  readonly counter: RoomCounter;
  readonly people: PeopleService;
  /** When its last connection here left (epoch ms); undefined while anyone is here. */
  idleSince: number | undefined;

  constructor(
    readonly slug: string,
    store: Store,
    staleAfterMs: number,
    now = Date.now(),
  ) {
    this.channel = channelOf(slug);
    this.counter = new RoomCounter(store, slug);
    this.people = new PeopleService(staleAfterMs);
    this.idleSince = now;
  }
}
