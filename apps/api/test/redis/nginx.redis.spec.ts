import type { Welcome } from '@live/shared-events';
import {
  chromiumLaunchOptions,
  freePort,
  startBuiltApi,
  type ServerProcess,
} from '@live/test-support';
import { chromium, type Browser } from 'playwright-core';
import { connectRedis } from '../../src/redis/redis-connection';
import { closeClients, connected, eventually, httpRequest, record } from '../harness';
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
  /** The host the instances answer for (PUBLIC_URL): nginx's. */
  let publicHost: string;

  beforeAll(async () => {
    // The instances answer for the address clients open: nginx's (PUBLIC_URL).
    const port = await freePort();
    publicHost = `127.0.0.1:${port}`;
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

  it('answers an address opening connections in a loop with 429 at nginx, while its open session goes on', async () => {
    // An nginx of its own, so its count of handshakes starts at zero and the other tests keep theirs.
    const own = await startNginx(instances.map((instance) => instance.port));
    // Through it, with the Host people use (the instances refuse any other).
    const send = (path: string, body?: string) =>
      httpRequest(`${own.url}${path}`, { host: publicHost }, body);
    const handshake = '/socket.io/?EIO=4&transport=polling';
    try {
      const open = await send(handshake);
      expect(open.status).toBe(200);
      const { sid } = JSON.parse(open.body.slice(1)) as { sid: string };

      const burst = await Promise.all(Array.from({ length: 120 }, () => send(handshake)));
      const refusedByNginx = burst.filter((r) => r.status === 429 && /nginx/.test(r.body));
      const passedOn = burst.filter((r) => !refusedByNginx.includes(r));
      // 101 at once (the first and a burst of 100), one of them the open session's; a second
      // may have refilled meanwhile.
      expect(passedOn.length).toBeGreaterThanOrEqual(100);
      expect(passedOn.length).toBeLessThanOrEqual(102);
      expect(passedOn.every((r) => r.status === 200 && r.body.startsWith('0{'))).toBe(true);
      expect(refusedByNginx.length).toBe(120 - passedOn.length);

      // The session opened before is not a new connection: its requests carry its id.
      expect(await send(`${handshake}&sid=${sid}`, '40')).toMatchObject({
        status: 200,
        body: 'ok',
      });
    } finally {
      await own.stop();
    }
  });

  describe('in a browser', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await chromium.launch(chromiumLaunchOptions());
    }, 30_000);

    afterAll(() => browser?.close());

    it('keeps two rooms apart through nginx and both instances: a browser in each, and clients of each room on each instance', async () => {
      const open = async (path: string) => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${nginx.url}${path}`);
        await page.locator('button.click:enabled').waitFor({ timeout: 20_000 });
        return page;
      };
      const maths = await open('/r/nginx-maths');
      const history = await open('/r/nginx-history');
      // Each room also has a client straight on each instance, so both instances carry both rooms.
      const direct = async (room: string) =>
        Promise.all(instances.map((instance) => connected(instance.url, { auth: { room } })));
      const mathsClients = await direct('nginx-maths');
      const historyClients = await direct('nginx-history');
      const heard = (clients: typeof mathsClients) =>
        clients.map(({ socket }) => ({
          clicks: record<number>(socket, 'click'),
          messages: record<{ text: string }>(socket, 'message'),
        }));
      const inMaths = heard(mathsClients);
      const inHistory = heard(historyClients);

      for (let i = 0; i < 3; i++) await maths.locator('button.click').click();
      await history.locator('button.click').click();
      const say = async (page: typeof maths, text: string) => {
        const composer = page.getByRole('textbox', { name: 'Message' });
        await composer.fill(text);
        await composer.press('Enter');
        await page
          .getByRole('log', { name: 'Messages' })
          .getByText(text, { exact: true })
          .waitFor();
      };
      await say(maths, 'For maths only');
      await say(history, 'For history only');

      await eventually(() =>
        inMaths.every(
          ({ clicks, messages }) =>
            clicks.at(-1) === 3 && messages.map(({ text }) => text).join() === 'For maths only',
        ),
      );
      await eventually(() =>
        inHistory.every(
          ({ clicks, messages }) =>
            clicks.at(-1) === 1 && messages.map(({ text }) => text).join() === 'For history only',
        ),
      );
      // What each browser shows is its own room's, and nothing of the other's.
      const count = async (page: typeof maths) =>
        Number((await page.locator('.count').textContent())?.replace(/\D/g, ''));
      await eventually(async () => (await count(maths)) === 3 && (await count(history)) === 1);
      const log = (page: typeof maths) => page.getByRole('log', { name: 'Messages' });
      expect(await log(maths).getByText('For history only').count()).toBe(0);
      expect(await log(history).getByText('For maths only').count()).toBe(0);
      expect(inMaths.every(({ clicks }) => clicks.every((n) => n <= 3))).toBe(true);
      await maths.context().close();
      await history.context().close();
    }, 60_000);

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
