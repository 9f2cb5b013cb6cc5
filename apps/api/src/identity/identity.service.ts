import {
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ERROR_CODES, LIMITS } from '@live/shared-events';
import { randomInt } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { guestName } from './guest-name';
import { ProtocolError } from '../socket/protocol-error';
import { STORE, type Identity, type Store } from '../store/store';
import { identitySecret } from './identity-secret';
import { isGuestName, isReservedName, nameKey } from './name-key';
import { newIdentityId, SessionTokens } from './session-tokens';

/** Who a handshake turned out to be. */
export interface Admitted {
  identity: Identity;
  /** A fresh session token for the client to keep. */
  session: string;
  /** The name it held before, when this handshake changed it. */
  renamedFrom?: string;
  /**
   * The handshake came with this identity's session token: its client keeps the token, so the
   * name is worth holding for it after it leaves (see {@link IdentityService.left}).
   */
  returning: boolean;
}

/** An identity not stored yet: it gets its name, and is saved, once it holds one. */
const unnamed = (id: string, now: number): Identity => ({
  id,
  name: '',
  createdAt: now,
  lastSeenAt: now,
});

/** How long a suggested name is kept for the person it was suggested to. */
const SUGGESTION_HOLD_MS = 5 * 60_000;
/**
 * How old a returning person's `lastSeenAt` may be before their record is written again: a
 * reconnect storm after a restart need not rewrite every identity (the TTL is days).
 */
const LAST_SEEN_PRECISION_MS = 60 * 60_000;
/** Guest names tried before giving up (each is random among 9000). */
const GUEST_NAME_TRIES = 8;

/**
 * People rather than sockets: issues and recognises identities (a random id and a signed
 * session token), and gives each one a name nobody else can take — not the same name, nor one
 * that looks the same (nameKey) — while they are here and for NAME_HOLD_MS after. Everything it
 * decides is in the store, so every instance of a cluster agrees.
 */
