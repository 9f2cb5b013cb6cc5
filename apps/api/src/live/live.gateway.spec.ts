import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FakeBroadcastServer } from '../broadcast/fake-broadcast-server.testing';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { ChatService } from '../chat/chat.service';
import { TypingService } from '../chat/typing.service';
import { APP_CONFIG } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { LiveMetrics } from '../metrics/live-metrics';
import { PresenceService } from '../presence/presence.service';
import { ConnectionAdmission } from '../security/connection-admission';
import type { LiveServer, LiveSocket } from '../socket/live-socket';
import { MetricsInterceptor } from '../socket/metrics.interceptor';
import { RequestTracker, RequestTrackingInterceptor } from '../socket/request-tracker';
import { handshake } from './handshake';
import { LiveGateway } from './live.gateway';
import { WelcomeService } from './welcome.service';
import { hello } from '../chat/chat-message.testing';

function fakeSocket(name = 'Ada', id = 'sock-1') {
  const socket = {
    id,
    data: { name },
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

  beforeEach(async () => {
    jest.useFakeTimers();
    jest.clearAllMocks();
    counterChanged.clear();
    presence = new PresenceService();
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
        { provide: APP_CONFIG, useValue: { shutdownTimeoutMs: 200 } },
        { provide: CounterService, useValue: counter },
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

  it('installs the handshake and the admission checks on init', () => {
    expect(server.middleware).toEqual([handshake]);
    expect(install).toHaveBeenCalledWith(server);
  });

  it('welcomes a connection, then tells everyone here who is online', async () => {
    chat.latest.mockResolvedValue([hello]);
    const socket = fakeSocket('Ada');
    await gateway.handleConnection(socket);
    expect(socket.emit).toHaveBeenCalledWith('welcome', {
      you: { id: 'sock-1', name: 'Ada', moderator: false },
      count: 7,
      messages: [hello],
      online: 1,
    });
    expect(server.values('presence')).toEqual([{ online: 1 }]);
    gateway.handleDisconnect(socket);
    jest.advanceTimersByTime(16);
    expect(server.values('presence')).toEqual([{ online: 1 }, { online: 0 }]);
  });

  it('acks a click with the exact count; its clients get the count on commit', async () => {
    clickCommits(8);
    expect(await gateway.click({ id: 'c1' })).toEqual({ ok: true, count: 8 });
    expect(counter.click).toHaveBeenCalledWith('c1');
    expect(server.values('click')).toEqual([8]);
    // Alone (no REDIS_URL), there is nobody to share the count with.
    expect(server.toPeers).toEqual([]);
  });

  it('broadcasts a new message with the author from the handshake and acks it', async () => {
    chat.post.mockResolvedValue({ message: hello, created: true });
    const socket = fakeSocket('Ada');
    expect(await gateway.message(socket, { text: 'hi' })).toEqual({ ok: true, message: hello });
    expect(chat.post).toHaveBeenCalledWith('Ada', { text: 'hi' });
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
    await gateway.click(undefined);
    const stopping = gateway.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(200);
    await stopping;
    expect(server.values('click')).toEqual([9, 9]);
  });
});
