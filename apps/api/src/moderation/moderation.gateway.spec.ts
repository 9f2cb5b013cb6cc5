import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FakeBroadcastServer } from '../broadcast/fake-broadcast-server.testing';
import { LiveBroadcaster } from '../broadcast/live-broadcaster';
import { ChatService } from '../chat/chat.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CounterService } from '../counter/counter.service';
import { LiveMetrics } from '../metrics/live-metrics';
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
  const chat = { delete: jest.fn<ChatService['delete']>() };
  const counter = {
    reset: jest.fn<CounterService['reset']>(),
    onChange: () => () => undefined,
  };

  async function start(config: Partial<AppConfig>) {
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
        { provide: ChatService, useValue: chat },
        { provide: CounterService, useValue: counter },
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

  it('deletes a message and tells everyone', async () => {
    await start({});
    chat.delete.mockResolvedValue(true);
    expect(await gateway.deleteMessage(moderator, { id: 'm1' })).toEqual({
      ok: true,
      id: 'm1',
      deleted: true,
    });
    expect(chat.delete).toHaveBeenCalledWith('m1');
    expect(server.sent).toEqual([
      { to: 'everyone', event: 'message:deleted', args: [{ id: 'm1' }] },
    ]);
  });

  it('tells no one when there was nothing to delete', async () => {
    await start({});
    chat.delete.mockResolvedValue(false);
    expect(await gateway.deleteMessage(moderator, { id: 'gone' })).toMatchObject({
      deleted: false,
    });
    expect(server.sent).toEqual([]);
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
