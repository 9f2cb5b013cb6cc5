import { jest } from '@jest/globals';
import { LIMITS } from '@live/shared-events';
import { PeopleService } from './people.service';

describe('PeopleService', () => {
  const ada = { id: 'ada', name: 'Ada', moderator: false };
  const bo = { id: 'bo', name: 'Bo', moderator: false };

  it('counts a person with three tabs once, and lets them go with the last', () => {
    const people = new PeopleService();
    for (let i = 0; i < 3; i++) people.join(ada);
    people.join(bo);
    expect(people.snapshot()).toEqual({ people: [ada, bo], total: 2 });
    expect(people.leave('ada', false)).toBe(false);
    expect(people.leave('ada', false)).toBe(false);
    expect(people.snapshot().total).toBe(2);
    expect(people.leave('ada', false)).toBe(true);
    expect(people.snapshot()).toEqual({ people: [bo], total: 1 });
  });

  it('keeps the same list past the listed number of people, so welcomes can share it', () => {
    const people = new PeopleService();
    for (let i = 0; i < LIMITS.welcomePeople; i++) people.join({ id: `p${i}`, name: `P${i}` });
    const full = people.snapshot();
    people.join(ada);
    expect(people.snapshot()).toEqual({ people: full.people, total: LIMITS.welcomePeople + 1 });
    expect(people.snapshot().people).toBe(full.people);
    people.rename('p0', 'P zero');
    expect(people.snapshot().people).not.toBe(full.people);
    expect(people.snapshot().people[0]).toMatchObject({ id: 'p0', name: 'P zero' });
  });

  it('past a full list, moves only the total for those off it, and fills a listed one’s place', () => {
    const people = new PeopleService();
    const count = LIMITS.welcomePeople + 2;
    for (let i = 0; i < count; i++) people.join({ id: `p${i}`, name: `P${i}` });
    const full = people.snapshot();
    expect(full.people.map((person) => person.id)).not.toContain(`p${count - 1}`);
    expect(people.leave(`p${count - 1}`, false)).toBe(true);
    expect(people.snapshot()).toEqual({ people: full.people, total: count - 1 });
    expect(people.leave('p0', false)).toBe(true);
    const after = people.snapshot();
    expect(after.total).toBe(count - 2);
    expect(after.people.map((person) => person.id)).toEqual([
      ...full.people.slice(1).map((person) => person.id),
      `p${LIMITS.welcomePeople}`,
    ]);
    people.join({ id: 'p0', name: 'P0' });
    expect(people.snapshot()).toEqual({ people: after.people, total: count - 1 });
  });

  it('announces the net change since the last announcement, once', () => {
    const people = new PeopleService();
    people.join(ada);
    expect(people.takeChange()).toEqual({ joined: [ada], left: [], renamed: [], total: 1 });
    expect(people.takeChange()).toBeUndefined();
    people.join(bo);
    people.leave('bo', false); // came and went between two ticks: nothing to say
    people.rename('ada', 'Ada L.');
    expect(people.takeChange()).toEqual({
      joined: [],
      left: [],
      renamed: [{ id: 'ada', name: 'Ada L.', moderator: false, from: 'Ada' }],
      total: 1,
    });
    people.leave('ada', false);
    expect(people.takeChange()).toEqual({ joined: [], left: ['ada'], renamed: [], total: 0 });
  });

  it('is a moderator while any of their tabs is one', () => {
    const people = new PeopleService();
    people.join(ada);
    people.join({ ...ada, moderator: true });
    expect(people.snapshot().people).toEqual([{ ...ada, moderator: true }]);
    people.leave('ada', true);
    expect(people.snapshot().people).toEqual([ada]);
  });

  it('names only the listed hundred in its changes, and the total for everyone else', () => {
    const people = new PeopleService();
    for (let i = 0; i < 150; i++) people.join({ id: `p${i}`, name: `P${i}`, moderator: false });
    const first = people.takeChange();
    expect(first?.joined).toHaveLength(100);
    expect(first?.total).toBe(150);
    // Someone beyond the list comes or goes: only the total changes.
    people.leave('p120', false);
    expect(people.takeChange()).toEqual({ joined: [], left: [], renamed: [], total: 149 });
    // Someone listed goes: the next one takes their place in the list.
    people.leave('p3', false);
    expect(people.takeChange()).toEqual({
      joined: [{ id: 'p100', name: 'P100', moderator: false }],
      left: ['p3'],
      renamed: [],
      total: 148,
    });
  });

  it('lists at most 100 in a snapshot, with the total', () => {
    const people = new PeopleService();
    for (let i = 0; i < 150; i++) people.join({ id: `p${i}`, name: `P${i}`, moderator: false });
    const { people: listed, total } = people.snapshot();
    expect(listed).toHaveLength(100);
    expect(total).toBe(150);
  });

  it('adds the people other instances share, once each, and drops an instance gone silent', () => {
    const people = new PeopleService(15_000);
    const heard: boolean[] = [];
    people.onChange((local) => heard.push(local));
    people.join(ada);
    people.observe('other', [ada, bo], 2, 0);
    expect(people.snapshot()).toEqual({ people: [ada, bo], total: 2 });
    expect(people.local()).toEqual([ada]);
    people.forgetStale(15_000);
    expect(people.snapshot().total).toBe(2);
    people.forgetStale(15_001);
    expect(people.snapshot()).toEqual({ people: [ada], total: 1 });
    expect(heard).toEqual([true, false, false]);
  });

  it('counts open connections here and as other instances said, tabs included', () => {
    const people = new PeopleService(15_000);
    people.join(ada);
    people.join(ada);
    people.observe('other', [bo], 3, 0);
    expect(people.online).toBe(5);
    expect(people.localConnections).toBe(2);
    people.leave('ada', false);
    people.forgetStale(15_001);
    expect(people.online).toBe(1);
  });

  it('counts people on two instances once, whichever instance hears of them first', () => {
    const people = new PeopleService();
    const cy = { id: 'cy', name: 'Cy', moderator: true };
    people.join(ada);
    people.join(bo);
    people.observe('other', [{ ...bo, moderator: true }, cy], 2, 0);
    expect(people.snapshot()).toEqual({
      people: [{ ...bo, moderator: true }, cy, ada],
      total: 3,
    });
    people.leave('bo', false);
    expect(people.snapshot().total).toBe(3);
    people.observe('other', [], 0, 0);
    expect(people.snapshot()).toEqual({ people: [ada], total: 1 });
    expect(people.find('ada')).toEqual(ada);
    expect(people.find('cy')).toBeUndefined();
  });

  it('builds a welcome after each join from the listed hundred, not from everyone', () => {
    const people = new PeopleService();
    for (let i = 0; i < 2000; i++) people.join({ id: `p${i}`, name: `P${i}`, moderator: false });
    people.observe('other', [{ id: 'q', name: 'Q', moderator: false }], 1, 0);
    const copies = jest.spyOn(Map.prototype, 'set');
    try {
      people.join({ id: 'late', name: 'Late', moderator: false });
      expect(people.snapshot().total).toBe(2002);
      // A thousand people arriving together would otherwise copy everyone a thousand times.
      expect(copies.mock.calls.length).toBeLessThan(10);
    } finally {
      copies.mockRestore();
    }
  });
});
