import type { Person } from '@live/shared-events';

/**
 * Events between the instances of one deployment (Socket.IO `serverSideEmit`), not seen by
 * clients. `room` comes last and may be absent: an instance from before rooms speaks of the lobby.
 */
export interface InterServerEvents {
  /** The highest click count the sending instance knows of in the room. */
  count: (count: number, room?: string) => void;
  /** A moderator reset the room's counter to `count` on the sending instance. */
  counterReset: (count: number, room?: string) => void;
  /** Everyone in the room on the sending instance now (empty: it is leaving), with their connections. */
  people: (instance: string, people: Person[], room?: string, connections?: number) => void;
  /** An instance asks the others to say who is in the room (every room, without one). */
  peopleHello: (room?: string) => void;
  /** A moderator muted `userId` until `until` (epoch ms; 0: unmuted). */
  muted: (userId: string, until: number) => void;
  /** The person took another name: connections on every instance speak under it now. */
  renamed: (userId: string, name: string) => void;
}
