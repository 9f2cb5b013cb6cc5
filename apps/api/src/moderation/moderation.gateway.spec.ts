import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { ChatService } from '../chat/chat.service';
import { APP_CONFIG } from '../config/config';
import { CounterService } from '../counter/counter.service';
import type { LiveServer, LiveSocket } from '../live/live-socket';
import { RequestTracker, RequestTrackingInterceptor } from '../live/request-tracker';
import { LiveMetrics } from '../metrics/live-metrics';
import { MetricsInterceptor } from '../metrics/metrics.interceptor';
import { ModerationGateway } from './moderation.gateway';
import { ModeratorOnlyInterceptor } from './moderator-only';

const moderator = { id: 'mod-1', data: { name: 'Mod', moderator: true } } as unknown as LiveSocket;

describe('ModerationGateway', () => {
  let gateway: ModerationGateway;
  let server: { emit: jest.Mock };
  const chat = { delete: jest.fn<ChatService['delete']>() };
  const counter = { reset: jest.fn<CounterService['reset']>() };

  beforeEach(async () => {
    jest.clearAllMocks();
    const moduleRef = await Test.createTestingModule({
      providers: [
        ModerationGateway,
        LiveMetrics,
        MetricsInterceptor,
        RequestTracker,
        RequestTrackingInterceptor,
        ModeratorOnlyInterceptor,
        { provide: APP_CONFIG, useValue: {} },
        { provide: ChatService, useValue: chat },
        { provide: CounterService, useValue: counter },
      ],
    }).compile();
    gateway = moduleRef.get(ModerationGateway);
    server = { emit: jest.fn() };
    (gateway as unknown as { server: LiveServer }).server = server as unknown as LiveServer;
  });

  it('deletes a message and tells everyone', async () => {
    chat.delete.mockResolvedValue(true);
    expect(await gateway.deleteMessage(moderator, { id: 'm1' })).toEqual({
      ok: true,
      id: 'm1',
      deleted: true,
    });
    expect(chat.delete).toHaveBeenCalledWith('m1');
    expect(server.emit).toHaveBeenCalledWith('message:deleted', { id: 'm1' });
  });

  it('tells no one when there was nothing to delete', async () => {
    chat.delete.mockResolvedValue(false);
    expect(await gateway.deleteMessage(moderator, { id: 'gone' })).toMatchObject({
      deleted: false,
    });
    expect(server.emit).not.toHaveBeenCalled();
  });

  it('resets the counter and broadcasts the new count as counter:reset and click', async () => {
    counter.reset.mockResolvedValue(0);
    expect(await gateway.resetCounter(moderator, null)).toEqual({ ok: true, count: 0 });
    expect(server.emit.mock.calls).toEqual([
      ['counter:reset', { count: 0 }],
      ['click', 0],
    ]);
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
