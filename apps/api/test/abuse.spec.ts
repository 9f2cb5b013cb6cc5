import { request } from 'node:http';
import WebSocket from 'ws';
import type { Store } from '../src/store/store';
import { STORE_ADAPTER as STORE } from '../src/store/store.module';
import {
  client,
  connected,
  eventually,
  metricsText,
  next,
  rawSocketUrl,
  record,
  useServers,
} from './harness';

const start = useServers();

/** Opens an Engine.IO polling session by hand and returns its id. */
async function pollingSession(url: string): Promise<string> {
  const response = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
  const body = await response.text();
  return (JSON.parse(body.slice(1)) as { sid: string }).sid;
}

/** A raw HTTP POST (Content-Length or chunked), resolving with the status or the socket error. */
function post(url: string, body: Buffer, chunked: boolean): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      headers: chunked
        ? { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' }
        : { 'Content-Type': 'text/plain', 'Content-Length': body.length },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    if (chunked) {
      for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
      req.end();
    } else req.end(body);
  });
}

describe('connection abuse', () => {
  it('caps connections per IP with a clear connect_error, and frees a slot when one closes', async () => {
    const server = await start({ MAX_CONNECTIONS_PER_IP: '3' });
    const sockets = await Promise.all([1, 2, 3].map(() => connected(server.url)));
    const fourth = client(server.url);
    const error = await next<Error & { data?: unknown }>(fourth, 'connect_error');
    expect(error.message).toBe(
      'Too many connections from your address (at most 3); close another tab or try later',
    );
    expect(error.data).toEqual({ code: 'RATE_LIMITED' });

    sockets[0].socket.close();
    // The server frees the slot as it counts the disconnect (another try would count as refused).
    await eventually(async () =>
      expect(await metricsText(server.url)).toMatch(/^live_connected_sockets 2$/m),
    );
    const { welcome } = await connected(server.url);
    expect(welcome.online).toBe(3);

    const metrics = await metricsText(server.url);
    expect(metrics).toMatch(/^live_connections_refused_total\{reason="too_many_connections"\} 1$/m);
  });

  it('counts a polling client like any other against the cap', async () => {
    const server = await start({ MAX_CONNECTIONS_PER_IP: '1' });
    await connected(server.url, { transports: ['polling'] });
    const second = client(server.url, { transports: ['polling'] });
    expect((await next<Error>(second, 'connect_error')).message).toMatch(/Too many connections/);
  });

  it('behind a trusted proxy (TRUST_PROXY=1), caps each client address the proxy reports', async () => {
    const server = await start({ MAX_CONNECTIONS_PER_IP: '1', TRUST_PROXY: '1' });
    const via = (address: string) => ({ extraHeaders: { 'X-Forwarded-For': address } });
    await connected(server.url, via('203.0.113.7'));
    await connected(server.url, via('198.51.100.2'));
    // A client cannot dodge the cap by forging entries before the proxy's.
    const again = client(server.url, via('1.2.3.4, 203.0.113.7'));
    expect((await next<Error>(again, 'connect_error')).message).toMatch(/Too many connections/);
  });

  it('drops a half-open client that stops answering pings, and tells the others', async () => {
    const server = await start({ PING_INTERVAL_MS: '100', PING_TIMEOUT_MS: '150' });
    const { socket: watcher } = await connected(server.url);
    const presence = record<{ online: number }>(watcher, 'presence');
    // A raw WebSocket that joins, then goes silent: it never answers the server's pings.
    const raw = new WebSocket(rawSocketUrl(server.url));
    raw.on('message', (data) => {
      if (String(data).startsWith('0')) raw.send('40');
    });
    await eventually(() => presence.at(-1)?.online === 2);
    const closed = new Promise((resolve) => raw.once('close', resolve));
    const startedAt = Date.now();
    await closed;
    expect(Date.now() - startedAt).toBeLessThan(1500);
    await eventually(() => presence.at(-1)?.online === 1);
    expect(watcher.connected).toBe(true);
    const metrics = await metricsText(server.url);
    expect(metrics).toMatch(/^live_disconnects_total\{reason="ping timeout"\} 1$/m);
  });

  it('closes a transport that never finishes the Socket.IO handshake', async () => {
    const server = await start({ CONNECT_TIMEOUT_MS: '200', PING_INTERVAL_MS: '5000' });
    const raw = new WebSocket(rawSocketUrl(server.url));
    // Engine.IO open, but never the namespace CONNECT ("40").
    const startedAt = Date.now();
    await new Promise((resolve) => raw.once('close', resolve));
    expect(Date.now() - startedAt).toBeLessThan(1500);
  });

  it.each([
    ['with a Content-Length', false],
    ['chunked', true],
  ])('refuses an HTTP polling body over 64 KB (%s) and closes that session', async (_, chunked) => {
    const server = await start();
    const sid = await pollingSession(server.url);
    const url = `${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`;
    const outcome = await post(url, Buffer.alloc(100 * 1024, 'x'), chunked);
    // Engine.IO answers 413, or cuts the connection mid-body when the length was not announced.
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(outcome);
    // The session is gone: a poll on it is refused.
    const poll = await fetch(url);
    expect(poll.status).toBe(400);
    // Everyone else is fine.
    const { socket } = await connected(server.url);
    expect(await socket.emitWithAck('click', {})).toEqual({ ok: true, count: 1 });
  });
});

