import { jest } from '@jest/globals';
import type { AppConfig } from '../config/config';
import { LiveMetrics } from '../metrics/live-metrics';
import type { Room } from '../rooms/room';
import { RoomRegistry } from '../rooms/room-registry';
import type { Store } from '../store/store';
import { FakeBroadcastServer } from './fake-broadcast-server.testing';
import { LiveBroadcaster } from './live-broadcaster';
import { hello } from '../chat/chat-message.testing';

const alone = { roomsMax: 10, roomIdleMs: 60_000 } as AppConfig;
const clustered = { ...alone, redis: { prefix: 't:', presenceTtlMs: 15_000 } } as AppConfig;

const person = (id: string) => ({ id, name: id, moderator: false });

describe('LiveBroadcaster', () => {
  let server: FakeBroadcastServer;
  let registry: RoomRegistry;
  let broadcaster: LiveBroadcaster;
  let lobby: Room;
  let maths: Room;
  const store = {
    click: jest.fn<Store['click']>(),
    count: jest.fn<Store['count']>(async () => 0),
    resetCounter: jest.fn<Store['resetCounter']>(async () => 0),
  };

  /** The next clicks commit these counts, announced before they resolve, as the stores do. */
  const clickCommits = (...counts: number[]) => {
    for (const count of counts)
      store.click.mockImplementationOnce(
        async (_room, _id, onCommit) => (onCommit?.(count), count),
      );
  };
  /** A click handled as LiveGateway does: counted in the room, then the broadcaster told. */
  const click = async (room = lobby) => {
    await room.counter.click();
    broadcaster.clicked(room);
  };

  async function start(config: AppConfig): Promise<void> {
    server = new FakeBroadcastServer();
    const metrics = new LiveMetrics();
    registry = new RoomRegistry(store as unknown as Store, config, metrics);
    await registry.onModuleInit();
    broadcaster = new LiveBroadcaster(registry, metrics, config);
    broadcaster.attach(server);
    lobby = registry.lobby;
    maths = await registry.open('maths');
  }

  beforeEach(() => {
    jest.useFakeTimers();
    jest.clearAllMocks();
  });

  afterEach(() => {
    broadcaster.onApplicationShutdown();
    registry.onModuleDestroy();
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

    it("keeps each room's counts to that room, and a storm in one from delaying another", async () => {
      clickCommits(1, 2, 3, 1);
      await click();
      await click();
      await click();
      // The lobby's next broadcast waits for its tick; the other room's first goes at once.
      await click(maths);
      expect(server.values('click', 'room room:maths')).toEqual([1]);
      expect(server.values('click')).toEqual([1]);
      jest.advanceTimersByTime(16);
      expect(server.values('click')).toEqual([1, 3]);
      expect(server.values('click', 'room room:maths')).toEqual([1]);
      expect(
        server.sent.every(({ to }) => to === 'room room:lobby' || to === 'room room:maths'),
      ).toBe(true);
    });

    it('sends a click after a quiet spell to a large audience at once, a sustained one in slices', async () => {
      for (let i = 0; i < 600; i++) lobby.people.join(person(`p${i}`));
      server.sent.splice(0);
      clickCommits(8, 9);
      await click();
      // Nothing waits behind the first click: slicing would only stretch its broadcast.
      expect(server.values('click')).toEqual([8]);
      // Clicks keep coming within the tick: the next broadcast yields to their acks.
      await click();
      jest.advanceTimersByTime(50);
      expect(server.values('click', 'room room:lobby#0')).toEqual([9]);
      await jest.advanceTimersByTimeAsync(0);
      expect(server.sent.filter(({ to }) => to.startsWith('room room:lobby#'))).toHaveLength(8);
    });

    it("puts each connection in its room's channel and spreads it over the room's slices", () => {
      const rooms: string[] = [];
      for (let i = 0; i < 9; i++)
        broadcaster.admit(maths, { join: (room: string) => rooms.push(room) });
      expect(rooms.filter((room) => room === 'room:maths')).toHaveLength(9);
      const slices = rooms.filter((room) => room !== 'room:maths');
      expect(new Set(slices).size).toBe(8);
      expect(slices.every((room) => room.startsWith('room:maths#'))).toBe(true);
    });

    it("coalesces a room's presence and people as connections come and go", () => {
      maths.people.join(person('ada'));
      maths.people.join(person('bo'));
      expect(server.values('presence', 'room room:maths')).toEqual([{ online: 1 }]);
      jest.advanceTimersByTime(16);
      expect(server.values('presence', 'room room:maths')).toEqual([{ online: 1 }, { online: 2 }]);
      expect(server.values('people', 'room room:maths').at(-1)).toMatchObject({ total: 2 });
      expect(server.values('presence')).toEqual([]);
    });

    it("announces a reset to the room's clients as counter:reset, then click, and tells no peer", () => {
      broadcaster.counterReset(maths, 0);
      expect(server.sent).toEqual([
        { to: 'room room:maths', event: 'counter:reset', args: [{ count: 0 }] },
        { to: 'room room:maths', event: 'click', args: [0] },
      ]);
      expect(server.toPeers).toEqual([]);
    });

    it("sends every room's clients its latest count at once on request (shutdown)", async () => {
      clickCommits(4);
      await click();
      broadcaster.sendLatestCount();
      expect(server.values('click')).toEqual([4, 4]);
      expect(server.values('click', 'room room:maths')).toEqual([0]);
    });

    it('sends messages, edits and deletions to the room on every instance, through the adapter', () => {
      broadcaster.message(maths, hello);
      broadcaster.messageEdited(maths, hello);
      broadcaster.messageDeleted(maths, 'm1');
      expect(server.sent).toEqual([
        { to: 'everywhere room:maths', event: 'message', args: [hello] },
        { to: 'everywhere room:maths', event: 'message:edited', args: [hello] },
        { to: 'everywhere room:maths', event: 'message:deleted', args: [{ id: 'm1' }] },
      ]);
    });

    it("tells everyone in the typist's room but the typist that they type, under their name", () => {
      const emit = jest.fn(() => true);
      const to = jest.fn(() => ({ emit }));
      broadcaster.typing({ data: { name: 'Ada' }, to }, maths, true);
      expect(to).toHaveBeenCalledWith('room:maths');
      expect(emit).toHaveBeenCalledWith('typing', { name: 'Ada', typing: true });
    });

    it('broadcasts nothing for a room once it leaves memory', async () => {
      registry.closeIdle(Date.now() + 60_000);
      expect(registry.get('maths')).toBeUndefined();
      clickCommits(5);
      await click(maths);
      jest.advanceTimersByTime(100);
      expect(server.values('click', 'room room:maths')).toEqual([]);
    });

    it('broadcasts nothing more once the app shuts down', async () => {
      broadcaster.onApplicationShutdown();
      clickCommits(5);
      await click();
      expect(server.sent).toEqual([]);
    });
  });

  describe('with other instances', () => {
    beforeEach(async () => {
      await start(clustered);
      // Each room it takes in, it asks the others who is in it (the people tests below).
      expect(server.toPeers.splice(0)).toEqual([
        ['peopleHello', 'lobby'],
        ['peopleHello', 'maths'],
      ]);
    });

    it("shares a room's people with the others, takes in theirs, and lets them go when it stops", () => {
      maths.people.join(person('ada'));
      expect(server.toPeers).toEqual([['people', expect.any(String), [person('ada')], 'maths', 1]]);
      server.fromPeer('people', 'other', [person('bo')], 'maths', 3);
      jest.advanceTimersByTime(64);
      expect(server.values('people', 'room room:maths').at(-1)).toMatchObject({ total: 2 });
      expect(server.values('presence', 'room room:maths').at(-1)).toEqual({ online: 4 });
      expect(lobby.people.snapshot().total).toBe(0);
      server.toPeers.splice(0);
      server.fromPeer('peopleHello', 'maths');
      expect(server.toPeers).toEqual([['people', expect.any(String), [person('ada')], 'maths', 1]]);
      broadcaster.beforeApplicationShutdown();
      expect(server.toPeers.at(-1)).toEqual(['people', expect.any(String), [], 'maths', 0]);
    });

    it("tells the other instances each room's highest count once per tick, and its own clients", async () => {
      clickCommits(1, 2, 3, 7);
      await click();
      await click();
      await click();
      await click(maths);
      jest.advanceTimersByTime(20);
      expect(server.toPeers).toEqual([
        ['count', 1, 'lobby'],
        ['count', 7, 'maths'],
        ['count', 3, 'lobby'],
      ]);
      expect(server.values('click').at(-1)).toBe(3);
    });

    it("passes another instance's higher count to the room's clients, and ignores a stale one", () => {
      server.fromPeer('count', 10, 'maths');
      expect(server.values('click', 'room room:maths')).toEqual([10]);
      jest.advanceTimersByTime(20);
      server.fromPeer('count', 9, 'maths');
      jest.advanceTimersByTime(20);
      expect(server.values('click', 'room room:maths')).toEqual([10]);
      expect(maths.counter.current).toBe(10);
      expect(lobby.counter.current).toBe(0);
      // Counts learnt from others are not echoed back to them; rooms not held here are ignored.
      server.fromPeer('count', 4, 'history');
      expect(server.toPeers).toEqual([]);
    });

    it('takes what an instance from before rooms says as the lobby’s', () => {
      server.fromPeer('count', 12);
      expect(server.values('click')).toEqual([12]);
      server.fromPeer('people', 'old', [person('cy')]);
      expect(lobby.people.online).toBe(1);
    });

    it("resets the room on the other instances, and announces it to this one's clients in it", () => {
      broadcaster.counterReset(maths, 0);
      expect(server.toPeers).toEqual([['counterReset', 0, 'maths']]);
      expect(server.sent).toEqual([
        { to: 'room room:maths', event: 'counter:reset', args: [{ count: 0 }] },
        { to: 'room room:maths', event: 'click', args: [0] },
      ]);
    });

    it("takes in another instance's reset and announces it to the room's clients here", () => {
      server.fromPeer('count', 57, 'maths');
      server.fromPeer('counterReset', 0, 'maths');
      expect(maths.counter.current).toBe(0);
      expect(server.sent.slice(1)).toEqual([
        { to: 'room room:maths', event: 'counter:reset', args: [{ count: 0 }] },
        { to: 'room room:maths', event: 'click', args: [0] },
      ]);
      expect(server.toPeers).toEqual([]);
    });
  });
});
