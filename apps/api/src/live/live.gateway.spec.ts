import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { Encoder } from 'socket.io-parser';
import { FakeBroadcastServer } from '../broadcast/fake-broadcast-server.testing';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { ChatService } from '../chat/chat.service';
import { TypingService } from '../chat/typing.service';
import { APP_CONFIG } from '../config/config';
import { IdentityService } from '../identity/identity.service';
import { MuteList } from '../identity/mute-list';
import { LiveMetrics } from '../metrics/live-metrics';
import { RoomRegistry } from '../rooms/room-registry';
import { ConnectionAdmission } from '../security/connection-admission';
import { ClientLimits } from '../socket/client-limits';
import type { LiveServer, LiveSocket } from '../socket/live-socket';
import { RequestTracker } from '../socket/request-tracker';
import { handshake } from '../socket/handshake';
import { STORE, type Store } from '../store/store';
import { LiveGateway } from './live.gateway';
import { WelcomePacket } from './welcome-packet';
import { WelcomeService } from './welcome.service';
import { hello } from '../chat/chat-message.testing';

function fakeSocket(
  name = 'Ada',
  id = 'sock-1',
  userId = `${name.toLowerCase()}-identity`,
  room?: string,
) {
  const toRoom = { emit: jest.fn(() => true) };
  const socket = {
    id,
    data: { name, userId, room },
    // What the welcome is written with (WelcomePacket): the server's encoder and the connection.
    nsp: { name: '/', server: { encoder: new Encoder() } },
    client: { conn: { write: jest.fn<(text: string) => void>() } },
    join: jest.fn(),
    disconnect: jest.fn(),
    to: jest.fn(() => toRoom),
    toRoom,
  };
  return socket as typeof socket & LiveSocket;
}

/** The welcomes written to `socket`, decoded from the packets' text. */
function welcomesTo(socket: ReturnType<typeof fakeSocket>): unknown[] {
  return socket.client.conn.write.mock.calls.map(([text]) => {
    const [event, welcome] = JSON.parse(text.slice(1)) as [string, unknown];
    expect(`${text[0]}${event}`).toBe('2welcome');
    return welcome;
  });
}