describe('disk trouble at run time', () => {
  it('answers UNAVAILABLE and 503 while the disk is full, loses nothing acked, and recovers', async () => {
    const server = await start();
    const { socket } = await connected(server.url, { auth: { name: 'Ada' } });
    const { socket: watcher } = await connected(server.url);
    const broadcasts = record(watcher, 'message');
    expect(await socket.emitWithAck('message', { text: 'before', id: 'b-1' })).toMatchObject({
      ok: true,
    });
    expect(await socket.emitWithAck('click', {})).toEqual({ ok: true, count: 1 });

    // The database hits its size limit: SQLite fails the commit with SQLITE_FULL, as on a full disk.
    const db = (
      server.app.get<Store>(STORE) as unknown as { db: { pragma(p: string, o?: object): unknown } }
    ).db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = 'x'.repeat(990);
    const refused = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        socket.emitWithAck('message', { text: `${big} ${i}`, id: `full-${i}` }),
      ),
    );
    for (const result of refused) {
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: 'The store is unavailable; nothing was recorded. Try again shortly.',
        },
      });
    }
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      status: 'unavailable',
      store: expect.stringMatching(/The last write failed: .*full/),
    });
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    const metrics = await metricsText(server.url);
    expect(metrics).toMatch(/^live_store_errors_total\{operation="append"\} 10$/m);
    expect(metrics).toMatch(/^live_events_total\{event="message",result="UNAVAILABLE"\} 10$/m);

    // Space again: the same ids go through once, the earlier data is intact, health recovers.
    db.pragma('max_page_count = 1073741823');
    const retried = await socket.emitWithAck('message', { text: 'retried', id: 'full-0' });
    expect(retried).toMatchObject({ ok: true, message: { id: 'full-0', text: 'retried' } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const history = await socket.emitWithAck('history', {});
    expect(history.ok && history.messages.map((m) => m.id)).toEqual(['b-1', 'full-0']);
    await eventually(() => broadcasts.length === 2);
    expect(broadcasts).toEqual([
      expect.objectContaining({ id: 'b-1' }),
      expect.objectContaining({ id: 'full-0' }),
    ]);
    expect((await connected(server.url)).welcome.count).toBe(1);
  });
});

describe('security headers on the served UI', () => {
  it('sends a CSP without inline script, no framing, nosniff and no referrer', async () => {
    const server = await start();
    for (const path of ['/', '/health']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });
});