@Injectable()
export class IdentityService implements OnModuleDestroy, OnApplicationShutdown {
  private readonly tokens: SessionTokens;
  private keeper: NodeJS.Timeout | undefined;
  /** Departures still being recorded: the store stays open for them (onApplicationShutdown). */
  private readonly leaving = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STORE) private readonly store: Store,
  ) {
    this.tokens = new SessionTokens(
      identitySecret(config.identitySecret, config.dataDir),
      config.identityTtlMs,
    );
  }

  /**
   * The identity a handshake's session token names (a new one when it has none, or one that is
   * forged, expired or forgotten), under `requested` or else the name it had, or a guest name.
   * Rejects with NAME_TAKEN (and a suggestion) when `requested` is someone else's, or reserved
   * and the handshake is not a `moderator`'s.
   */
  async admit(
    session: string | undefined,
    requested: string | undefined,
    moderator = false,
  ): Promise<Admitted> {
    const now = Date.now();
    const knownId = this.tokens.verify(session, now);
    const known = knownId ? await this.store.identity(knownId) : undefined;
    // A verified token whose identity was never stored (its first handshake was refused) keeps its id.
    const identity: Identity = known ? { ...known } : unnamed(knownId ?? newIdentityId(), now);
    let name: string;
    if (requested) {
      await this.claim(identity, requested, now, moderator).catch((error: unknown) => {
        // The suggestion is held for this identity: the client needs its token to take it.
        throw Object.assign(error as Error, { session: this.tokens.issue(identity.id, now) });
      });
      name = requested;
    } else if (identity.name && (await this.holds(identity.id, identity.name, now))) {
      name = identity.name;
    } else {
      name = await this.guestNameFor(identity.id, now);
    }
    const renamedFrom = identity.name && identity.name !== name ? identity.name : undefined;
    await this.takeName(identity, name, now);
    return {
      identity,
      session: this.tokens.issue(identity.id, now),
      renamedFrom,
      returning: known !== undefined,
    };
  }

  /** Gives the identity `name` instead of the one it has; NAME_TAKEN when it is someone else's. */
  async rename(identityId: string, name: string, moderator = false): Promise<Admitted> {
    const now = Date.now();
    const identity = (await this.store.identity(identityId)) ?? unnamed(identityId, now);
    await this.claim(identity, name, now, moderator);
    const renamedFrom = identity.name !== name ? identity.name : undefined;
    await this.takeName(identity, name, now);
    return {
      identity,
      session: this.tokens.issue(identity.id, now),
      renamedFrom,
      returning: true,
    };
  }

  /**
   * Someone's last connection closed. A person whose client has come back with its session
   * token keeps the name for NAME_HOLD_MS from now. One that never has (a first visit, or a
   * client that does not keep tokens, like the protocol's first clients) could not reclaim it
   * as the same person anyway, so the name is free again at once: holding it would only lock
   * its own owner out of it when they reconnect without the token.
   */
  left(identityId: string, name: string, returning: boolean): Promise<void> {
    const recorded = returning
      ? this.seen(identityId, name)
      : this.store.releaseName(nameKey(name), identityId);
    const settled = recorded.catch(() => undefined).finally(() => this.leaving.delete(settled));
    this.leaving.add(settled);
    return recorded;
  }

  /**
   * Someone left, or is still here: their name is held for NAME_HOLD_MS from now, and they
   * count as seen (so neither is forgotten while they come back).
   */
  async seen(identityId: string, name: string): Promise<void> {
    const now = Date.now();
    await this.store.claimName(nameKey(name), identityId, now + this.config.nameHoldMs);
    const identity = await this.store.identity(identityId);
    if (identity) {
      await this.store.saveIdentity({ ...identity, lastSeenAt: now }, this.config.identityTtlMs);
    }
  }

  /**
   * Renews the holds of everyone `present` lists, often enough that no name lapses while its
   * person is here (a quarter of the hold, at most hourly).
   */
  keepNamesOf(present: () => { id: string; name: string }[]): void {
    const everyMs = Math.max(1000, Math.min(60 * 60_000, this.config.nameHoldMs / 4));
    this.keeper = setInterval(() => {
      for (const person of present()) void this.seen(person.id, person.name).catch(() => undefined);
    }, everyMs);
    this.keeper.unref();
  }

  /** The identity's stored record, if it has one. */
  find(identityId: string): Promise<Identity | undefined> {
    return this.store.identity(identityId);
  }

  /** Until when a moderator muted the person (epoch ms), or 0. */
  mutedUntil(identityId: string): Promise<number> {
    return this.store.mutedUntil(identityId);
  }

  /** Mutes the person until `until` (epoch ms; 0 unmutes), for every instance. */
  mute(identityId: string, until: number): Promise<void> {
    return this.store.mute(identityId, until);
  }

  onModuleDestroy(): void {
    clearInterval(this.keeper);
  }

  /**
   * Everyone leaves as the servers close, a store operation or three each: those finish before
   * the store closes (Nest shuts this module down before the StoreModule it imports).
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.leaving);
  }

  private async takeName(identity: Identity, name: string, now: number): Promise<void> {
    if (identity.name === name && now - identity.lastSeenAt < LAST_SEEN_PRECISION_MS) return;
    if (identity.name && nameKey(identity.name) !== nameKey(name)) {
      await this.store.releaseName(nameKey(identity.name), identity.id);
    }
    identity.name = name;
    identity.lastSeenAt = now;
    await this.store.saveIdentity(identity, this.config.identityTtlMs);
  }

  /**
   * Claims `name` for the identity, or rejects with NAME_TAKEN and a free name to suggest.
   * Reserved names are a moderator's to take (they do speak for the server), guest-shaped ones
   * only the guest's the server gave them to.
   */
  private async claim(
    identity: Identity,
    name: string,
    now: number,
    moderator: boolean,
  ): Promise<void> {
    const own = identity.name !== '' && nameKey(identity.name) === nameKey(name);
    if ((isReservedName(name) && !moderator) || (isGuestName(name) && !own)) {
      throw await this.taken(identity.id, name, now, `The name “${name}” is reserved`);
    }
    if (!(await this.holds(identity.id, name, now))) {
      throw await this.taken(identity.id, name, now, `The name “${name}” is taken`);
    }
  }

  private async holds(identityId: string, name: string, now: number): Promise<boolean> {
    const claim = await this.store.claimName(
      nameKey(name),
      identityId,
      now + this.config.nameHoldMs,
    );
    return claim.held;
  }

  private async taken(
    identityId: string,
    name: string,
    now: number,
    why: string,
  ): Promise<ProtocolError> {
    const suggestion = await this.suggest(identityId, name, now);
    return new ProtocolError(
      ERROR_CODES.NAME_TAKEN,
      suggestion ? `${why}: try “${suggestion}”` : `${why}: try another`,
      undefined,
      suggestion,
    );
  }

  /** A name like `name` that is free, held for this identity a few minutes so it stays free. */
  private async suggest(
    identityId: string,
    name: string,
    now: number,
  ): Promise<string | undefined> {
    const base = isReservedName(name) || isGuestName(name) ? 'Friend' : name;
    for (let i = 0; i < 3; i++) {
      const suffix = ` ${randomInt(2, 100)}`;
      const candidate = base.slice(0, LIMITS.nameMaxLength - suffix.length).trimEnd() + suffix;
      if (isReservedName(candidate) || isGuestName(candidate)) continue;
      const claim = await this.store.claimName(
        nameKey(candidate),
        identityId,
        now + SUGGESTION_HOLD_MS,
      );
      if (claim.held) return candidate;
    }
    return undefined;
  }

  private async guestNameFor(identityId: string, now: number): Promise<string> {
    for (let i = 0; i < GUEST_NAME_TRIES; i++) {
      const name = guestName();
      if (await this.holds(identityId, name, now)) return name;
    }
    throw new ProtocolError(ERROR_CODES.UNAVAILABLE, 'No guest name is free; choose a name');
  }
}
