import { STORE, type Store } from '../src/store/store';
import {
  closeClients,
  connected,
  eventually,
  next,
  removeDataDir,
  startApp,
  captureLogs,
  client,
  metricsText,
} from './harness';

/** The app with its JSON log lines captured, at `level`; `close` also removes its data. */
async function startLogged(level: 'debug' | 'info', env: Record<string, string> = {}) {
  const logs = captureLogs(level);
  const server = await startApp(
    { MAX_CONNECTIONS_PER_IP: '2', RATE_MESSAGE_BURST: '1', ...env },
    logs.logger,
  );
  return {
    ...server,
    get lines() {
      return logs.lines();
    },
    close: async () => {
      await server.close();
      removeDataDir(server.dataDir);
    },
  };
}

afterEach(() => closeClients());

describe('metrics', () => {
  it('exposes connects, disconnects by reason, refusals, rate-limit hits, store latency and errors, event-loop lag', async () => {
    const server = await startLogged('info');
    try {
      const { socket: a } = await connected(server.url);
      const { socket: b } = await connected(server.url);
      await next(client(server.url), 'connect_error'); // over the cap of 2
      await a.emitWithAck('message', 'one');
      await a.emitWithAck('message', 'two'); // over the burst of 1
      await a.emitWithAck('click', {});
      b.close();
      await server.app.get<Store>(STORE).close();
      await a.emitWithAck('click', {}); // the store is gone: UNAVAILABLE

      // The disconnect is counted when the server sees it: poll until it has.
      const text = await eventually(async () => {
        const text = await metricsText(server.url);
        expect(text).toMatch(/^live_disconnects_total\{reason="client namespace disconnect"\} 1$/m);
        return text;
      });
      expect(text).toMatch(/^live_connects_total 2$/m);
      expect(text).toMatch(/^live_connections_refused_total\{reason="too_many_connections"\} 1$/m);
      expect(text).toMatch(/^live_rate_limited_total\{event="message"\} 1$/m);
      expect(text).toMatch(/^live_events_total\{event="message",result="RATE_LIMITED"\} 1$/m);
      expect(text).toMatch(/^live_store_duration_seconds_count\{operation="append"\} 1$/m);
      expect(text).toMatch(/^live_store_duration_seconds_count\{operation="click"\} 2$/m);
      expect(text).toMatch(/^live_store_errors_total\{operation="click"\} 1$/m);
      // SQLite's writes: each one's wait for its transaction, each sync's time on the disk.
      expect(text).toMatch(/^live_store_write_wait_seconds_count [1-9]\d*$/m);
      expect(text).toMatch(/^live_store_sync_duration_seconds_count [1-9]\d*$/m);
      expect(text).toMatch(/^live_events_total\{event="click",result="UNAVAILABLE"\} 1$/m);
      expect(text).toMatch(
        /^live_handler_duration_seconds_bucket\{le="0.005",event="click"\} \d+$/m,
      );
      expect(text).toMatch(/^live_broadcasts_total\{event="click"\} \d+$/m);
      // prom-client's default metrics include event-loop lag and the process's memory.
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
      expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    } finally {
      await server.close();
    }
  });
});

describe('logs', () => {
  it('are JSON with the socket id on every line about a socket', async () => {
    const server = await startLogged('debug');
    try {
      const { socket } = await connected(server.url, { auth: { name: 'Ada' } });
      const id = socket.id;
      await next(client(server.url), 'connect_error').catch(() => undefined);
      await connected(server.url).catch(() => undefined);
      await server.app.get<Store>(STORE).close();
      await socket.emitWithAck('click', {}); // logged as a failed request
      socket.close();
      await eventually(() => server.lines.some((l) => l['msg'] === 'disconnected'));

      const aboutSockets = server.lines.filter((l) =>
        ['connected', 'disconnected', 'request failed', 'connection refused'].includes(
          String(l['msg']),
        ),
      );
      expect(aboutSockets.map((l) => l['msg'])).toEqual(
        expect.arrayContaining([
          'connected',
          'disconnected',
          'request failed',
          'connection refused',
        ]),
      );
      // The operator's line about refusals is per address, counted, not per socket.
      expect(
        server.lines.find((l) => String(l['msg']).startsWith('connections refused: too many')),
      ).toMatchObject({ level: 40, reason: 'too_many_connections', refusals: 1 });
      for (const line of aboutSockets) expect(line['socket']).toEqual(expect.any(String));
      const failed = server.lines.find((l) => l['msg'] === 'request failed');
      expect(failed?.['socket']).toBe(id);
      expect(
        server.lines.find((l) => l['msg'] === 'disconnected' && l['socket'] === id),
      ).toMatchObject({
        reason: 'client namespace disconnect',
      });
    } finally {
      await server.close();
    }
  });

  it('say nothing per connection at the default level', async () => {
    const server = await startLogged('info');
    try {
      const { socket } = await connected(server.url);
      await socket.emitWithAck('click', {});
      socket.close();
      // Once the server has counted the disconnect, it has logged whatever it would about it.
      await eventually(async () =>
        expect(await metricsText(server.url)).toMatch(
          /^live_disconnects_total\{reason="client namespace disconnect"\} 1$/m,
        ),
      );
      expect(server.lines.filter((l) => l['socket'] !== undefined)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