/** LiveGateway with its module's own parts (broadcaster, welcome, typing) over fake services. */
describe('LiveGateway', () => {
  let gateway: LiveGateway;
  let broadcaster: LiveBroadcaster;
  let server: FakeBroadcastServer;
  const install = jest.fn();
  let rooms: RoomRegistry;
  // The store announces a click on commit, before the click resolves, as the real ones do.
  const store = {
    count: jest.fn<Store['count']>(async (room) => (room === 'lobby' ? 7 : 0)),
    click: jest.fn<Store['click']>(),
  };
  /** The next click commits `count`, then resolves. */
  const clickCommits = (count: number) =>
    store.click.mockImplementationOnce(async (_room, _id, onCommit) => {
      onCommit?.(count);
      return count;
    });
  const chat = {
    post: jest.fn<ChatService['post']>(),
    history: jest.fn<ChatService['history']>(),
    latest: jest.fn<ChatService['latest']>(),
  };
  const identities = {
    keepNamesOf: jest.fn(),
    left: jest.fn(async () => undefined),
  };

  beforeEach(async () => {
    jest.useFakeTimers();
    jest.clearAllMocks();
    const moduleRef = await Test.createTestingModule({
      providers: [
        LiveGateway,
        LiveBroadcaster,
        WelcomeService,
        WelcomePacket,
        TypingService,
        LiveMetrics,
        RequestTracker,
        { provide: ConnectionAdmission, useValue: { install } },
        {
          provide: APP_CONFIG,
          useValue: {
            shutdownTimeoutMs: 200,
            editWindowMs: 900_000,
            roomsMax: 10,
            roomIdleMs: 1000,
          },
        },
        RoomRegistry,
        { provide: STORE, useValue: store },
        { provide: ClientLimits, useValue: {} },
        { provide: IdentityService, useValue: identities },
        { provide: MuteList, useValue: new MuteList() },
        { provide: ChatService, useValue: chat },
      ],
    }).compile();
    rooms = moduleRef.get(RoomRegistry);
    await rooms.onModuleInit();
    gateway = moduleRef.get(LiveGateway);
    broadcaster = moduleRef.get(LiveBroadcaster);
    server = new FakeBroadcastServer();
    gateway.afterInit(server as unknown as LiveServer);
  });

  afterEach(() => {
    broadcaster.onApplicationShutdown();
    rooms.onModuleDestroy();
    jest.useRealTimers();
  });

  it('installs the handshake, the admission checks, and the identity and room handshakes after them on init', () => {
    expect(server.middleware).toEqual([handshake]);
    expect(install).toHaveBeenCalledWith(server, expect.any(Function), expect.any(Function));
  });

  it('welcomes a connection with who is here, then tells everyone who is online and who came', async () => {
    chat.latest.mockResolvedValue([hello]);
    const socket = fakeSocket('Ada');
    await gateway.handleConnection(socket);
    const ada = { id: 'ada-identity', name: 'Ada', moderator: false };
    expect(welcomesTo(socket)).toEqual([
      {
        you: { id: 'sock-1', name: 'Ada', moderator: false, userId: 'ada-identity' },
        count: 7,
        messages: [hello],
        online: 1,
        people: { people: [ada], total: 1 },
        editWindowMs: 900_000,
        room: 'lobby',
      },
    ]);
    expect(server.values('presence')).toEqual([{ online: 1 }]);
    expect(server.values('people')).toEqual([{ joined: [ada], left: [], renamed: [], total: 1 }]);
    gateway.handleDisconnect(socket);
    jest.advanceTimersByTime(16);
    expect(server.values('presence')).toEqual([{ online: 1 }, { online: 0 }]);
    expect(server.values('people')).toHaveLength(2);
    // The name is held from the moment its person left (or freed: they never came back with a token).
    expect(identities.left).toHaveBeenCalledWith('ada-identity', 'Ada', false);
  });

  it('acks a click with the exact count; its clients get the count on commit', async () => {
    clickCommits(8);
    expect(await gateway.click(fakeSocket(), { id: 'c1' })).toEqual({ ok: true, count: 8 });
    // A click id is its person's.
    expect(store.click).toHaveBeenCalledWith('lobby', 'ada-identity/c1', expect.any(Function));
    expect(server.values('click')).toEqual([8]);
    // Alone (no REDIS_URL), there is nobody to share the count with.
    expect(server.toPeers).toEqual([]);
  });

  it('broadcasts a new message with the author from the handshake and acks it', async () => {
    chat.post.mockResolvedValue({ message: hello, created: true });
    const socket = fakeSocket('Ada');
    expect(await gateway.message(socket, { text: 'hi' })).toEqual({ ok: true, message: hello });
    expect(chat.post).toHaveBeenCalledWith(
      'lobby',
      { userId: 'ada-identity', name: 'Ada', moderator: false },
      { text: 'hi' },
    );
    expect(server.values('message', 'everywhere room:lobby')).toEqual([hello]);
  });

  it('does not broadcast a retried message again', async () => {
    chat.post.mockResolvedValue({ message: hello, created: false });
    expect(await gateway.message(fakeSocket(), { text: 'hi', id: 'm1' })).toEqual({
      ok: true,
      message: hello,
    });
    expect(server.sent).toEqual([]);
  });

  it('ends the typing notice when the typist sends their message, and only then', async () => {
    chat.post.mockResolvedValue({ message: hello, created: true });
    const socket = fakeSocket('Ada');
    gateway.typing(socket, true);
    await gateway.message(socket, { text: 'hi' });
    await gateway.message(socket, { text: 'again' });
    expect(socket.to).toHaveBeenCalledWith('room:lobby');
    expect(socket.toRoom.emit.mock.calls).toEqual([
      ['typing', { name: 'Ada', typing: true }],
      ['typing', { name: 'Ada', typing: false }],
    ]);
  });

  it('answers history with the service page', async () => {
    chat.history.mockResolvedValue([hello]);
    expect(await gateway.history(fakeSocket(), { after: 0 })).toEqual({
      ok: true,
      messages: [hello],
    });
    expect(chat.history).toHaveBeenCalledWith('lobby', { after: 0 });
  });

  it('tells the others when a typist disconnects, and nothing when a quiet one does', () => {
    const typist = fakeSocket('Bo', 'sock-bo');
    const quiet = fakeSocket('Cy', 'sock-cy');
    gateway.typing(typist, true);
    gateway.typing(quiet, true);
    gateway.typing(quiet, false);
    gateway.handleDisconnect(typist);
    gateway.handleDisconnect(quiet);
    expect(typist.toRoom.emit).toHaveBeenLastCalledWith('typing', { name: 'Bo', typing: false });
    expect(quiet.toRoom.emit).toHaveBeenCalledTimes(2);
  });

  it('on shutdown, lets requests finish, then sends its clients the final count', async () => {
    clickCommits(9);
    await gateway.click(fakeSocket(), undefined);
    const stopping = gateway.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(200);
    await stopping;
    expect(server.values('click')).toEqual([9, 9]);
  });

  it("keeps a connection's clicks, messages and history to its room", async () => {
    await rooms.open('maths');
    chat.latest.mockResolvedValue([]);
    const socket = fakeSocket('Bo', 'sock-bo', 'bo-identity', 'maths');
    await gateway.handleConnection(socket);
    expect(socket.join).toHaveBeenCalledWith('room:maths');
    expect(welcomesTo(socket)).toEqual([
      expect.objectContaining({ room: 'maths', count: 0, online: 1 }),
    ]);
    expect(chat.latest).toHaveBeenCalledWith('maths');
    clickCommits(1);
    expect(await gateway.click(socket, undefined)).toEqual({ ok: true, count: 1 });
    expect(store.click).toHaveBeenCalledWith('maths', undefined, expect.any(Function));
    expect(server.values('click', 'room room:maths')).toEqual([1]);
    expect(server.values('click')).toEqual([]);
    expect(rooms.lobby.counter.current).toBe(7);
    chat.post.mockResolvedValue({ message: hello, created: true });
    await gateway.message(socket, { text: 'hi' });
    expect(server.values('message', 'everywhere room:maths')).toEqual([hello]);
    await gateway.history(socket, {});
    expect(chat.history).toHaveBeenCalledWith('maths', {});
    // Its person has no connection here any more: the room may leave memory.
    gateway.handleDisconnect(socket);
    expect(rooms.closeIdle(Date.now() + 1000)).toBe(1);
    expect(identities.left).toHaveBeenCalledWith('bo-identity', 'Bo', false);
  });

  it('refuses the events of a connection whose room is not held here, never answering from another room', async () => {
    const stray = fakeSocket('Cy', 'sock-cy', 'cy-identity', 'closed-room');
    await gateway.handleConnection(stray);
    expect(stray.disconnect).toHaveBeenCalledWith(true);
    expect(welcomesTo(stray)).toEqual([]);
    await expect(gateway.click(stray, undefined)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(gateway.history(stray, {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(store.click).not.toHaveBeenCalled();
    expect(chat.history).not.toHaveBeenCalled();
    gateway.handleDisconnect(stray);
    expect(rooms.lobby.people.online).toBe(0);
  });
});
