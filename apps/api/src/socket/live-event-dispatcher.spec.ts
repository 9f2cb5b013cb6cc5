import { jest } from '@jest/globals';
import { Injectable, Logger, type INestApplication } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { Test } from '@nestjs/testing';
import {
  clickRequestSchema,
  counterResetRequestSchema,
  messageRequestSchema,
  type ClickRequest,
  type ClickResult,
  type CounterResetResult,
  type MessageInput,
  type MessageResult,
} from '@live/shared-events';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { ConfigModule } from '../config/config.module';
import { loadConfig } from '../config/config';
import { LiveMetrics } from '../metrics/live-metrics';
import { StoreUnavailableError } from '../store/store';
import { LiveEvent } from './live-event';
import { LiveEventDispatcher } from './live-event-dispatcher';
import type { LiveServer, LiveSocket } from './live-socket';
import { RequestTracker } from './request-tracker';
import { SocketModule } from './socket.module';

/** Handlers for each way a request can end; `click` answers once `release` is called. */
@Injectable()
class Handlers {
  clicks = 0;
  release: () => void = () => undefined;

  @LiveEvent('click', clickRequestSchema)
  async click(_socket: LiveSocket, request: ClickRequest): Promise<ClickResult> {
    if (request?.id === 'slow') await new Promise<void>((resolve) => (this.release = resolve));
    if (request?.id === 'store-down') throw new StoreUnavailableError('SQLITE_FULL');
    if (request?.id === 'bug') throw new TypeError('secret detail');
    return { ok: true, count: ++this.clicks };
  }

  @LiveEvent('message', messageRequestSchema)
  message(socket: LiveSocket, input: MessageInput): MessageResult {
    const message = { id: 'm1', seq: 1, author: socket.data.name, text: input.text, sentAt: 'now' };
    return { ok: true, message };
  }

  @LiveEvent('counter:reset', counterResetRequestSchema, { moderatorOnly: true })
  reset(): CounterResetResult {
    return { ok: true, count: 0 };
  }
}

/** Binds the dispatcher on each connection, as LiveIoAdapter does in the app. */
@WebSocketGateway()
class Gateway implements OnGatewayInit {
  constructor(private readonly events: LiveEventDispatcher) {}

  afterInit(server: LiveServer): void {
    server.on('connection', (socket) => {
      socket.data.name = 'Ada';
      this.events.bind(socket);
    });
  }
}

/** A second handler for `click`. */
@Injectable()
class MoreHandlers {
  @LiveEvent('click', clickRequestSchema)
  click(): ClickResult {
    return { ok: true, count: 0 };
  }
}

/**
 * The dispatcher over real sockets: a Nest app with the socket module, a gateway binding the
 * dispatcher, and a socket.io-client sending what clients send.
 */
describe('LiveEventDispatcher', () => {
  let app: INestApplication;
  let handlers: Handlers;
  let client: ClientSocket;
  let url: string;
  const errors = jest.spyOn(Logger.prototype, 'error');

  beforeAll(async () => {
    errors.mockImplementation(() => undefined);
    const config = loadConfig({ RATE_CLICK_BURST: '50', RATE_CLICK_PER_SEC: '1' });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), SocketModule],
      providers: [Handlers, Gateway],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    handlers = app.get(Handlers);
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  beforeEach(async () => {
    errors.mockClear();
    client = io(url, { transports: ['websocket'] });
    await new Promise((resolve) => client.once('connect', () => resolve(undefined)));
  });
  afterEach(() => client.close());
  afterAll(async () => {
    await app.close();
    errors.mockRestore();
  });

  const ack = (event: string, ...args: unknown[]) =>
    new Promise<unknown>((resolve) => client.emit(event, ...args, resolve));
  const nextException = () => new Promise<unknown>((resolve) => client.once('exception', resolve));

  it("acks with the handler's result, given the parsed payload", async () => {
    expect(await ack('message', 'hi')).toEqual({
      ok: true,
      message: expect.objectContaining({ author: 'Ada', text: 'hi' }) as unknown,
    });
    expect(await ack('click')).toEqual({ ok: true, count: expect.any(Number) as unknown });
  });

  it("takes a tutorial client's events, which send no ack", async () => {
    const before = handlers.clicks;
    client.emit('click');
    await ack('message', 'after the click');
    expect(handlers.clicks).toBe(before + 1);
  });

  it('answers an invalid payload with VALIDATION: through the ack, or `exception` without one', async () => {
    expect(await ack('message', { text: '' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Message must not be empty' },
    });
    const exception = nextException();
    client.emit('message', { text: '' });
    expect(await exception).toEqual({
      status: 'error',
      code: 'VALIDATION',
      message: 'Message must not be empty',
    });
  });

  it('refuses a moderator event to everyone else with FORBIDDEN, before reading the payload', async () => {
    expect(await ack('counter:reset', 'not an empty payload')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only a moderator may do this' },
    });
  });

  it('reports a store outage as UNAVAILABLE and hides an unexpected error behind INTERNAL, logging both', async () => {
    expect(await ack('click', { id: 'store-down' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNAVAILABLE' }) as unknown,
    });
    const internal = (await ack('click', { id: 'bug' })) as {
      error: { code: string; message: string };
    };
    expect(internal.error.code).toBe('INTERNAL');
    expect(internal.error.message).not.toContain('secret');
    expect(errors.mock.calls.map(([fields]) => (fields as { event: string }).event)).toEqual([
      'click',
      'click',
    ]);
  });

  it('counts each event by result and times it', async () => {
    const metrics = app.get(LiveMetrics);
    const count = async (result: string) =>
      (await metrics.events.get()).values.find(
        (value) => value.labels.event === 'message' && value.labels.result === result,
      )?.value ?? 0;
    const [ok, invalid] = [await count('ok'), await count('VALIDATION')];
    await ack('message', 'counted');
    await ack('message', '');
    expect([await count('ok'), await count('VALIDATION')]).toEqual([ok + 1, invalid + 1]);
    const timed = (await metrics.handlerSeconds.get()).values.find(
      (value) => value.labels.event === 'message' && value.metricName?.endsWith('_count'),
    );
    expect(timed?.value).toBeGreaterThanOrEqual(2);
  });

  it('holds a shutdown until a request in flight is acked', async () => {
    const slow = ack('click', { id: 'slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    let drained = false;
    const draining = app
      .get(RequestTracker)
      .drain(5000)
      .then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(drained).toBe(false);
    handlers.release();
    expect(await slow).toEqual({ ok: true, count: expect.any(Number) as unknown });
    await draining;
  });

  it('refuses an event over its rate limit with RATE_LIMITED, without running the handler', async () => {
    const before = handlers.clicks;
    const answers = await Promise.all(Array.from({ length: 60 }, () => ack('click')));
    const refused = answers.filter((answer) => (answer as { ok: boolean }).ok === false);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'RATE_LIMITED' }) as unknown,
    });
    expect(handlers.clicks - before).toBe(60 - refused.length);
  });

  it('refuses to start with two handlers for one event', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({})), SocketModule],
      providers: [Handlers, MoreHandlers],
    }).compile();
    await expect(moduleRef.createNestApplication({ logger: false }).init()).rejects.toThrow(
      'Two handlers for the event click',
    );
  });
});
