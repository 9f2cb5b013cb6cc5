import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE, type Store } from '../src/store/store';
import {
  client,
  closeClients,
  connected,
  next,
  makeDataDir,
  removeDataDir,
  startApp,
  useServers,
} from './harness';

const start = useServers();

describe('the embedded store across restarts', () => {
  const dataDir = makeDataDir();
  afterAll(() => removeDataDir(dataDir));

  it('keeps the count, the history and who wrote it', async () => {
    const first = await startApp({ DATA_DIR: dataDir });
    let session = '';
    try {
      const { socket, welcome } = await connected(first.url, { auth: { name: 'Ada' } });
      session = welcome.session ?? '';
      for (let i = 0; i < 3; i++) await socket.emitWithAck('click', {});
      await socket.emitWithAck('message', { text: 'before restart', id: 'keep-1' });
    } finally {
      closeClients();
      await first.close();
    }

    const second = await startApp({ DATA_DIR: dataDir });
    try {
      // The same person, back after the restart: their retry is recognised as theirs.
      const { socket: again, welcome } = await connected(second.url, { auth: { session } });
      expect(welcome.you.name).toBe('Ada');
      expect(welcome.count).toBe(3);
      expect(welcome.messages).toEqual([
        expect.objectContaining({ id: 'keep-1', seq: 1, author: 'Ada', text: 'before restart' }),
      ]);
      const retried = await again.emitWithAck('message', { text: 'before restart', id: 'keep-1' });
      expect(retried.ok && retried.message.seq).toBe(1);
      const next = await again.emitWithAck('message', 'after restart');
      expect(next.ok && next.message.seq).toBe(2);
      expect(await again.emitWithAck('click', {})).toEqual({ ok: true, count: 4 });
    } finally {
      closeClients();
      await second.close();
    }
  });
});

describe('HTTP endpoints', () => {
  it('GET /health is 200 with the store status, and 503 with the reason when the store fails', async () => {
    const server = await start();
    const { socket } = await connected(server.url);
    const ok = await fetch(`${server.url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', store: 'ok' });
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);

    await server.app.get<Store>(STORE).close();
    const failing = await fetch(`${server.url}/health`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({ status: 'unavailable', store: 'The store is closed' });
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);

    expect(await socket.emitWithAck('click', {})).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.any(String) },
    });
    // Nobody can be told who they are without the store: a new connection waits for it.
    const refused = await next<Error & { data?: unknown }>(client(server.url), 'connect_error');
    expect(refused.data).toEqual({ code: 'UNAVAILABLE' });
  });

  it('GET /metrics serves Prometheus text with sockets, events by result and handler latency', async () => {
    const server = await start();
    const { socket } = await connected(server.url);
    await socket.emitWithAck('click', {});
    await socket.emitWithAck('message', '');
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^live_connected_sockets 1$/m);
    expect(text).toMatch(/^live_events_total\{event="click",result="ok"\} 1$/m);
    expect(text).toMatch(/^live_events_total\{event="message",result="VALIDATION"\} 1$/m);
    expect(text).toMatch(/^live_handler_duration_seconds_count\{event="click"\} 1$/m);
    expect(text).toMatch(/^live_broadcasts_total\{event="click"\} 1$/m);
  });

  it('serves the built UI at /', async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'live-ui-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Live counter</title>');
    const server = await start({ CLIENT_DIR: clientDir });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Live counter</title>');
    expect(page.headers.get('x-powered-by')).toBeNull();
    rmSync(clientDir, { recursive: true });
  });
});
