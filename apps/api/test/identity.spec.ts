import { LIMITS, type PeopleChange, type Welcome } from '@live/shared-events';
import {
  captureLogs,
  client,
  connected,
  eventually,
  next,
  record,
  startApp,
  useServers,
  type Client,
} from './harness';

const start = useServers();
const ADMIN_TOKEN = 'moderator-token-0123456789-abcdefghij';

type Refusal = Error & { data?: { code: string; suggestion?: string; session?: string } };

/** Connects as the person `session` names (or a new one) and resolves with the welcome. */
const as = (url: string, auth: Record<string, string> = {}) => connected(url, { auth });

async function refusedAs(url: string, auth: Record<string, string>): Promise<Refusal> {
  return next<Refusal>(client(url, { auth }), 'connect_error');
}

/** The welcome, or undefined when the handshake is refused. */
function welcomedAs(url: string, auth: Record<string, string>): Promise<Welcome | undefined> {
  const socket = client(url, { auth });
  return new Promise((resolve) => {
    socket.once('welcome', resolve);
    socket.once('connect_error', () => resolve(undefined));
  });
}

describe('identities', () => {
  it('gives a handshake without a session a new identity and a token that brings it back', async () => {
    const server = await start();
    const first = await as(server.url, { name: 'Ada' });
    expect(first.welcome.you.userId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.welcome.session).toEqual(expect.any(String));
    first.socket.close();

    // Without a name: the identity keeps the one it had.
    const again = await as(server.url, { session: first.welcome.session ?? '' });
    expect(again.welcome.you).toMatchObject({ userId: first.welcome.you.userId, name: 'Ada' });
    expect(again.welcome.you.id).not.toBe(first.welcome.you.id);
  });

  it('gives a tampered or foreign token a new identity, not an error', async () => {
    const server = await start();
    const { welcome } = await as(server.url, { name: 'Ada' });
    const session = welcome.session ?? '';
    const forged = session.replace(/^[^.]+/, 'AAAAAAAAAAAAAAAAAAAAAA');
    for (const bad of [forged, `${session}x`, 'not-a-token', '']) {
      const other = await as(server.url, { session: bad });
      expect(other.welcome.you.userId).not.toBe(welcome.you.userId);
      expect(other.welcome.you.name).toMatch(/^Guest \d{4}$/);
    }
  });

  it('keeps identities, names and their holds across a restart', async () => {
    const first = await start();
    const firstVisit = await as(first.url, { name: 'Ada' });
    firstVisit.socket.close();
    const ada = await as(first.url, { session: firstVisit.welcome.session ?? '' });
    ada.socket.close();
    await first.close();
    const second = await start({ DATA_DIR: first.dataDir });
    const back = await as(second.url, { session: ada.welcome.session ?? '' });
    expect(back.welcome.you).toMatchObject({ userId: ada.welcome.you.userId, name: 'Ada' });
    const refused = await refusedAs(second.url, { name: 'ada' });
    expect(refused.data?.code).toBe('NAME_TAKEN');
  });

  it('records when everyone left as the server shuts down, before the store closes', async () => {
    const logs = captureLogs('warn');
    const server = await startApp({}, logs.logger);
    const people = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const firstVisit = await as(server.url, { name: `Person ${n}` });
        firstVisit.socket.close();
        // Polling closes with the server at once: the departures race the store's closing.
        return connected(server.url, {
          auth: { session: firstVisit.welcome.session ?? '' },
          transports: ['polling'],
        });
      }),
    );
    await server.close();
    // The restart takes the data directory over, and removes it after the test.
    const restarted = await start({ DATA_DIR: server.dataDir });
    expect(logs.lines().map((line) => line['msg'])).toEqual([]);
    // Their names are still held for them: the hold was renewed when they left.
    for (const { welcome } of people) {
      const refused = await refusedAs(restarted.url, { name: welcome.you.name.toUpperCase() });
      expect(refused.data?.code).toBe('NAME_TAKEN');
    }
  });

  it('lets the same person in with several tabs under one name', async () => {
    const server = await start();
    const one = await as(server.url, { name: 'Ada' });
    const two = await as(server.url, { name: 'Ada', session: one.welcome.session ?? '' });
    expect(two.welcome.you.userId).toBe(one.welcome.you.userId);
    expect(two.welcome.people).toEqual({
      people: [{ id: one.welcome.you.userId, name: 'Ada', moderator: false }],
      total: 1,
    });
  });
});

