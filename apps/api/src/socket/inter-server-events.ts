import type { Person } from '@live/shared-events';

/** Events between the instances of one deployment (Socket.IO `serverSideEmit`), not seen by clients. */
export interface InterServerEvents {
  /** The highest click count the sending instance knows of. */
  count: (count: number) => void;
  /** A moderator reset the counter to `count` on the sending instance. */
  counterReset: (count: number) => void;
  /** Everyone on the sending instance now (empty: it is leaving). */
  people: (instance: string, people: Person[]) => void;
  /** A new instance asks the others to say who is on them. */
  peopleHello: () => void;
  /** A moderator muted `userId` until `until` (epoch ms; 0: unmuted). */
  muted: (userId: string, until: number) => void;
  /** The person took another name: connections on every instance speak under it now. */
  renamed: (userId: string, name: string) => void;
}
