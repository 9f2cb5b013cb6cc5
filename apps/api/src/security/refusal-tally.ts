/** How a {@link RefusalTally} aggregates; the defaults keep a flood to a line a minute per address. */
export interface RefusalTallyOptions {
  /** At most one report per key this often, carrying the count since the last one. */
  reportEveryMs: number;
  /** Keys remembered at most; past it the least recently counted is reported and forgotten. */
  maxKeys: number;
  now: () => number;
}

export const REFUSAL_TALLY_DEFAULTS: RefusalTallyOptions = {
  reportEveryMs: 60_000,
  maxKeys: 10_000,
  now: () => Date.now(),
};

interface Tally {
  unreported: number;
  lastReportAt: number;
}

/**
 * Counts refusals per key (a client address) and reports them in aggregate: the first at once,
 * then at most once per `reportEveryMs` with the count since — so a client refused thousands of
 * times a second costs the log one line a minute, not one per try, and the operator still sees
 * who and how many. Memory is bounded: a key with nothing unreported is forgotten once its
 * interval has passed, and at most `maxKeys` are kept.
 */
export class RefusalTally {
  private readonly options: RefusalTallyOptions;
  /** Least recently counted first: a count re-inserts its entry at the end. */
  private readonly tallies = new Map<string, Tally>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly report: (key: string, refusals: number) => void,
    options: Partial<RefusalTallyOptions> = {},
  ) {
    this.options = { ...REFUSAL_TALLY_DEFAULTS, ...options };
  }

  /** Keys remembered now. */
  get size(): number {
    return this.tallies.size;
  }

  /** One refusal for `key`: reported now if its last report is old enough, else counted. */
  add(key: string): void {
    const now = this.options.now();
    const tally = this.tallies.get(key) ?? {
      unreported: 0,
      lastReportAt: Number.NEGATIVE_INFINITY,
    };
    tally.unreported += 1;
    if (now - tally.lastReportAt >= this.options.reportEveryMs) this.flush(key, tally, now);
    this.tallies.delete(key);
    this.tallies.set(key, tally);
    if (this.tallies.size > this.options.maxKeys) {
      const [oldest, forgotten] = this.tallies.entries().next().value as [string, Tally];
      if (forgotten.unreported > 0) this.report(oldest, forgotten.unreported);
      this.tallies.delete(oldest);
    }
    this.sweeper ??= setInterval(() => this.sweep(), this.options.reportEveryMs / 4).unref();
  }

  /** Reports what `key` has unreported now and forgets it (the client did something right). */
  settle(key: string): void {
    const tally = this.tallies.get(key);
    if (!tally) return;
    if (tally.unreported > 0) this.report(key, tally.unreported);
    this.tallies.delete(key);
    if (this.tallies.size === 0) this.stopSweeping();
  }

  /** Reports counts that are due and forgets keys with nothing left to say; runs on a timer while any are kept. */
  sweep(): void {
    const now = this.options.now();
    for (const [key, tally] of this.tallies) {
      if (now - tally.lastReportAt < this.options.reportEveryMs) continue;
      if (tally.unreported > 0) this.flush(key, tally, now);
      else this.tallies.delete(key);
    }
    if (this.tallies.size === 0) this.stopSweeping();
  }

  /** Reports everything unreported and stops the sweeper. */
  close(): void {
    for (const [key, tally] of this.tallies) {
      if (tally.unreported > 0) this.report(key, tally.unreported);
    }
    this.tallies.clear();
    this.stopSweeping();
  }

  private flush(key: string, tally: Tally, now: number): void {
    this.report(key, tally.unreported);
    tally.unreported = 0;
    tally.lastReportAt = now;
  }

  private stopSweeping(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
