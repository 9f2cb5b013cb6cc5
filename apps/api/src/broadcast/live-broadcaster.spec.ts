import { jest } from '@jest/globals';
import type { AppConfig } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { LiveMetrics } from '../metrics/live-metrics';
import type { PresenceBoard } from '../presence/presence-board';
import { PeopleService } from '../people/people.service';
import { PresenceService } from '../presence/presence.service';
import type { Store } from '../store/store';
import { FakeBroadcastServer } from './fake-broadcast-server.testing';
import { LiveBroadcaster } from './live-broadcaster';
import { hello } from '../chat/chat-message.testing';

const alone = {} as AppConfig;
const clustered = { redis: { prefix: 't:' } } as AppConfig;

describe('LiveBroadcaster', () => {
  let server: FakeBroadcastServer;
  let counter: CounterService;
  let presence: PresenceService;
  let broadcaster: LiveBroadcaster;
  const store = {
    click: jest.fn<Store['click']>(),
    count: jest.fn<Store['count']>(),
    resetCounter: jest.fn<Store['resetCounter']>(),
  };
  const board = {
    report: jest.fn<PresenceBoard['report']>(),
    leave: jest.fn<PresenceBoard['leave']>(),
  };

  /** The next clicks commit these counts, announced before they resolve, as the stores do. */
  const clickCommits = (...counts: number[]) => {
    for (const count of counts)
      store.click.mockImplementationOnce(async (_id, onCommit) => (onCommit?.(count), count));
  };
  /** A click handled as LiveGateway does: counted, then the broadcaster told. */
  const click = async () => {
    await counter.click();
    broadcaster.clicked();
  };

  function start(config: AppConfig, withBoard = false): void {
    server = new FakeBroadcastServer();
    counter = new CounterService(store as unknown as Store);
    presence = new PresenceService(withBoard ? board : undefined);
    broadcaster = new LiveBroadcaster(
      counter,
      presence,
      new PeopleService(),
      new LiveMetrics(),
      config,
    );
    broadcaster.attach(server);
  }

  beforeEach(() => {
    jest.useFakeTimers();
    jest.clearAllMocks();
  });

  afterEach(() => {
    broadcaster.onApplicationShutdown();
    jest.useRealTimers();
  });

  describe('alone', () => {
    beforeEach(() => start(alone));

    it('sends the first committed count at once, then the latest once per tick', async () => {
      clickCommits(1, 2, 3);
      await click();
      await click();
      await click();
      expect(server.values('click')).toEqual([1]);
      jest.advanceTimersByTime(16);
      expect(server.values('click')).toEqual([1, 3]);
      jest.advanceTimersByTime(100);
      expect(server.values('click')).toEqual([1, 3]);
      expect(server.toPeers).toEqual([]);
    });

    it('sends a click after a quiet spell to a large audience at once, a sustained one in slices', async () => {
      for (let i = 0; i < 600; i++) presence.join();
      clickCommits(8, 9);
      await click();
      // Nothing waits behind the first click: slicing would only stretch its broadcast.
      expect(server.sent.map(({ to }) => to)).toEqual(['local']);
      // Clicks keep coming within the tick: the next broadcast yields to their acks.
      await click();
      jest.advanceTimersByTime(50);
      expect(server.values('click', 'room broadcast-slice:0')).toEqual([9]);
      await jest.advanceTimersByTimeAsync(0);
      expect(server.sent.filter(({ to }) => to.startsWith('room '))).toHaveLength(8);
    });

    it('spreads connections over the slices', () => {
      const rooms: string[] = [];
      for (let i = 0; i < 9; i++) broadcaster.admit({ join: (room: string) => rooms.push(room) });
      expect(new Set(rooms).size).toBe(8);
      expect(rooms[8]).toBe(rooms[0]);
    });

    it('coalesces presence as connections come and go', () => {
      presence.join();
      broadcaster.onlineChanged();
      presence.join();
      broadcaster.onlineChanged();
      expect(server.values('presence')).toEqual([{ online: 1 }]);
      jest.advanceTimersByTime(16);
      expect(server.values('presence')).toEqual([{ online: 1 }, { online: 2 }]);
    });

    it('announces a reset to its clients as counter:reset, then click, and tells no peer', () => {
      broadcaster.counterReset(0);
      expect(server.sent).toEqual([
        { to: 'local', event: 'counter:reset', args: [{ count: 0 }] },
        { to: 'local', event: 'click', args: [0] },
      ]);
      expect(server.toPeers).toEqual([]);
    });

    it('sends its clients the latest count at once on request (shutdown)', async () => {
      clickCommits(4);
      await click();
      broadcaster.sendLatestCount();
      expect(server.values('click')).toEqual([4, 4]);
    });

    it('sends messages and deletions to everyone through the adapter', () => {
      broadcaster.message(hello);
      broadcaster.messageDeleted('m1');
      expect(server.sent).toEqual([
        { to: 'everyone', event: 'message', args: [hello] },
        { to: 'everyone', event: 'message:deleted', args: [{ id: 'm1' }] },
      ]);
    });

    it("tells everyone but the typist that they type, under the typist's name", () => {
      const emit = jest.fn(() => true);
      broadcaster.typing({ data: { name: 'Ada' }, broadcast: { emit } }, true);
      expect(emit).toHaveBeenCalledWith('typing', { name: 'Ada', typing: true });
    });

    it('broadcasts nothing more once the app shuts down', async () => {
      broadcaster.onApplicationShutdown();
      clickCommits(5);
      await click();
      expect(server.sent).toEqual([]);
    });
  });

  describe('with other instances', () => {
    beforeEach(() => {
      start(clustered, true);
      // On attach it asked the others who is on them (the people tests below): counts follow.
      expect(server.toPeers.splice(0)).toEqual([['peopleHello']]);
    });

    it("shares this instance's people with the others, takes in theirs, and lets them go when it stops", () => {
      const people = (broadcaster as unknown as { people: PeopleService }).people;
      people.join({ id: 'ada', name: 'Ada', moderator: false });
      expect(server.toPeers).toEqual([
        ['people', expect.any(String), [{ id: 'ada', name: 'Ada', moderator: false }]],
      ]);
      server.fromPeer('people', 'other', [{ id: 'bo', name: 'Bo', moderator: false }]);
      jest.advanceTimersByTime(20);
      expect(server.values('people').at(-1)).toMatchObject({ total: 2 });
      server.toPeers.splice(0);
      server.fromPeer('peopleHello');
      jest.advanceTimersByTime(64);
      expect(server.toPeers).toEqual([['people', expect.any(String), expect.any(Array)]]);
      broadcaster.beforeApplicationShutdown();
      expect(server.toPeers.at(-1)).toEqual(['people', expect.any(String), []]);
    });

    it('tells the other instances its highest count once per tick, and its own clients', async () => {
      clickCommits(1, 2, 3);
      await click();
      await click();
      await click();
      jest.advanceTimersByTime(20);
      expect(server.toPeers).toEqual([
        ['count', 1],
        ['count', 3],
      ]);
      expect(server.values('click').at(-1)).toBe(3);
      expect(server.values('click', 'everyone')).toEqual([]);
    });

    it("passes another instance's higher count to its clients, and ignores a stale one", () => {
      server.fromPeer('count', 10);
      expect(server.values('click')).toEqual([10]);
      jest.advanceTimersByTime(20);
      server.fromPeer('count', 9);
      jest.advanceTimersByTime(20);
      expect(server.values('click')).toEqual([10]);
      expect(counter.current).toBe(10);
      // Counts learnt from others are not echoed back to them.
      expect(server.toPeers).toEqual([]);
    });

    it('resets the other instances, and announces the reset to its own clients only', () => {
      broadcaster.counterReset(0);
      expect(server.toPeers).toEqual([['counterReset', 0]]);
      expect(server.sent).toEqual([
        { to: 'local', event: 'counter:reset', args: [{ count: 0 }] },
        { to: 'local', event: 'click', args: [0] },
      ]);
    });

    it("takes in another instance's reset and announces it to its own clients", () => {
      server.fromPeer('count', 57);
      server.fromPeer('counterReset', 0);
      expect(counter.current).toBe(0);
      expect(server.sent.slice(1)).toEqual([
        { to: 'local', event: 'counter:reset', args: [{ count: 0 }] },
        { to: 'local', event: 'click', args: [0] },
      ]);
      expect(server.toPeers).toEqual([]);
    });

    it('broadcasts presence when connections on other instances change the count', async () => {
      board.report.mockResolvedValue(5);
      board.leave.mockResolvedValue();
      presence.onModuleInit();
      await jest.advanceTimersByTimeAsync(0);
      expect(server.values('presence')).toEqual([{ online: 5 }]);
      await presence.beforeApplicationShutdown();
    });
  });
});
