import { EVENTS, type NamesEveryEvent } from './events';

describe('EVENTS', () => {
  it('names each event once', () => {
    const names = Object.values(EVENTS);
    expect(new Set(names).size).toBe(names.length);
  });

  it('fails typecheck when an event of either map has no name', () => {
    const { welcome, messageDelete, ...rest } = EVENTS;
    const withoutWelcome = { ...rest, messageDelete };
    const withoutDelete = { ...rest, welcome };
    // @ts-expect-error `welcome` (server → client) is left out
    const noWelcome = withoutWelcome satisfies NamesEveryEvent<typeof withoutWelcome>;
    // @ts-expect-error `message:delete` (client → server) is left out
    const noDelete = withoutDelete satisfies NamesEveryEvent<typeof withoutDelete>;
    expect([noWelcome, noDelete]).toHaveLength(2);
  });

  it('fails typecheck when a name is in neither map', () => {
    const withShout = { ...EVENTS, shout: 'shout' } as const;
    // @ts-expect-error `shout` is no event
    const checked = withShout satisfies NamesEveryEvent<typeof withShout>;
    expect(checked.shout).toBe('shout');
  });
});
