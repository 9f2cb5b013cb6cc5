import { jest } from '@jest/globals';
import { CounterService } from '../counter/counter.service';
import type { PresenceBoard } from '../presence/presence-board';
import { PresenceService } from '../presence/presence.service';
import type { Store } from '../store/store';
import { compileLiveGateway } from './live-gateway.testing';
import type { LiveGateway } from './live.gateway';
import type { LiveServer } from './live-socket';

/** The gateway as one of several instances (REDIS_URL set), with a fake Socket.IO server. */
describe('LiveGateway with other instances', () => {
  let gateway: LiveGateway;
  let counter: CounterService;
  let peerListeners: Map<string, (count: number) => void>;
  const store = { click: jest.fn<Store['click']>(), count: jest.fn<Store['count']>() };
  /** The next clicks commit these counts, announced before they resolve, as Redis does. */
  const clickCommits = (...counts: number[]) => {
    for (const count of counts)
      store.click.mockImplementationOnce(async (_id, onCommit) => (onCommit?.(count), count));
  };
  const board = {
    report: jest.fn<PresenceBoard['report']>(),
    leave: jest.fn<PresenceBoard['leave']>(),
  };
  let presence: PresenceService;
  const server = {
    use: jest.fn(),
    on: jest.fn((event: string, listener: (count: number) => void) =>
      peerListeners.set(event, listener),
    ),
    serverSideEmit: jest.fn(),
    local: { emit: jest.fn() },
  };
  const countFromPeer = (count: number) => peerListeners.get('count')?.(count);
  const localClicks = () => server.local.emit.mock.calls.filter(([event]) => event === 'click');

  beforeEach(async () => {
    jest.useFakeTimers();
    jest.clearAllMocks();
    peerListeners = new Map();
    counter = new CounterService(store as unknown as Store);
    presence = new PresenceService(board);
    gateway = await compileLiveGateway({
      counter,
      chat: {},
      presence,
      config: { redis: { prefix: 't:' } } as never,
    });
    (gateway as unknown as { server: unknown }).server = server;
    gateway.afterInit(server as unknown as LiveServer);
  });

  afterEach(() => {
    gateway.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('tells the other instances its highest count once per tick, and its own clients', async () => {
    clickCommits(1, 2, 3);
    await gateway.click(undefined);
    await gateway.click(undefined);
    await gateway.click(undefined);
    jest.advanceTimersByTime(20);
    expect(server.serverSideEmit.mock.calls).toEqual([
      ['count', 1],
      ['count', 3],
    ]);
    expect(localClicks().at(-1)).toEqual(['click', 3]);
  });

  it("passes another instance's higher count to its clients, and ignores a stale one", () => {
    countFromPeer(10);
    expect(localClicks()).toEqual([['click', 10]]);
    jest.advanceTimersByTime(20);
    countFromPeer(9);
    jest.advanceTimersByTime(20);
    expect(localClicks()).toEqual([['click', 10]]);
    expect(counter.current).toBe(10);
    // Counts learnt from others are not echoed back to them.
    expect(server.serverSideEmit).not.toHaveBeenCalled();
  });

  it('broadcasts presence when connections on other instances change the count', async () => {
    board.report.mockResolvedValue(5);
    board.leave.mockResolvedValue();
    presence.onModuleInit();
    await jest.advanceTimersByTimeAsync(0);
    expect(server.local.emit).toHaveBeenCalledWith('presence', { online: 5 });
    await presence.beforeApplicationShutdown();
  });
});
