import { RefusalTally } from './refusal-tally';

/** How a {@link TokenBackoff} paces wrong tokens; the defaults are ones no operator hits. */
export interface TokenBackoffOptions {
  /** Wrong tokens an address may try back to back before it has to wait. */
  freeTries: number;
  /** The wait after the last free try; each further wrong token doubles it… */
  firstWaitMs: number;
  /** …up to this. */
  maxWaitMs: number;
  /** An address with no wrong token for this long (and no wait left) is forgotten. */
  forgetAfterMs: number;
  /** Addresses remembered at most; past it the least recently active is forgotten. */
  maxAddresses: number;
  /** At most one report per address this often, carrying the count since the last one. */
  reportEveryMs: number;
  now: () => number;
}

export const TOKEN_BACKOFF_DEFAULTS: TokenBackoffOptions = {
  freeTries: 5,
  firstWaitMs: 1000,
  maxWaitMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
  maxAddresses: 10_000,
  reportEveryMs: 60_000,
  now: () => Date.now(),
};

interface Attempts {
  /** Wrong tokens since the address last gave the right one (or was forgotten). */
  wrong: number;
  /** No token from this address is looked at before this time. */
  blockedUntil: number;
  lastFailureAt: number;
}

/**
 * Exponential backoff on wrong moderator tokens, per client address: a few tries, then a wait
 * that doubles with every further wrong token. While an address waits its tokens are refused
 * without being looked at, so guessing gains nothing. Memory is bounded: idle addresses are
 * forgotten, and at most `maxAddresses` are kept. Refused tokens (wrong or not looked at) are
 * reported in aggregate ({@link RefusalTally}) instead of one log line per try.
 */
export class TokenBackoff {
  private readonly options: TokenBackoffOptions;
  /** Least recently active first: an update re-inserts its entry at the end. */
  private readonly addresses = new Map<string, Attempts>();
  private readonly tally: RefusalTally;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    report: (address: string, failures: number) => void,
    options: Partial<TokenBackoffOptions> = {},
  ) {
    this.options = { ...TOKEN_BACKOFF_DEFAULTS, ...options };
    const { reportEveryMs, maxAddresses: maxKeys, now } = this.options;
    this.tally = new RefusalTally(report, { reportEveryMs, maxKeys, now });
  }

  /** Addresses remembered now. */
  get size(): number {
    return this.addresses.size;
  }

  /** Milliseconds before `address` may try a token again; 0 when it may now. */
  waitMs(address: string): number {
    const attempts = this.addresses.get(address);
    return attempts ? Math.max(0, attempts.blockedUntil - this.options.now()) : 0;
  }

  /** A token from `address` refused while it waits, not looked at: reported, the wait unchanged. */
  refused(address: string): void {
    const attempts = this.addresses.get(address);
    if (attempts) this.count(address, attempts);
  }

  /** A wrong token from `address`: counted, and past the free tries the wait grows. */
  failed(address: string): void {
    const { freeTries, firstWaitMs, maxWaitMs } = this.options;
    const now = this.options.now();
    const attempts = this.addresses.get(address) ?? {
      wrong: 0,
      blockedUntil: 0,
      lastFailureAt: now,
    };
    attempts.wrong += 1;
    attempts.lastFailureAt = now;
    if (attempts.wrong >= freeTries) {
      const doublings = Math.min(attempts.wrong - freeTries, 30);
      attempts.blockedUntil = now + Math.min(maxWaitMs, firstWaitMs * 2 ** doublings);
    }
    this.count(address, attempts);
  }

  /** The right token from `address`: its wrong ones are forgotten (after reporting them). */
  succeeded(address: string): void {
    this.tally.settle(address);
    if (!this.addresses.delete(address)) return;
    if (this.addresses.size === 0) this.stopSweeping();
  }

  /** Reports what is still unreported and stops the sweepers. */
  close(): void {
    this.tally.close();
    this.addresses.clear();
    this.stopSweeping();
  }

  /** Forgets idle addresses whose wait is over (and reports counts due); runs on a timer while any are kept. */
  sweep(): void {
    const now = this.options.now();
    this.tally.sweep();
    for (const [address, attempts] of this.addresses) {
      const idle = now - attempts.lastFailureAt >= this.options.forgetAfterMs;
      if (idle && now >= attempts.blockedUntil) this.addresses.delete(address);
    }
    if (this.addresses.size === 0) this.stopSweeping();
  }

  private count(address: string, attempts: Attempts): void {
    this.tally.add(address);
    this.addresses.delete(address);
    this.addresses.set(address, attempts);
    if (this.addresses.size > this.options.maxAddresses) {
      this.addresses.delete(this.addresses.keys().next().value as string);
    }
    this.sweeper ??= setInterval(() => this.sweep(), this.options.reportEveryMs / 4).unref();
  }

  private stopSweeping(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