describe('names nobody can take', () => {
  it.each([
    ['the same name', 'Alice'],
    ['other case', 'ALICE'],
    ['a Cyrillic letter', '\u0410lice'],
    ['an invisible character', 'Al\u200Bice'],
    ['a capital I for the l', 'AIice'],
    ['decomposed accents', 'Alice\u0301'],
  ])('refuses %s while Alice holds it, with a free suggestion', async (_, disguise) => {
    const server = await start();
    await as(server.url, { name: 'Alice' });
    const refused = await refusedAs(server.url, { name: disguise });
    expect(refused.message).toMatch(/^The name “.+” is taken: try “.+”$/);
    expect(refused.data).toEqual({
      code: 'NAME_TAKEN',
      suggestion: expect.any(String),
      session: expect.any(String),
    });
    // The suggestion is kept a while for whoever was offered it: the refusal's session is theirs.
    const { suggestion = '', session = '' } = refused.data ?? {};
    expect((await refusedAs(server.url, { name: suggestion })).data?.code).toBe('NAME_TAKEN');
    const suggested = await as(server.url, { name: suggestion, session });
    expect(suggested.welcome.you.name).toBe(suggestion);
  });

  it('holds a name after its person leaves, and frees it once the hold is over', async () => {
    const server = await start({ NAME_HOLD_MS: '1500' });
    const firstVisit = await as(server.url, { name: 'Alice' });
    const alice = await as(server.url, { session: firstVisit.welcome.session ?? '' });
    firstVisit.socket.close();
    alice.socket.close();
    expect((await refusedAs(server.url, { name: 'alice' })).data?.code).toBe('NAME_TAKEN');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await as(server.url, { name: 'alice' })).welcome.you.name).toBe('alice');
  });

  it.each(['Moderator', 'M\u043Eder\u0430tor', 'admin', 'System', 'Guest 1234'])(
    'refuses the reserved name %j to everyone',
    async (name) => {
      const server = await start();
      expect((await refusedAs(server.url, { name })).data?.code).toBe('NAME_TAKEN');
    },
  );

  it('renames a connected person with user:rename, keeping their identity, and tells everyone once', async () => {
    const server = await start();
    const ada = await as(server.url, { name: 'Ada' });
    const bo = await as(server.url, { name: 'Bo' });
    const changes = record<PeopleChange>(bo.socket, 'people');
    expect(await ada.socket.emitWithAck('user:rename', { name: 'Ada L.' })).toEqual({
      ok: true,
      name: 'Ada L.',
    });
    await eventually(() =>
      expect(changes.flatMap((c) => c.renamed)).toEqual([
        { id: ada.welcome.you.userId, name: 'Ada L.', moderator: false, from: 'Ada' },
      ]),
    );
    const { message } = (await ada.socket.emitWithAck('message', { text: 'hi' })) as {
      message: { author: string; authorId: string };
    };
    expect(message).toMatchObject({ author: 'Ada L.', authorId: ada.welcome.you.userId });
    // The old name is free, the new one is Ada's.
    expect((await as(server.url, { name: 'Ada' })).welcome.you.name).toBe('Ada');
    const taken = await bo.socket.emitWithAck('user:rename', { name: 'ada l.' });
    expect(taken).toMatchObject({
      ok: false,
      error: { code: 'NAME_TAKEN', suggestion: expect.any(String) },
    });
  });

  it('frees the name of a client that never came back with its token as soon as it leaves', async () => {
    const server = await start();
    // A client of the protocol's first version: a name, no session kept, reconnecting.
    const before = await as(server.url, { name: 'Tut' });
    before.socket.close();
    await eventually(async () =>
      expect((await welcomedAs(server.url, { name: 'Tut' }))?.you.name).toBe('Tut'),
    );
  });
});

describe('who is here', () => {
  it('lists people in the welcome and tells everyone who joins, leaves or renames, by person', async () => {
    const server = await start();
    const ada = await as(server.url, { name: 'Ada' });
    const changes = record<PeopleChange>(ada.socket, 'people');
    const bo = await as(server.url, { name: 'Bo' });
    expect(bo.welcome.people?.total).toBe(2);
    // A second tab of Bo's is not a new person.
    const boAgain = await as(server.url, { session: bo.welcome.session ?? '' });
    await eventually(() =>
      expect(changes.flatMap((c) => c.joined).map((p) => p.name)).toEqual(['Bo']),
    );
    boAgain.socket.close();
    bo.socket.close();
    await eventually(() => expect(changes.flatMap((c) => c.left)).toEqual([bo.welcome.you.userId]));
    expect(changes.at(-1)?.total).toBe(1);
  });

  it('welcomes every transport with the first hundred people and the total, however many arrive', async () => {
    const server = await start();
    const arrive = (from: number, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          as(server.url, { name: `Person ${from + i} ${(from + i) % 2 ? 'Zoë' : 'مريم'}` }),
        ),
      );
    // The first hundred all joined before the twenty more: arrivals at once join in any order.
    const first = await arrive(0, LIMITS.welcomePeople);
    const arrivals = [...first, ...(await arrive(LIMITS.welcomePeople, 20))];
    const listed = first.map(({ welcome }) => welcome.you.userId);
    for (const [i, transports] of [['websocket'], ['polling']].entries()) {
      const { welcome } = await connected(server.url, { transports });
      expect(welcome.people?.total).toBe(arrivals.length + 1 + i);
      const people = welcome.people?.people ?? [];
      expect(people).toHaveLength(LIMITS.welcomePeople);
      expect(new Set(people.map((person) => person.id))).toEqual(new Set(listed));
      expect(people.find((person) => person.id === listed[1])?.name).toBe(
        arrivals[1]?.welcome.you.name,
      );
      expect(welcome.you.name).toMatch(/^Guest \d{4}$/);
    }
  });
});

