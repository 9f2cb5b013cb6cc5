import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { ChatMessage } from '@live/shared-events';
import { ChatService } from '../chat/chat.service';
import { PresenceService } from '../presence/presence.service';
import { compileLiveGateway } from './live-gateway.testing';
import type { LiveGateway } from './live.gateway';
import type { LiveServer, LiveSocket } from './live-socket';

const hello: ChatMessage = {
  id: 'm1',
  seq: 1,
  author: 'Ada',
  text: 'hi',
  sentAt: '2026-01-01T00:00:00.000Z',
};

function fakeSocket(name = 'Ada') {
  const broadcast = { emit: jest.fn() };
  const socket = {
    id: 'sock-1',
    data: { name, typing: false, buckets: {} },
    emit: jest.fn(),
    join: jest.fn(),
    broadcast,
  };
  return socket as typeof socket & LiveSocket;
}

describe('LiveGateway', () => {
  let gateway: LiveGateway;
  // `click` and `presence` go to this instance's clients (server.local); the rest to all.
  let server: {
    emit: jest.Mock;
    use: jest.Mock;
    on: jest.Mock;
    serverSideEmit: jest.Mock;
    local: { emit: jest.Mock };
  };
  // The counter announces a click on commit, before the click resolves.
  const counterChanged: (() => void)[] = [];
  const counter = {
    current: 7,
    click: jest.fn<(id?: string) => Promise<number>>(),
    onChange: (listener: () => void) => counterChanged.push(listener),
    adopt: jest.fn(),
  };
  /** The next click commits `count`: the counter says so, then the click resolves. */
  const clickCommits = (...counts: number[]) => {
    for (const count of counts)
      counter.click.mockImplementationOnce(async () => {
        counter.current = count;
        counterChanged.forEach((listener) => listener());
        return count;
      });
  };
  const chat = {
    post: jest.fn<ChatService['post']>(),
    history: jest.fn<ChatService['history']>(),
    latest: jest.fn<ChatService['latest']>(),
  };
  const presence = new PresenceService();

  beforeEach(async () => {
    jest.useFakeTimers();
    jest.clearAllMocks();
    gateway = await compileLiveGateway({ counter, chat, presence });
    server = {
      emit: jest.fn(),
      use: jest.fn(),
      on: jest.fn(),
      serverSideEmit: jest.fn(),
      local: { emit: jest.fn() },
    };
    (gateway as unknown as { server: LiveServer }).server = server as unknown as LiveServer;
    counterChanged.length = 0;
    gateway.afterInit(server as unknown as LiveServer);
  });

  afterEach(() => {
    gateway.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('installs the handshake middleware on init', () => {
    expect(server.use).toHaveBeenCalledTimes(1);
  });

  it('welcomes a connection with its name, the count, the latest messages and who is online', async () => {
    chat.latest.mockResolvedValue([hello]);
    const socket = fakeSocket('Ada');
    await gateway.handleConnection(socket);
    expect(socket.emit).toHaveBeenCalledWith('welcome', {
      you: { id: 'sock-1', name: 'Ada', moderator: false },
      count: 7,
      messages: [hello],
      online: presence.online,
    });
    expect(server.local.emit).toHaveBeenCalledWith('presence', { online: presence.online });
    gateway.handleDisconnect(socket);
  });

  it('still welcomes with no messages when history cannot be read', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    chat.latest.mockRejectedValue(new Error('disk gone'));
    const socket = fakeSocket();
    await gateway.handleConnection(socket);
    expect(socket.emit).toHaveBeenCalledWith('welcome', expect.objectContaining({ messages: [] }));
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ socket: 'sock-1' }),
      'could not read history for welcome',
    );
    logged.mockRestore();
    gateway.handleDisconnect(socket);
  });

  it('acks a click with the exact count and coalesces the broadcasts', async () => {
    clickCommits(8, 9, 10);
    expect(await gateway.click({ id: 'c1' })).toEqual({ ok: true, count: 8 });
    expect(counter.click).toHaveBeenCalledWith('c1');
    await gateway.click(undefined);
    await gateway.click(undefined);
    expect(server.local.emit.mock.calls.filter(([event]) => event === 'click')).toEqual([
      ['click', 8],
    ]);
    jest.advanceTimersByTime(20);
    expect(server.local.emit).toHaveBeenLastCalledWith('click', 10);
    // Alone (no REDIS_URL), there is nobody to share the count with.
    expect(server.serverSideEmit).not.toHaveBeenCalled();
  });

  it('sends a click after a quiet spell to a large audience at once, a sustained one in slices', async () => {
    const to = jest.fn((room: string) => ({ emit: jest.fn(() => room) }));
    Object.assign(server.local, { to });
    for (let i = 0; i < 600; i++) presence.join();
    try {
      clickCommits(8, 9);
      await gateway.click(undefined);
      // Nothing waits behind the first click: slicing would only stretch its broadcast.
      expect(server.local.emit).toHaveBeenCalledWith('click', 8);
      expect(to).not.toHaveBeenCalled();
      // Clicks keep coming within the tick: the next broadcast yields to their acks.
      await gateway.click(undefined);
      jest.advanceTimersByTime(50);
      expect(to).toHaveBeenCalledWith('broadcast-slice:0');
    } finally {
      for (let i = 0; i < 600; i++) presence.leave();
    }
  });

  it('broadcasts a new message with the author from the handshake and acks it', async () => {
    chat.post.mockResolvedValue({ message: hello, created: true });
    const socket = fakeSocket('Ada');
    expect(await gateway.message(socket, { text: 'hi' })).toEqual({ ok: true, message: hello });
    expect(chat.post).toHaveBeenCalledWith('Ada', { text: 'hi' });
    expect(server.emit).toHaveBeenCalledWith('message', hello);
  });

  it('does not broadcast a retried message again', async () => {
    chat.post.mockResolvedValue({ message: hello, created: false });
    expect(await gateway.message(fakeSocket(), { text: 'hi', id: 'm1' })).toEqual({
      ok: true,
      message: hello,
    });
    expect(server.emit).not.toHaveBeenCalledWith('message', expect.anything());
  });

  it('ends the typing notice when the typist sends their message', async () => {
    chat.post.mockResolvedValue({ message: hello, created: true });
    const socket = fakeSocket('Ada');
    gateway.typing(socket, true);
    await gateway.message(socket, { text: 'hi' });
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

  it('tells the others when a typist disconnects', () => {
    const socket = fakeSocket('Bo');
    gateway.typing(socket, true);
    gateway.handleDisconnect(socket);
    expect(socket.broadcast.emit).toHaveBeenLastCalledWith('typing', { name: 'Bo', typing: false });
  });
});
