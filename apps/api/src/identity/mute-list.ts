/**
 * Who is muted and until when (epoch ms), as this instance knows it: loaded from the store when a
 * person connects, set by a moderator here or (clustered) on another instance. Checked on every
 * send, so it is a Map lookup, never a store read.
 */
export class MuteList {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the person stays muted; 0 when they are not. */
  remainingMs(userId: string | undefined): number {
    if (!userId) return 0;
    const until = this.until.get(userId);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return left;
    this.until.delete(userId);
    return 0;
  }

  /** Muted until `until`; 0 or a past time unmutes. */
  set(userId: string, until: number): void {
    if (until > this.now()) this.until.set(userId, until);
    else this.until.delete(userId);
  }
}