describe('your own messages', () => {
  async function twoPeople(env: Record<string, string> = {}) {
    const server = await start({ ADMIN_TOKEN, ...env });
    const ada = await as(server.url, { name: 'Ada' });
    const bo = await as(server.url, { name: 'Bo' });
    const { message } = (await ada.socket.emitWithAck('message', { text: 'typo', id: 'm-1' })) as {
      message: { id: string };
    };
    return { server, ada, bo, id: message.id };
  }

  it('lets the author edit, tells everyone, and history shows the new text', async () => {
    const { ada, bo, id, server } = await twoPeople();
    const edits = record(bo.socket, 'message:edited');
    const edited = await ada.socket.emitWithAck('message:edit', { id, text: 'fixed' });
    expect(edited).toMatchObject({
      ok: true,
      message: { id, text: 'fixed', editedAt: expect.any(String) },
    });
    await eventually(() => expect(edits).toHaveLength(1));
    const later = await as(server.url);
    expect(later.welcome.messages.find((m) => m.id === id)).toMatchObject({ text: 'fixed' });
  });

  it('refuses edits and deletes by anyone else, lets a moderator do both', async () => {
    const { bo, id, server } = await twoPeople();
    expect(await bo.socket.emitWithAck('message:edit', { id, text: 'mine' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await bo.socket.emitWithAck('message:delete', { id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const mod = await as(server.url, { token: ADMIN_TOKEN });
    expect(await mod.socket.emitWithAck('message:edit', { id, text: 'tidied' })).toMatchObject({
      ok: true,
    });
    expect(await mod.socket.emitWithAck('message:delete', { id })).toEqual({
      ok: true,
      id,
      deleted: true,
    });
  });

  it('lets the author delete within the window only', async () => {
    const { ada, bo, id } = await twoPeople({ EDIT_WINDOW_MS: '800' });
    const { message } = (await ada.socket.emitWithAck('message', { text: 'second' })) as {
      message: { id: string };
    };
    const deletions = record(bo.socket, 'message:deleted');
    expect(await ada.socket.emitWithAck('message:delete', { id })).toEqual({
      ok: true,
      id,
      deleted: true,
    });
    await eventually(() => expect(deletions).toEqual([{ id }]));
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await ada.socket.emitWithAck('message:delete', { id: message.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it("keeps ids their author's: another person reusing one neither gets nor replaces the message", async () => {
    const { bo, id, server } = await twoPeople();
    expect(await bo.socket.emitWithAck('message', { text: 'hijack', id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const later = await as(server.url);
    expect(later.welcome.messages.filter((m) => m.id === id)).toMatchObject([{ text: 'typo' }]);
  });
});

describe('mutes', () => {
  it("refuses a muted person's messages until it ends, tells everyone, and survives their reconnect", async () => {
    const server = await start({ ADMIN_TOKEN });
    const ada = await as(server.url, { name: 'Ada' });
    const mod = await as(server.url, { token: ADMIN_TOKEN });
    const notices = record(ada.socket, 'user:muted');
    const muted = await mod.socket.emitWithAck('user:mute', {
      userId: ada.welcome.you.userId ?? '',
      minutes: 5,
    });
    expect(muted).toMatchObject({ ok: true, until: expect.any(String) });
    await eventually(() => expect(notices).toHaveLength(1));
    expect(await ada.socket.emitWithAck('message', { text: 'hello?' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', retryAfterMs: expect.any(Number) },
    });
    ada.socket.close();
    const back = await as(server.url, { session: ada.welcome.session ?? '' });
    expect(back.welcome.mutedUntil).toEqual(expect.any(String));

    await mod.socket.emitWithAck('user:unmute', { userId: ada.welcome.you.userId ?? '' });
    expect(await back.socket.emitWithAck('message', { text: 'back' })).toMatchObject({ ok: true });
  });

  it('is for moderators only', async () => {
    const server = await start({ ADMIN_TOKEN });
    const ada = await as(server.url, { name: 'Ada' });
    const bo: { socket: Client; welcome: Welcome } = await as(server.url, { name: 'Bo' });
    expect(
      await bo.socket.emitWithAck('user:mute', {
        userId: ada.welcome.you.userId ?? '',
        minutes: 5,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
