import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FakeBroadcastServer } from '../broadcast/fake-broadcast-server.testing';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { ChatService } from '../chat/chat.service';
import { TypingService } from '../chat/typing.service';
import { APP_CONFIG } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { IdentityService } from '../identity/identity.service';
import { MuteList } from '../identity/mute-list';
import { LiveMetrics } from '../metrics/live-metrics';
import { PeopleService } from '../people/people.service';
import { PresenceService } from '../presence/presence.service';
import { ConnectionAdmission } from '../security/connection-admission';
import type { LiveServer, LiveSocket } from '../socket/live-socket';
import { MetricsInterceptor } from '../socket/metrics.interceptor';
import { RequestTracker, RequestTrackingInterceptor } from '../socket/request-tracker';
import { handshake } from '../socket/handshake';
import { LiveGateway } from './live.gateway';
import { WelcomeService } from './welcome.service';
import { hello } from '../chat/chat-message.testing';

function fakeSocket(name = 'Ada', id = 'sock-1', userId = `${name.toLowerCase()}-identity`) {
  const socket = {
    id,
    data: { name, userId },
    emit: jest.fn(),
    join: jest.fn(),
    broadcast: { emit: jest.fn(() => true) },
  };
  return socket as typeof socket & LiveSocket;
}

/** LiveGateway with its module's own parts (broadcaster, welcome, typing) over fake services. */
describe('LiveGateway', () => {
  let gateway: LiveGateway;
  let broadcaster: LiveBroadcaster;
  let server: FakeBroadcastServer;
  const install = jest.fn();
  // The counter announces a click on commit, before the click resolves.
  const counterChanged = new Set<() => void>();
  const counter = {
    current: 7,
    click: jest.fn<(id?: string) => Promise<number>>(),
    onChange: (listener: () => void) => (counterChanged.add(listener), () => undefined),
  };
  /** The next click commits `count`: the counter says so, then the click resolves. */
  const clickCommits = (count: number) =>
    counter.click.mockImplementationOnce(async () => {
      counter.current = count;
      counterChanged.forEach((listener) => listener());
      return count;
    });
  const chat = {
    post: jest.fn<ChatService['post']>(),
    history: jest.fn<ChatService['history']>(),
    latest: jest.fn<ChatService['latest']>(),
  };
  let presence: PresenceService;
  let people: PeopleService;
  const identities = {
    keepNamesOf: jest.fn(),
    left: jest.fn(async () => undefined),
  };

  beforeEach(async () => {
    jest.useFakeTimers();
    jest.clearAllMocks();
    counterChanged.clear();
    presence = new PresenceService();
    people = new PeopleService();
    const moduleRef = await Test.createTestingModule({
      providers: [
        LiveGateway,
        LiveBroadcaster,
        WelcomeService,
        TypingService,
        LiveMetrics,
        MetricsInterceptor,
        RequestTracker,
        RequestTrackingInterceptor,
        { provide: ConnectionAdmission, useValue: { install } },
        { provide: APP_CONFIG, useValue: { shutdownTimeoutMs: 200, editWindowMs: 900_000 } },
        { provide: CounterService, useValue: counter },
        { provide: IdentityService, useValue: identities },
        { provide: PeopleService, useValue: people },
        { provide: MuteList, useValue: new MuteList() },
        { provide: ChatService, useValue: chat },
        { provide: PresenceService, useValue: presence },
      ],
    }).compile();
    gateway = moduleRef.get(LiveGateway);
    broadcaster = moduleRef.get(LiveBroadcaster);
    server = new FakeBroadcastServer();
    gateway.afterInit(server as unknown as LiveServer);
  });

  afterEach(() => {
    broadcaster.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('installs the handshake, the admission checks and the identity handshake after them on init', () => {
    expect(server.middleware).toEqual([handshake]);
    expect(install).toHaveBeenCalledWith(server, expect.any(Function));
  });

  it('welcomes a connection with who is here, then tells everyone who is online and who came', async () => {
    chat.latest.mockResolvedValue([hello]);
    const socket = fakeSocket('Ada');
    await gateway.handleConnection(socket);
    const ada = { id: 'ada-identity', name: 'Ada', moderator: false };
    expect(socket.emit).toHaveBeenCalledWith('welcome', {
      you: { id: 'sock-1', name: 'Ada', moderator: false, userId: 'ada-identity' },
      count: 7,
      messages: [hello],
      online: 1,
      people: { people: [ada], total: 1 },
      editWindowMs: 900_000,
    });
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
    expect(counter.click).toHaveBeenCalledWith('ada-identity/c1');
    expect(server.values('click')).toEqual([8]);
    // Alone (no REDIS_URL), there is nobody to share the count with.
    expect(server.toPeers).toEqual([]);
  });

  it('broadcasts a new message with the author from the handshake and acks it', async () => {
    chat.post.mockResolvedValue({ message: hello, created: true });
    const socket = fakeSocket('Ada');
    expect(await gateway.message(socket, { text: 'hi' })).toEqual({ ok: true, message: hello });
    expect(chat.post).toHaveBeenCalledWith(
      { userId: 'ada-identity', name: 'Ada', moderator: false },
      { text: 'hi' },
    );
    expect(server.values('message', 'everyone')).toEqual([hello]);
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
    expect(socket.broadcast.emit.mock.calls).toEqual([
      ['typing', { name: 'Ada', typing: true }],
      ['typing', { name: 'Ada', typing: false }],
    ]);
  });

  it('answers history with the service page', async () => {
    chat.history.mockResolvedValue([hello]);
    expect(await gateway.history({ after: 0 })).toEqual({ ok: true, messages: [hello] });
    expect(chat.history).toHaveBeenCalledWith({ after: 0 });
  });

  it('tells the others when a typist disconnects, and nothing when a quiet one does', () => {
    const typist = fakeSocket('Bo', 'sock-bo');
    const quiet = fakeSocket('Cy', 'sock-cy');
    gateway.typing(typist, true);
    gateway.typing(quiet, true);
    gateway.typing(quiet, false);
    gateway.handleDisconnect(typist);
    gateway.handleDisconnect(quiet);
    expect(typist.broadcast.emit).toHaveBeenLastCalledWith('typing', { name: 'Bo', typing: false });
    expect(quiet.broadcast.emit).toHaveBeenCalledTimes(2);
  });

  it('on shutdown, lets requests finish, then sends its clients the final count', async () => {
    clickCommits(9);
    await gateway.click(fakeSocket(), undefined);
    const stopping = gateway.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(200);
    await stopping;
    expect(server.values('click')).toEqual([9, 9]);
  });
});
