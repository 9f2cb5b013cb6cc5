import type { PeopleChange, PeopleSnapshot, Person } from '@live/shared-events';

/** The people listed (at most the welcome's 100, plus who joined since) and how many in all. */
export interface People {
  people: Person[];
  /** Null until a server that lists people said how many there are. */
  total: number | null;
}

export type PeopleAction =
  | { type: 'welcome'; snapshot: PeopleSnapshot | undefined }
  | { type: 'changed'; change: PeopleChange };

export const noPeople: People = { people: [], total: null };

/** Applies who left, then who joined (each once, in place if listed), then the new names. */
function changed(listed: Person[], { joined, left, renamed }: PeopleChange): Person[] {
  const leaving = new Set(left);
  const arriving = new Map(joined.map((person) => [person.id, person]));
  const newNames = new Map(renamed.map((person) => [person.id, person.name]));
  const stayed = listed
    .filter((person) => arriving.has(person.id) || !leaving.has(person.id))
    .map((person) => arriving.get(person.id) ?? person);
  const listedIds = new Set(stayed.map((person) => person.id));
  return [...stayed, ...joined.filter((person) => !listedIds.has(person.id))].map((person) => {
    const name = newNames.get(person.id);
    return name === undefined ? person : { ...person, name };
  });
}

export function peopleReducer(state: People, action: PeopleAction): People {
  switch (action.type) {
    case 'welcome':
      return action.snapshot
        ? { people: action.snapshot.people, total: action.snapshot.total }
        : noPeople;
    case 'changed':
      return { people: changed(state.people, action.change), total: action.change.total };
  }
}
