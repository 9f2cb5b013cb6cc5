import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatMessage, ClickResult, Presence, Welcome } from '@live/shared-events';
import { client, closeClients, connected, eventually, next, record, untyped } from '../harness';
import { startCluster, type Cluster } from './support/cluster';

const MODERATOR_TOKEN = 'cluster-moderator-token-0123456789';

/** Rooms over two instances on one Redis: each room one conversation, none leaking into another. */
describe('rooms across instances', () => {
  let cluster: Cluster;
  const url = (i: number) => cluster.instances[i].url;
  const inRoom = (i: number, room?: string, auth: Record<string, string> = {}) =>
    connected(url(i), { auth: room === undefined ? auth : { ...auth, room } });

  beforeAll(async () => {
    cluster = await startCluster(2, { ADMIN_TOKEN: MODERATOR_TOKEN });
  });

  afterEach(() => closeClients());

  afterAll(() => cluster.close());

  it("carries a room's clicks, messages, people and online to the room on the other instance, and nowhere else", async () => {
    const ada = await inRoom(0, 'maths', { name: 'Ada' });
    // Bo's presence is heard from the handshake on: Ada's connection may be counted just after the welcome.
    const boSocket = client(url(1), { auth: { name: 'Bo', room: 'maths' } });
    const boPresence = record<Presence>(boSocket, 'presence');
    const bo = { socket: boSocket, welcome: await next<Welcome>(boSocket, 'welcome') };
    const cy = await inRoom(1, 'physics', { name: 'Cy' });
    const lobby = await inRoom(0);
    const boClicks = record<number>(bo.socket, 'click');
    const boMessages = record<ChatMessage>(bo.socket, 'message');
    const elsewhere = [cy, lobby].map(({ socket }) => ({
      clicks: record<number>(socket, 'click'),
      messages: record<ChatMessage>(socket, 'message'),
    }));
    const clicks: ClickResult[] = [];
    for (let i = 0; i < 5; i++) clicks.push(await ada.socket.emitWithAck('click', {}));
    expect(clicks.at(-1)).toEqual({ ok: true, count: 5 });
    await ada.socket.emitWithAck('message', { text: 'maths only' });
    await eventually(() => boClicks.at(-1) === 5 && boMessages.length === 1);
    await eventually(() => (boPresence.at(-1)?.online ?? bo.welcome.online) === 2);
    const late = await inRoom(1, 'maths', { name: 'Di' });
    expect(late.welcome).toMatchObject({ room: 'maths', count: 5 });
    await eventually(async () => {
      const { welcome, socket } = await inRoom(1, 'maths');
      socket.close();
      return welcome.people?.people.some((person) => person.name === 'Ada') === true;
    });
    await sleep(200);
    for (const heard of elsewhere) {
      expect(heard.clicks).toEqual([]);
      expect(heard.messages).toEqual([]);
    }
    expect(cy.welcome.count).toBe(0);
  });

  it('resets one room on every instance and leaves the others as they were', async () => {
    const clicker = await inRoom(0, 'reset-me');
    const watcher = await inRoom(1, 'reset-me');
    const other = await inRoom(1, 'keep-me');
    for (let i = 0; i < 3; i++) await clicker.socket.emitWithAck('click', {});
    await other.socket.emitWithAck('click', {});
    const seen = record<number>(watcher.socket, 'click');
    const otherSeen = record<number>(other.socket, 'click');
    const moderator = await inRoom(0, 'reset-me', { token: MODERATOR_TOKEN });
    expect(await untyped(moderator.socket).emitWithAck('counter:reset', {})).toEqual({
      ok: true,
      count: 0,
    });
    await eventually(() => seen.at(-1) === 0);
    await sleep(200);
    expect(otherSeen).toEqual([]);
    expect((await inRoom(0, 'keep-me')).welcome.count).toBe(1);
  });

  it('recovers a short disconnect into its room: the missed messages of that room arrive, no other', async () => {
    const { socket: reader } = await connected(url(0), {
      auth: { room: 'recover-me' },
      reconnection: true,
      reconnectionDelay: 100,
    });
    const { socket: writer } = await inRoom(1, 'recover-me');
    const { socket: elsewhere } = await inRoom(1, 'somewhere-else');
    const heard = record<ChatMessage>(reader, 'message');
    // Recovery resumes from the last event delivered through the Redis stream.
    await writer.emitWithAck('message', { text: 'before' });
    await eventually(() => heard.length === 1);

    const dropped = next(reader, 'disconnect');
    reader.io.engine.close();
    await dropped;
    const reconnected = next(reader, 'connect');
    for (const text of ['gone 1', 'gone 2']) await writer.emitWithAck('message', { text });
    await elsewhere.emitWithAck('message', { text: 'not for this room' });
    await reconnected;

    expect(reader.recovered).toBe(true);
    await eventually(() => heard.length === 3);
    await sleep(200);
    expect(heard.map((message) => message.text)).toEqual(['before', 'gone 1', 'gone 2']);
    // Still in its room: its messages go to that room.
    const seenByWriter = record<ChatMessage>(writer, 'message');
    await reader.emitWithAck('message', { text: 'back' });
    await eventually(() => seenByWriter.some((message) => message.text === 'back'));
  });
});
