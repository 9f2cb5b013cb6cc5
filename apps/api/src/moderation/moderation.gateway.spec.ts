import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FakeBroadcastServer } from '../broadcast/fake-broadcast-server.testing';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { IdentityService } from '../identity/identity.service';
import { MuteList } from '../identity/mute-list';
import { LiveMetrics } from '../metrics/live-metrics';
import { PeopleService } from '../people/people.service';
import { PresenceService } from '../presence/presence.service';
import type { LiveSocket } from '../socket/live-socket';
import { MetricsInterceptor } from '../socket/metrics.interceptor';
import { RequestTracker, RequestTrackingInterceptor } from '../socket/request-tracker';
import { ModerationGateway } from './moderation.gateway';
import { ModeratorOnlyInterceptor } from './moderator-only';

const moderator = { id: 'mod-1', data: { name: 'Mod', moderator: true } } as unknown as LiveSocket;

describe('ModerationGateway', () => {
  let gateway: ModerationGateway;
  let server: FakeBroadcastServer;
  const identities = {
    mute: jest.fn<IdentityService['mute']>(async () => undefined),
    find: jest.fn<IdentityService['find']>(async () => undefined),
  };
  let people: PeopleService;
  let mutes: MuteList;
  const counter = {
    reset: jest.fn<CounterService['reset']>(),
    onChange: () => () => undefined,
  };

  async function start(config: Partial<AppConfig>) {
    people = new PeopleService();
    mutes = new MuteList();
    const moduleRef = await Test.createTestingModule({
      providers: [
        ModerationGateway,
        LiveBroadcaster,
        LiveMetrics,
        MetricsInterceptor,
        RequestTracker,
        RequestTrackingInterceptor,
        ModeratorOnlyInterceptor,
        { provide: APP_CONFIG, useValue: config },
        { provide: CounterService, useValue: counter },
        { provide: IdentityService, useValue: identities },
        { provide: PeopleService, useValue: people },
        { provide: MuteList, useValue: mutes },
        { provide: PresenceService, useValue: new PresenceService() },
      ],
    }).compile();
    gateway = moduleRef.get(ModerationGateway);
    server = new FakeBroadcastServer();
    // LiveGateway attaches the one broadcaster both gateways use.
    moduleRef.get(LiveBroadcaster).attach(server);
  }

  beforeAll(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());
  beforeEach(() => jest.clearAllMocks());

  it('mutes a person everywhere, tells everyone until when, and unmutes them', async () => {
    await start({});
    people.join({ id: 'ada-identity-0000001', name: 'Ada', moderator: false });
    const muted = await gateway.mute(moderator, { userId: 'ada-identity-0000001', minutes: 5 });
    expect(muted).toEqual({ ok: true, userId: 'ada-identity-0000001', until: expect.any(String) });
    const until = Date.parse((muted as { until: string }).until);
    expect(identities.mute).toHaveBeenCalledWith('ada-identity-0000001', until);
    expect(mutes.remainingMs('ada-identity-0000001')).toBeGreaterThan(4 * 60_000);
    expect(server.values('user:muted', 'everyone')).toEqual([
      { userId: 'ada-identity-0000001', name: 'Ada', until: new Date(until).toISOString() },
    ]);
    await gateway.unmute(moderator, { userId: 'ada-identity-0000001' });
    expect(mutes.remainingMs('ada-identity-0000001')).toBe(0);
    expect(identities.mute).toHaveBeenLastCalledWith('ada-identity-0000001', 0);
    expect(server.values('user:muted', 'everyone')).toHaveLength(2);
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
    await start({ redis: { prefix: 't:' } } as AppConfig);
    people.join({ id: 'ada-identity-0000001', name: 'Ada', moderator: false });
    await gateway.mute(moderator, { userId: 'ada-identity-0000001', minutes: 1 });
    expect(server.toPeers).toContainEqual(['muted', 'ada-identity-0000001', expect.any(Number)]);
  });

  it('resets the counter and broadcasts the new count as counter:reset and click', async () => {
    await start({});
    counter.reset.mockResolvedValue(0);
    expect(await gateway.resetCounter(moderator, null)).toEqual({ ok: true, count: 0 });
    expect(server.sent.map(({ event, args }) => [event, ...args])).toEqual([
      ['counter:reset', { count: 0 }],
      ['click', 0],
    ]);
    expect(server.toPeers).toEqual([]);
  });

  it('with other instances, resets them too; each announces the reset to its own clients', async () => {
    await start({ redis: { prefix: 't:' } } as AppConfig);
    counter.reset.mockResolvedValue(0);
    server.toPeers.splice(0); // who is on the others, asked on attach
    await gateway.resetCounter(moderator, null);
    expect(server.toPeers).toEqual([['counterReset', 0]]);
    expect(server.sent.every(({ to }) => to === 'local')).toBe(true);
  });
});

describe('ModeratorOnlyInterceptor', () => {
  const contextFor = (moderatorFlag: boolean | undefined) =>
    ({
      switchToWs: () => ({ getClient: () => ({ data: { moderator: moderatorFlag } }) }),
    }) as never;
  const next = { handle: jest.fn(() => 'handled') };

  it('lets a moderator through', () => {
    expect(new ModeratorOnlyInterceptor().intercept(contextFor(true), next as never)).toBe(
      'handled',
    );
  });

  it.each([false, undefined])('refuses moderator=%s with FORBIDDEN', (flag) => {
    expect(() => new ModeratorOnlyInterceptor().intercept(contextFor(flag), next as never)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Only a moderator may do this' }),
    );
  });
});
