import { Deadlines } from '../security/deadlines';

/**
 * How many mutes an instance keeps; past it the oldest lapse early. Far beyond what moderators
 * hand out, it only bounds memory against a runaway script.
 */
const MAX_MUTED = 100_000;

/**
 * Who is muted and until when, as this instance knows it: loaded from the store when a person
 * connects, set by a moderator here or (clustered) on another instance. Checked on every send,
 * so it is a lookup, never a store read.
 */
export class MuteList extends Deadlines {
  constructor(now: () => number = Date.now) {
    super(MAX_MUTED, now);
  }
}
