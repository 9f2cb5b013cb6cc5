import { jest } from '@jest/globals';
import { Logger, type INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { Test } from '@nestjs/testing';
import {
  Ack,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type MessageMappingProperties,
} from '@nestjs/websockets';
import { of } from 'rxjs';
import { io } from 'socket.io-client';
import { LiveIoAdapter } from './live-io.adapter';

/** One handler for each way a Nest handler can answer. */
@WebSocketGateway()
class AnswersGateway {
  @SubscribeMessage('value')
  value(@MessageBody() data: unknown) {
    return { echoed: data };
  }

  @SubscribeMessage('later')
  async later(@MessageBody() data: unknown) {
    return { later: data };
  }

  @SubscribeMessage('stream')
  stream() {
    return of('first', 'second');
  }

  @SubscribeMessage('nothing')
  nothing() {
    return null;
  }

  @SubscribeMessage('event')
  event(@MessageBody() data: unknown) {
    return { event: 'reply', data };
  }

  @SubscribeMessage('manual')
  manual(@Ack() ack: (answer: unknown) => void) {
    // Later than the return value, which an automatic ack would send first.
    setTimeout(() => ack('by hand'), 10);
    return 'not the ack';
  }

  @SubscribeMessage('fails')
  async fails(): Promise<never> {
    throw new Error('handler bug');
  }
}

/**
 * LiveIoAdapter re-implements Nest's IoAdapter.bindMessageHandlers (for memory: see its doc).
 * These run one gateway through both over real sockets: after a Nest upgrade, a difference
 * here means the override no longer does what Nest does.
 */
describe('LiveIoAdapter binds handlers as Nest does', () => {
  const config = {
    allowedOrigins: [],
    pingIntervalMs: 20_000,
    pingTimeoutMs: 10_000,
    connectTimeoutMs: 10_000,
  };

  /** Everything a client hears while it sends each kind of request, in order. */
  async function transcript(adapterFor: (app: INestApplication) => IoAdapter) {
    const moduleRef = await Test.createTestingModule({ providers: [AnswersGateway] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    const adapter = adapterFor(app);
    const bound: MessageMappingProperties[][] = [];
    const bind = adapter.bindMessageHandlers.bind(adapter);
    jest.spyOn(adapter, 'bindMessageHandlers').mockImplementation((socket, handlers, transform) => {
      bound.push(handlers);
      bind(socket, handlers, transform);
    });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    app.useWebSocketAdapter(adapter);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const client = io(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    const heard: unknown[] = [];
    client.onAny((event: string, ...args: unknown[]) => heard.push(['event', event, ...args]));
    const ack = (name: string) => (answer: unknown) => heard.push(['ack', name, answer]);
    try {
      await new Promise((resolve) => client.once('connect', () => resolve(undefined)));
      client.emit('value', 'one', ack('value'));
      client.emit('value', 'a', 'b', ack('value, two arguments'));
      client.emit('value', 'no ack');
      client.emit('later', 2, ack('later'));
      client.emit('stream', ack('stream'));
      client.emit('nothing', ack('nothing'));
      client.emit('event', 3, ack('event'));
      client.emit('manual', ack('manual'));
      client.emit('fails', ack('fails'));
      await new Promise((resolve) => client.emit('later', 'done', resolve));
      await new Promise((resolve) => setTimeout(resolve, 50));
      return {
        heard,
        handlerFields: [
          ...new Set(bound.flat().map((handler) => Object.keys(handler).sort().join())),
        ],
        manual: bound.flat().find(({ message }) => message === 'manual')?.isAckHandledManually,
        logged: logged.mock.calls.map(([error]) => (error as Error).message),
      };
    } finally {
      client.close();
      await app.close();
      logged.mockRestore();
    }
  }

  it("acks, emits and logs exactly what Nest's own IoAdapter does", async () => {
    const nest = await transcript((app) => new IoAdapter(app));
    const live = await transcript((app) => new LiveIoAdapter(app, config));
    expect(live).toEqual(nest);
    // What the override relies on, spelled out (async answers come in their own order).
    expect(nest.heard).toHaveLength(7);
    expect(nest.heard).toEqual(
      expect.arrayContaining([
        ['ack', 'value', { echoed: 'one' }],
        // Several arguments and an ack: the arguments as an array.
        ['ack', 'value, two arguments', { echoed: ['a', 'b'] }],
        ['ack', 'later', { later: 2 }],
        // An observable: its first value is the ack (an ack answers once).
        ['ack', 'stream', 'first'],
        // `{ event, data }` is sent as that event, instead of an ack; null is no answer.
        ['event', 'reply', 3],
        // With @Ack() the handler answers; its return value is not sent.
        ['ack', 'manual', 'by hand'],
        // A failure reaches Nest's exception filter, which answers and logs it.
        [
          'event',
          'exception',
          { status: 'error', message: 'Internal server error', cause: { pattern: 'fails' } },
        ],
      ]),
    );
    expect(nest.handlerFields).toEqual(['callback,isAckHandledManually,message']);
    expect(nest.manual).toBe(true);
    expect(nest.logged).toEqual(['handler bug']);
  });
});
