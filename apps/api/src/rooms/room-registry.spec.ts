import { jest } from '@jest/globals';
import type { AppConfig } from '../config/config';
import { LiveMetrics } from '../metrics/live-metrics';
import type { Store } from '../store/store';
import { RoomRegistry } from './room-registry';

describe('RoomRegistry', () => {
  const store = { count: jest.fn<Store['count']>(async (room) => (room === 'lobby' ? 3 : 1)) };
  let metrics: LiveMetrics;
  let registry: RoomRegistry;

  async function start(roomsMax = 3): Promise<void> {
    metrics = new LiveMetrics();
    const config = { roomsMax, roomIdleMs: 60_000 } as AppConfig;
    registry = new RoomRegistry(store as unknown as Store, config, metrics);
    await registry.onModuleInit();
  }

  beforeEach(() => jest.clearAllMocks());
  afterEach(() => registry.onModuleDestroy());

  const activeRooms = async () => (await metrics.activeRooms.get()).values[0]?.value;

  it('holds the lobby from the start, with its stored count', async () => {
    await start();
    expect(registry.lobby.slug).toBe('lobby');
    expect(registry.lobby.counter.current).toBe(3);
    expect(await activeRooms()).toBe(1);
  });

  it('brings a room in once however many connections ask together, with its stored count', async () => {
    await start();
    const [a, b] = await Promise.all([registry.open('maths'), registry.open('maths')]);
    expect(a).toBe(b);
    expect(a.counter.current).toBe(1);
    expect(store.count.mock.calls.filter(([room]) => room === 'maths')).toHaveLength(1);
    expect(a.channel).toBe('room:maths');
    expect(await activeRooms()).toBe(2);
  });

  it('lets a room go once nobody here has been in it for the idle time, never the lobby', async () => {
    await start();
    const closed: string[] = [];
    registry.onClosed((room) => closed.push(room.slug));
    const now = Date.now();
    const maths = await registry.open('maths');
    registry.entered(maths);
    maths.people.join({ id: 'ada', name: 'Ada', moderator: false });
    expect(registry.closeIdle(now + 120_000)).toBe(0);
    maths.people.leave('ada', false);
    registry.left(maths, now);
    expect(registry.closeIdle(now + 59_999)).toBe(0);
    expect(registry.closeIdle(now + 60_000)).toBe(1);
    expect(closed).toEqual(['maths']);
    expect(registry.get('maths')).toBeUndefined();
    expect(registry.get('lobby')).toBeDefined();
    expect(await activeRooms()).toBe(1);
  });

  it('makes space by letting an idle room go early, and refuses one more when every room is in use', async () => {
    await start(3);
    const maths = await registry.open('maths');
    const physics = await registry.open('physics');
    registry.entered(physics);
    // Full: the idle one makes way.
    await registry.open('history');
    expect(registry.get('maths')).toBeUndefined();
    expect(maths.slug).toBe('maths');
    registry.entered(await registry.open('history'));
    await expect(registry.open('art')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(registry.size).toBe(3);
  });
});
