import { get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { eventually, useServers } from './harness';

const start = useServers();

/** A raw TCP connection to the server at `url`; resolves once connected. */
function tcp(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Resolves with everything the server sent once it closes the connection. */
function closed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(text));
  });
}

/** GET `url`: the status, or the error code when the connection is closed first. */
function status(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const open: Socket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.destroy();
});

describe('half-open HTTP requests', () => {
  it('closes a request whose headers never finish after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const server = await start({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1000' });
    const socket = await tcp(server.url);
    open.push(socket);
    const started = Date.now();
    const done = closed(socket);
    socket.write(`GET / HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nX-Slow: `);
    const answer = await Promise.race([
      done,
      new Promise<string>((r) => setTimeout(() => r('still open'), 4000)),
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('closes a request whose body never finishes after HTTP_REQUEST_TIMEOUT_MS', async () => {
    const server = await start({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1000' });
    // A polling session's POST: Engine.IO waits for the whole body.
    const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
    const socket = await tcp(server.url);
    open.push(socket);
    const done = closed(socket);
    socket.write(
      `POST /socket.io/?EIO=4&transport=polling&sid=${sid} HTTP/1.1\r\n` +
        `Host: ${new URL(server.url).host}\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n4`,
    );
    const answer = await Promise.race([
      done,
      new Promise<string>((r) => setTimeout(() => r('still open'), 4000)),
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('open HTTP connections per address', () => {
  /** Raw connections, each with whether the server has closed it. */
  const connections = (url: string, n: number) =>
    Promise.all(Array.from({ length: n }, async () => ({ socket: await tcp(url), closed: false })));

  it('closes TCP connections from one address beyond MAX_HTTP_CONNECTIONS_PER_IP, and frees a slot when one closes', async () => {
    const server = await start({ MAX_HTTP_CONNECTIONS_PER_IP: '5' });
    const states = await connections(server.url, 8);
    const isClosed = () => states.filter((state) => state.closed).length;
    for (const state of states) {
      open.push(state.socket);
      state.socket.on('close', () => (state.closed = true));
      // Closed before we listened: reading ends at once.
      if (state.socket.destroyed || state.socket.readableEnded) state.closed = true;
      state.socket.resume();
    }
    await eventually(() => expect(isClosed()).toBe(3));
    const still = states.filter((state) => !state.closed);
    expect(still).toHaveLength(5);
    // Every slot is taken until one of the five closes.
    const extra = await tcp(server.url);
    open.push(extra);
    extra.resume();
    await new Promise((resolve) => (extra.destroyed ? resolve(null) : extra.on('close', resolve)));
    still[0]?.socket.destroy();
    // http.get, not fetch: undici's fetch waits forever on a connection closed before it answers.
    await eventually(async () => expect(await status(`${server.url}/health/live`)).toBe(200));
    // Before the server closes: it waits for open connections.
    for (const socket of open.splice(0)) socket.destroy();
  });
});

describe('/metrics', () => {
  it('with METRICS_TOKEN, answers 401 without the bearer token or with a wrong one, and serves it with the right one', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const server = await start({ METRICS_TOKEN: token });
    const without = await fetch(`${server.url}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: 'Bearer not-the-token-at-all-000' },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/^live_connected_sockets /m);
  });

  it('without METRICS_TOKEN, serves loopback only: a client forwarded by a proxy from elsewhere gets 403', async () => {
    const server = await start({ TRUST_PROXY: '1' });
    const remote = await fetch(`${server.url}/metrics`, {
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(remote.status).toBe(403);
    expect(await remote.text()).toMatch(/METRICS_TOKEN/);
    for (const path of ['/METRICS', '/metrics/', '/metrics?x=1']) {
      const other = await fetch(`${server.url}${path}`, {
        headers: { 'X-Forwarded-For': '203.0.113.9' },
      });
      expect([path, other.status]).toEqual([path, 403]);
    }
    const local = await fetch(`${server.url}/metrics`, {
      headers: { 'X-Forwarded-For': '127.0.0.1' },
    });
    expect(local.status).toBe(200);
  });
});

describe('security headers on Socket.IO responses', () => {
  it('sends the same headers on a /socket.io polling response and on its errors as on the UI', async () => {
    const server = await start();
    for (const path of [
      '/socket.io/?EIO=4&transport=polling',
      '/socket.io/?EIO=4&transport=nope',
    ]) {
      const response = await fetch(`${server.url}${path}`);
      await response.text();
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});
