import { LIMITS, type PeopleChange, type PeopleSnapshot, type Person } from '@live/shared-events';

/** One person's connections on this instance. */
interface Here {
  person: Person;
  /** Open connections (tabs); with the moderator token, how many of them. */
  connections: number;
  moderatorConnections: number;
}

/** What another instance last said it has, and when. */
interface Elsewhere {
  people: Person[];
  /** Its open connections (`online`'s share of it). */
  connections: number;
  heardAt: number;
}

/**
 * Who is here, by person rather than by connection: three tabs are one person. Knows this
 * instance's people, and with other instances what each last shared ({@link observe}); an
 * instance not heard from for `staleAfterMs` drops out. Changes are taken as diffs against what
 * was last announced ({@link takeChange}), so however many joins and leaves happen between two
 * announcements, each client gets one `people` event with the net result. Knows nothing of sockets.
 */
export class PeopleService {
  private readonly here = new Map<string, Here>();
  private connectionsHere = 0;
  private readonly elsewhere = new Map<string, Elsewhere>();
  private connectionsElsewhere = 0;
  /**
   * Everyone the other instances have, once each (a moderator if any says so): rebuilt when one
   * reports (every few seconds), so a welcome after each join need not merge everyone again.
   */
  private others = new Map<string, Person>();
  /** How many of this instance's people no other instance has. */
  private onlyHere = 0;
  /** The listed people and the total as of the last `takeChange`. */
  private announced = new Map<string, Person>();
  private announcedTotal = 0;
  /**
   * The welcome's snapshot, built once per change rather than per connection: a thousand people
   * arriving together would otherwise cost a thousand copies of up to a hundred people each.
   */
  private cachedSnapshot: PeopleSnapshot | undefined;
  private stale = true;
  /**
   * The snapshot's list is still right: only people past the listed hundred came or went. Most
   * of a big room's arrivals are those; they change the total alone, and rebuilding a hundred
   * for each would cost every connection that copy.
   */
  private listKept = false;
  private readonly listeners = new Set<(local: boolean) => void>();

  constructor(private readonly staleAfterMs = 15_000) {}

  /** A connection of `person` opened here. */
  join(person: Person): void {
    this.connectionsHere += 1;
    const here = this.here.get(person.id);
    if (here) {
      here.connections += 1;
      if (person.moderator) here.moderatorConnections += 1;
      here.person = { ...person, moderator: here.moderatorConnections > 0 };
      this.changed();
      return;
    }
    const elsewhere = this.others.has(person.id);
    if (!elsewhere) this.onlyHere += 1;
    this.here.set(person.id, {
      person: { ...person, moderator: person.moderator === true },
      connections: 1,
      moderatorConnections: person.moderator ? 1 : 0,
    });
    // Listed are the others' people, then this instance's in order of arrival: a newcomer after
    // a full list stays off it.
    this.changed(true, !elsewhere && this.listFull());
  }

  /** A connection of this person closed here; true when it was their last one here. */
  leave(id: string, moderator: boolean): boolean {
    const here = this.here.get(id);
    if (!here) return false;
    this.connectionsHere -= 1;
    here.connections -= 1;
    if (moderator) here.moderatorConnections -= 1;
    if (here.connections > 0) {
      here.person = { ...here.person, moderator: here.moderatorConnections > 0 };
      this.changed();
      return false;
    }
    this.here.delete(id);
    const elsewhere = this.others.has(id);
    if (!elsewhere) this.onlyHere -= 1;
    this.changed(true, !elsewhere && this.listFull() && !this.isListed(here.person));
    return true;
  }

  /** The person took another name (on every connection they have here). */
  rename(id: string, name: string): void {
    const here = this.here.get(id);
    if (!here) return;
    here.person = { ...here.person, name };
    this.changed();
  }

  /** The name this instance knows the person by now, if they are here. */
  nameOf(id: string): string | undefined {
    return this.here.get(id)?.person.name;
  }

  /** This instance's people, for the other instances. */
  local(): Person[] {
    return [...this.here.values()].map((here) => here.person);
  }

  /** Open connections on every instance (`online`): those here, and those others last said. */
  get online(): number {
    return this.connectionsHere + this.connectionsElsewhere;
  }

  /** Open connections on this instance alone (what a broadcast from here costs). */
  get localConnections(): number {
    return this.connectionsHere;
  }

