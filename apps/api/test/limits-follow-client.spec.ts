import WebSocket from 'ws';
import {
  client,
  connected,
  eventually,
  metricsText,
  next,
  rawSocketUrl,
  useServers,
} from './harness';

const start = useServers();

// Per connection: 5 at once and almost no refill during a test; per address: twice that.
const LIMITS = {
  RATE_MESSAGE_BURST: '5',
  RATE_MESSAGE_PER_SEC: '0.01',
  RATE_CLICK_BURST: '5',
  RATE_CLICK_PER_SEC: '0.01',
  RATE_HISTORY_BURST: '5',
  RATE_HISTORY_PER_SEC: '0.01',
  RATE_PER_ADDRESS_FACTOR: '2',
};

const payloads = {
  click: () => ({}),
  message: (i: number) => ({ text: `hello ${i}` }),
  history: () => ({}),
} as const;

/** A raw Socket.IO client on one WebSocket: CONNECT, DISCONNECT and events with acks, by hand. */
async function rawSocket(url: string) {
  const ws = new WebSocket(rawSocketUrl(url));
  const acks = new Map<number, (body: unknown) => void>();
  let joined: (() => void) | undefined;
  let nextId = 0;
  ws.on('message', (data) => {
    const packet = String(data);
    if (packet === '2') ws.send('3');
    else if (packet.startsWith('40')) joined?.();
    else if (packet.startsWith('43')) {
      const [, id, body] = /^43(\d+)(.*)$/s.exec(packet) ?? [];
      acks.get(Number(id))?.((JSON.parse(body) as unknown[])[0]);
    }
  });
  await new Promise((resolve) => ws.once('open', resolve));
  return {
    join: () =>
      new Promise<void>((resolve) => {
        joined = resolve;
        ws.send('40');
      }),
    leave: () => ws.send('41'),
    emit: (event: string, data: unknown) =>
      new Promise<unknown>((resolve) => {
        const id = nextId++;
        acks.set(id, resolve);
        ws.send(`42${id}${JSON.stringify([event, data])}`);
      }),
    close: () => ws.close(),
  };
}

const refusedOf = (results: unknown[]) =>
  results.filter((r) => (r as { ok: boolean }).ok === false).length;

describe('rate limits that follow the client', () => {
  it.each(Object.keys(payloads) as (keyof typeof payloads)[])(
    'limits %s on one WebSocket like one connection, however often it leaves and joins again',
    async (event) => {
      const server = await start(LIMITS);
      const raw = await rawSocket(server.url);
      const results: unknown[] = [];
      await raw.join();
      for (let i = 0; i < 5; i++) results.push(await raw.emit(event, payloads[event](i)));
      raw.leave();
      // Socket.IO itself closes a connection whose CONNECT arrives before its DISCONNECT is processed.
      await eventually(async () =>
        expect(await metricsText(server.url)).toMatch(/^live_connected_sockets 0$/m),
      );
      await raw.join();
      for (let i = 5; i < 10; i++) results.push(await raw.emit(event, payloads[event](i)));
      raw.close();
      expect(results.slice(0, 5).every((r) => (r as { ok: boolean }).ok)).toBe(true);
      expect(refusedOf(results.slice(5))).toBe(5);
      expect(results[9]).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) },
      });
    },
  );

  it('does not refill the buckets when a client reconnects', async () => {
    const server = await start(LIMITS);
    const results: unknown[] = [];
    // The address allows twice a connection's burst: two connections' worth, then no more.
    for (let round = 0; round < 3; round++) {
      const { socket } = await connected(server.url);
      for (let i = 0; i < 5; i++) {
        results.push(await socket.emitWithAck('message', { text: `round ${round}, ${i}` }));
      }
      socket.close();
    }
    expect(refusedOf(results.slice(0, 10))).toBe(0);
    expect(refusedOf(results.slice(10))).toBe(5);
    expect(results[14]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('refuses connecting too often from one address with RATE_LIMITED and the wait', async () => {
    const server = await start({ RATE_CONNECT_BURST: '3', RATE_CONNECT_PER_SEC: '0.01' });
    for (let i = 0; i < 3; i++) (await connected(server.url)).socket.close();
    const refused = client(server.url);
    const error = await next<Error & { data?: { code: string; retryAfterMs: number } }>(
      refused,
      'connect_error',
    );
    expect(error.message).toMatch(/^Too many connects from your address: try again in \d+ s$/);
    expect(error.data).toEqual({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(error.data?.retryAfterMs).toBeGreaterThan(0);
  });

  it('turns away new connections at the HTTP request while the wait lasts, but not sessions already open', async () => {
    const server = await start({ RATE_CONNECT_BURST: '2', RATE_CONNECT_PER_SEC: '0.01' });
    const { socket: open } = await connected(server.url, { transports: ['polling'] });
    (await connected(server.url)).socket.close();
    // The first refusal of a wait says why in Socket.IO's own terms (the test above)…
    await next(client(server.url), 'connect_error');

    // …and every new connection after it, polling or WebSocket, is answered before either starts.
    const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(handshake.status).toBe(429);
    expect(Number(handshake.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await handshake.text()).toMatch(
      /^Too many connects from your address: try again in \d+ s\n$/,
    );
    const upgrade = await new Promise<number>((resolve) => {
      const ws = new WebSocket(rawSocketUrl(server.url));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(upgrade).toBe(429);

    // The session opened before the wait keeps polling and sending.
    expect(await open.emitWithAck('click', {})).toMatchObject({ ok: true });
    await eventually(async () =>
      expect(await metricsText(server.url)).toMatch(
        /^live_connections_refused_total\{reason="connect_rate"\} 3$/m,
      ),
    );
    open.close();
  });
});
