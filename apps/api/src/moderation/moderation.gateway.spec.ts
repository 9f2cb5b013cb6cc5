import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FakeBroadcastServer } from '../broadcast/fake-broadcast-server.testing';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { IdentityService } from '../identity/identity.service';
import { MuteList } from '../identity/mute-list';
import { LiveMetrics } from '../metrics/live-metrics';
import type { PeopleService } from '../people/people.service';
import { RoomRegistry } from '../rooms/room-registry';
import type { LiveSocket } from '../socket/live-socket';
import { LIVE_EVENT, type LiveEventDefinition } from '../socket/live-event';
import { STORE, type Store } from '../store/store';
import { ModerationGateway } from './moderation.gateway';

const moderator = {
  id: 'mod-1',
  data: { name: 'Mod', moderator: true, room: 'maths' },
} as unknown as LiveSocket;

describe('ModerationGateway', () => {
  let gateway: ModerationGateway;
  let server: FakeBroadcastServer;
  const identities = {
    mute: jest.fn<IdentityService['mute']>(async () => undefined),
    find: jest.fn<IdentityService['find']>(async () => undefined),
  };
  let people: PeopleService;
  let mutes: MuteList;
  let rooms: RoomRegistry;
  const store = {
    count: jest.fn<Store['count']>(async () => 5),
    resetCounter: jest.fn<Store['resetCounter']>(async () => 0),
  };

  async function start(config: Partial<AppConfig>) {
    mutes = new MuteList();
    const moduleRef = await Test.createTestingModule({
      providers: [
        ModerationGateway,
        LiveBroadcaster,
        LiveMetrics,
        { provide: APP_CONFIG, useValue: { roomsMax: 10, roomIdleMs: 1000, ...config } },
        RoomRegistry,
        { provide: STORE, useValue: store },
        { provide: IdentityService, useValue: identities },
        { provide: MuteList, useValue: mutes },
      ],
    }).compile();
    gateway = moduleRef.get(ModerationGateway);
    rooms = moduleRef.get(RoomRegistry);
    await rooms.onModuleInit();
    // The moderator's room; Ada is in another.
    await rooms.open('maths');
    people = (await rooms.open('physics')).people;
    server = new FakeBroadcastServer();
    // LiveGateway attaches the one broadcaster both gateways use.
    moduleRef.get(LiveBroadcaster).attach(server);
  }

  beforeAll(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());
  beforeEach(() => jest.clearAllMocks());
  afterEach(() => rooms.onModuleDestroy());

  it("mutes a person in every room, tells the moderator's room until when, and unmutes them", async () => {
    await start({});
    people.join({ id: 'ada-identity-0000001', name: 'Ada', moderator: false });
    const muted = await gateway.mute(moderator, { userId: 'ada-identity-0000001', minutes: 5 });
    expect(muted).toEqual({ ok: true, userId: 'ada-identity-0000001', until: expect.any(String) });
    const until = Date.parse((muted as { until: string }).until);
    expect(identities.mute).toHaveBeenCalledWith('ada-identity-0000001', until);
    expect(mutes.remainingMs('ada-identity-0000001')).toBeGreaterThan(4 * 60_000);
    expect(server.values('user:muted', 'everywhere room:maths')).toEqual([
      { userId: 'ada-identity-0000001', name: 'Ada', until: new Date(until).toISOString() },
    ]);
    await gateway.unmute(moderator, { userId: 'ada-identity-0000001' });
    expect(mutes.remainingMs('ada-identity-0000001')).toBe(0);
    expect(identities.mute).toHaveBeenLastCalledWith('ada-identity-0000001', 0);
    expect(server.values('user:muted', 'everywhere room:maths')).toHaveLength(2);
    expect(server.values('user:muted', 'everywhere room:physics')).toEqual([]);
  });

  it('answers NOT_FOUND for someone no one has heard of, and mutes nobody', async () => {
    await start({});
    await expect(
      gateway.mute(moderator, { userId: 'nobody-000000000001', minutes: 5 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(identities.mute).not.toHaveBeenCalled();
  });

  it('with other instances, tells them whom it muted', async () => {
    await start({ redis: { prefix: 't:', presenceTtlMs: 15_000 } } as AppConfig);
    people.join({ id: 'ada-identity-0000001', name: 'Ada', moderator: false });
    await gateway.mute(moderator, { userId: 'ada-identity-0000001', minutes: 1 });
    expect(server.toPeers).toContainEqual(['muted', 'ada-identity-0000001', expect.any(Number)]);
  });

  it("resets the moderator's room's counter and broadcasts the new count there as counter:reset and click", async () => {
    await start({});
    expect(await gateway.resetCounter(moderator, null)).toEqual({ ok: true, count: 0 });
    expect(store.resetCounter).toHaveBeenCalledWith('maths');
    expect(server.sent.map(({ to, event, args }) => [to, event, ...args])).toEqual([
      ['room room:maths', 'counter:reset', { count: 0 }],
      ['room room:maths', 'click', 0],
    ]);
    expect(rooms.lobby.counter.current).toBe(5);
    expect(server.toPeers).toEqual([]);
  });

  it('with other instances, resets them too; each announces the reset to its own clients', async () => {
    await start({ redis: { prefix: 't:', presenceTtlMs: 15_000 } } as AppConfig);
    server.toPeers.splice(0); // who is in each room, asked as it came in
    await gateway.resetCounter(moderator, null);
    expect(server.toPeers).toEqual([['counterReset', 0, 'maths']]);
    expect(server.sent.every(({ to }) => to === 'room room:maths')).toBe(true);
  });
});

describe("ModerationGateway's events", () => {
  it('are for moderators only: the dispatcher refuses everyone else before reading the payload', () => {
    const prototype = ModerationGateway.prototype as unknown as Record<string, object>;
    const events = ['mute', 'unmute', 'resetCounter'].map(
      (method) => Reflect.getMetadata(LIVE_EVENT, prototype[method]) as LiveEventDefinition,
    );
    expect(events.map(({ event, moderatorOnly }) => [event, moderatorOnly])).toEqual([
      ['user:mute', true],
      ['user:unmute', true],
      ['counter:reset', true],
    ]);
  });
});
