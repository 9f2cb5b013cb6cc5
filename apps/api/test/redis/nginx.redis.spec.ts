import type { Welcome } from '@live/shared-events';
import {
  chromiumLaunchOptions,
  freePort,
  startBuiltApi,
  type ServerProcess,
} from '@live/test-support';
import { chromium, type Browser } from 'playwright-core';
import { connectRedis } from '../../src/redis/redis-connection';
import { closeClients, connected, eventually, record } from '../harness';
import { startNginx } from './support/nginx';
import {
  deleteKeys,
  TEST_IDENTITY_SECRET,
  TEST_REDIS_URL,
  uniquePrefix,
} from './support/test-redis';

/** Two API processes on one Redis behind Debian's nginx running deploy/nginx.conf. */
describe('two instances behind nginx', () => {
  const prefix = uniquePrefix('nginx');
  let instances: ServerProcess[] = [];
  let nginx: ServerProcess;

  beforeAll(async () => {
    // The instances answer for the address clients open: nginx's (PUBLIC_URL).
    const port = await freePort();
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      IDENTITY_SECRET: TEST_IDENTITY_SECRET,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    instances = [await startBuiltApi({ env }), await startBuiltApi({ env })];
    nginx = await startNginx(
      instances.map((instance) => instance.port),
      port,
    );
  }, 120_000);

  afterEach(() => closeClients());

  afterAll(async () => {
    await nginx?.stop();
    for (const instance of instances) await instance.stop();
    const redis = await connectRedis(TEST_REDIS_URL);
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('serves the UI and the health check through nginx', async () => {
    const page = await fetch(nginx.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${nginx.url}/health`)).status).toBe(200);
  });

  it('upgrades WebSockets: a click through nginx reaches clients connected straight to each instance', async () => {
    const { socket: viaNginx } = await connected(nginx.url);
    const direct = await Promise.all(instances.map((instance) => connected(instance.url)));
    const seen = direct.map(({ socket }) => record<number>(socket, 'click'));
    const ack = await viaNginx.emitWithAck('click', {});
    expect(viaNginx.io.engine.transport.name).toBe('websocket');
    await eventually(() => ack.ok && seen.every((counts) => counts.at(-1) === ack.count));
  });

  it('keeps a long-polling session on one instance, so every request of it is answered', async () => {
    const { socket } = await connected(nginx.url, { transports: ['polling'] });
    const acks = [];
    for (let i = 0; i < 30; i++) acks.push(await socket.emitWithAck('click', {}));
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(socket.io.engine.transport.name).toBe('polling');
    expect(socket.connected).toBe(true);
  });

  describe('in a browser', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await chromium.launch(chromiumLaunchOptions());
    }, 30_000);

    afterAll(() => browser?.close());

    it('loads the page through nginx, connects (polling, then WebSocket) and clicks with the whole cluster', async () => {
      const page = await browser.newPage();
      const response = await page.goto(nginx.url);
      expect(response?.status()).toBe(200);
      // Drive Socket.IO's own browser client, served by the API, so the test does not depend on the UI.
      await page.addScriptTag({ url: '/socket.io/socket.io.min.js' });
      const watchers = await Promise.all(instances.map((instance) => connected(instance.url)));
      const seen = watchers.map(({ socket }) => record<number>(socket, 'click'));

      const result = await page.evaluate(async () => {
        type Socket = {
          once(event: string, listener: (value: unknown) => void): void;
          emitWithAck(event: string, payload: object): Promise<{ ok: boolean; count?: number }>;
          io: {
            engine: {
              transport: { name: string };
              once(event: string, listener: () => void): void;
            };
          };
        };
        const { io } = globalThis as unknown as { io: (options?: object) => Socket };
        const socket = io({ auth: { name: 'Browser' } });
        const welcome = await new Promise((resolve) => socket.once('welcome', resolve));
        if (socket.io.engine.transport.name !== 'websocket') {
          await new Promise<void>((resolve) => socket.io.engine.once('upgrade', resolve));
        }
        const ack = await socket.emitWithAck('click', {});
        return { welcome, ack, transport: socket.io.engine.transport.name };
      });

      expect((result.welcome as Welcome).you.name).toBe('Browser');
      expect(result.transport).toBe('websocket');
      expect(result.ack.ok).toBe(true);
      await eventually(() => seen.every((counts) => counts.at(-1) === result.ack.count));
      await page.close();
    });
  });
});
