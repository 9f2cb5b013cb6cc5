import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatMessage, ClickResult, HistoryResult, MessageResult } from '@live/shared-events';
import {
  client,
  connected,
  eventually,
  metricsText,
  next,
  record,
  untyped,
  useServers,
  type Client,
} from './harness';

const start = useServers();
const ADMIN_TOKEN = 'moderator-token-0123456789-abcdefghij';

type Refusal = Error & { data?: { code: string; retryAfterMs?: number } };

const inRoom = (url: string, room?: string, auth: Record<string, string> = {}) =>
  connected(url, { auth: room === undefined ? auth : { ...auth, room } });

const click = (socket: Client) => socket.emitWithAck('click', {}) as Promise<ClickResult>;
const say = (socket: Client, text: string) =>
  socket.emitWithAck('message', { text }) as Promise<MessageResult>;

describe('rooms', () => {
  it('keeps each room its own counter, chat, history and people; the lobby is the room of a handshake that names none', async () => {
    const server = await start();
    const lobby = await inRoom(server.url);
    const maths = await inRoom(server.url, 'Maths-101', { name: 'Ada' });
    const physics = await inRoom(server.url, 'physics', { name: 'Bo' });
    expect(lobby.welcome.room).toBe('lobby');
    expect(maths.welcome.room).toBe('maths-101');
    const heard = {
      lobby: record<number>(lobby.socket, 'click'),
      maths: record<number>(maths.socket, 'click'),
      physics: record<number>(physics.socket, 'click'),
    };
    const messages = {
      lobby: record<ChatMessage>(lobby.socket, 'message'),
      physics: record<ChatMessage>(physics.socket, 'message'),
    };
    expect(await click(maths.socket)).toEqual({ ok: true, count: 1 });
    expect(await click(maths.socket)).toEqual({ ok: true, count: 2 });
    expect(await click(physics.socket)).toEqual({ ok: true, count: 1 });
    await say(maths.socket, 'only for maths');
    const mathsSecond = await inRoom(server.url, 'maths-101', { name: 'Cy' });
    expect(mathsSecond.welcome).toMatchObject({ count: 2, online: 2 });
    expect(mathsSecond.welcome.messages.map((message) => message.text)).toEqual(['only for maths']);
    expect(mathsSecond.welcome.people?.people.map((person) => person.name).sort()).toEqual([
      'Ada',
      'Cy',
    ]);
    await eventually(() => heard.maths.at(-1) === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.lobby).toEqual([]);
    expect(heard.physics).toEqual([1]);
    expect(messages.lobby).toEqual([]);
    expect(messages.physics).toEqual([]);
    const history = (await lobby.socket.emitWithAck('history', {})) as HistoryResult;
    expect(history).toEqual({ ok: true, messages: [] });
    expect(lobby.welcome.count).toBe(0);
  });

  it('starts every room at seq 1 and keeps message ids to their room', async () => {
    const server = await start();
    const a = await inRoom(server.url, 'room-a');
    const b = await inRoom(server.url, 'room-b');
    const first = await say(a.socket, 'one');
    const other = await say(b.socket, 'uno');
    expect(first.ok && first.message.seq).toBe(1);
    expect(other.ok && other.message.seq).toBe(1);
    // Someone in another room cannot edit or delete this room's message, whatever its id.
    const id = first.ok ? first.message.id : '';
    expect(await b.socket.emitWithAck('message:delete', { id })).toEqual({
      ok: true,
      id,
      deleted: false,
    });
    expect(await b.socket.emitWithAck('message:edit', { id, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const stillThere = (await a.socket.emitWithAck('history', {})) as HistoryResult;
    expect(stillThere.ok && stillThere.messages.map((message) => message.text)).toEqual(['one']);
  });

  it.each([
    ['with a space', 'a b'],
    ['too long', 'x'.repeat(65)],
    ['with an underscore', 'bad_slug'],
    ['empty', ''],
    ['not a string', 5],
  ])('refuses a room name %s at connect with a clear connect_error', async (_what, room) => {
    const server = await start();
    const refusal = await next<Refusal>(client(server.url, { auth: { room } }), 'connect_error');
    expect(refusal.message).toMatch(/^room must be/);
    expect(refusal.data?.code).toBe('VALIDATION');
  });

  it('lets a moderator reset one room without touching another', async () => {
    const server = await start({ ADMIN_TOKEN });
    const visitor = await inRoom(server.url, 'quiet');
    await click(visitor.socket);
    const lobbyVisitor = await inRoom(server.url);
    await click(lobbyVisitor.socket);
    const moderator = await inRoom(server.url, 'quiet', { token: ADMIN_TOKEN });
    expect(await untyped(moderator.socket).emitWithAck('counter:reset', {})).toEqual({
      ok: true,
      count: 0,
    });
    const lobbyAgain = await inRoom(server.url);
    expect(lobbyAgain.welcome.count).toBe(1);
  });

  it('refuses a client walking through room names once its room-open budget is spent', async () => {
    const server = await start({ RATE_ROOM_OPEN_BURST: '3', RATE_ROOM_OPEN_PER_SEC: '0.01' });
    for (const room of ['r1', 'r2', 'r3']) (await inRoom(server.url, room)).socket.close();
    const refusal = await next<Refusal>(
      client(server.url, { auth: { room: 'r4' } }),
      'connect_error',
    );
    expect(refusal.data).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    // Rooms already held cost nothing: joining people keep coming in.
    const held = await inRoom(server.url, 'r1');
    expect(held.welcome.room).toBe('r1');
  });

  it('says how many rooms are held, with no label per room', async () => {
    const server = await start();
    await inRoom(server.url, 'one');
    await inRoom(server.url, 'two');
    const text = await metricsText(server.url);
    expect(text).toMatch(/^live_rooms_active 3$/m);
    expect(text).not.toMatch(/room="/);
  });

  it('serves the app at a room link, so a shared link and a reload open the room', async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'live-ui-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Live counter</title>');
    try {
      const server = await start({ CLIENT_DIR: clientDir });
      const response = await fetch(`${server.url}/r/maths-101`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('<title>Live counter</title>');
    } finally {
      rmSync(clientDir, { recursive: true });
    }
  });
});