  /**
   * What another instance has now, with its open connections (an empty list when it goes);
   * `connections` defaults to one per person, for instances that do not say.
   */
  observe(instance: string, people: Person[], connections = people.length, now = Date.now()): void {
    if (people.length === 0) this.elsewhere.delete(instance);
    else this.elsewhere.set(instance, { people, connections, heardAt: now });
    this.othersChanged();
  }

  /** Drops instances not heard from for `staleAfterMs` (they died without saying so). */
  forgetStale(now = Date.now()): void {
    let dropped = false;
    for (const [instance, { heardAt }] of this.elsewhere) {
      if (now - heardAt > this.staleAfterMs) dropped = this.elsewhere.delete(instance);
    }
    if (dropped) this.othersChanged();
  }

  /** The person, on any instance (a moderator if either instance says so). */
  find(id: string): Person | undefined {
    const here = this.here.get(id)?.person;
    const there = this.others.get(id);
    if (here && there?.moderator && !here.moderator) return { ...here, moderator: true };
    return here ?? there;
  }

  /** For a welcome: up to `LIMITS.welcomePeople` people, and how many there are. */
  snapshot(): PeopleSnapshot {
    if (this.cachedSnapshot && !this.stale) return this.cachedSnapshot;
    this.stale = false;
    const total = this.others.size + this.onlyHere;
    if (this.cachedSnapshot && this.listKept) {
      this.cachedSnapshot = { people: this.cachedSnapshot.people, total };
      return this.cachedSnapshot;
    }
    this.listKept = true;
    const people: Person[] = [];
    for (const id of this.others.keys()) {
      if (people.length === LIMITS.welcomePeople) break;
      people.push(this.find(id) as Person);
    }
    for (const [id, { person }] of this.here) {
      if (people.length === LIMITS.welcomePeople) break;
      if (!this.others.has(id)) people.push(person);
    }
    // Past the hundredth arrival only the total changes: the same list lets welcomes share its bytes.
    const listed = this.cachedSnapshot?.people;
    this.cachedSnapshot = { people: listed && samePeople(listed, people) ? listed : people, total };
    return this.cachedSnapshot;
  }

  /**
   * What changed in the listed people (the first `LIMITS.welcomePeople`, as in a welcome) since
   * the last call, with the total; undefined when nothing did. Only the listed are named: a client
   * shows at most that many, and naming everyone who comes to a room of thousands would cost
   * every client every name (N² bytes) where the total is all it needs.
   */
  takeChange(): PeopleChange | undefined {
    const { people, total } = this.snapshot();
    const now = new Map(people.map((person) => [person.id, person]));
    const change: PeopleChange = { joined: [], left: [], renamed: [], total };
    for (const [id, person] of now) {
      const before = this.announced.get(id);
      if (!before) change.joined.push(person);
      else if (before.name !== person.name) change.renamed.push({ ...person, from: before.name });
      else if (before.moderator !== person.moderator) change.joined.push(person);
    }
    for (const id of this.announced.keys()) if (!now.has(id)) change.left.push(id);
    const same =
      !change.joined.length &&
      !change.left.length &&
      !change.renamed.length &&
      total === this.announcedTotal;
    this.announced = now;
    this.announcedTotal = total;
    return same ? undefined : change;
  }

  /**
   * Calls `listener` whenever the people change, told whether the change was here (so other
   * instances need to hear of it) or elsewhere. Returns the function that stops it.
   */
  onChange(listener: (local: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private othersChanged(): void {
    this.others = new Map();
    for (const { people } of this.elsewhere.values()) {
      for (const person of people) {
        const seen = this.others.get(person.id);
        this.others.set(person.id, seen?.moderator ? { ...person, moderator: true } : person);
      }
    }
    this.connectionsElsewhere = 0;
    for (const { connections } of this.elsewhere.values()) this.connectionsElsewhere += connections;
    this.onlyHere = 0;
    for (const id of this.here.keys()) if (!this.others.has(id)) this.onlyHere += 1;
    this.changed(false);
  }

  /** The snapshot, as last built, lists as many as a welcome can. */
  private listFull(): boolean {
    return this.listKept && this.cachedSnapshot?.people.length === LIMITS.welcomePeople;
  }

  private isListed(person: Person): boolean {
    return this.cachedSnapshot?.people.includes(person) === true;
  }

  /** @param listKept only people past a full list came or went: the listed stay the same. */
  private changed(local = true, listKept = false): void {
    this.stale = true;
    if (!listKept) this.listKept = false;
    for (const listener of this.listeners) listener(local);
  }
}

/** The same people (the same objects) in the same order. */
function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return a.length === b.length && a.every((person, i) => person === b[i]);
}
