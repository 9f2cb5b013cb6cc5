import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatMessage } from '@live/shared-events';
import { spawnBuiltApi, startBuiltApi, type ServerProcess } from '@live/test-support';
import { closeClients, connected, eventually, makeDataDir, removeDataDir } from './harness';

// These tests run the built server (`nx test api` builds it first) as a real process.
describe('the production server process', () => {
  const started: ServerProcess[] = [];
  const dataDir = makeDataDir();
  const track = (instance: ServerProcess) => (started.push(instance), instance);

  afterEach(() => {
    closeClients();
    return Promise.all(started.splice(0).map((instance) => instance.stop('SIGKILL')));
  });

  afterAll(() => removeDataDir(dataDir));

  it('loses nothing acknowledged and invents nothing when killed -9 mid-storm', async () => {
    const server = track(
      await startBuiltApi({
        dataDir,
        env: { RATE_CLICK_BURST: '100000', RATE_MESSAGE_BURST: '100000' },
      }),
    );
    const sockets = await Promise.all(Array.from({ length: 4 }, () => connected(server.url)));
    let sentClicks = 0;
    const ackedCounts: number[] = [];
    const ackedMessages: ChatMessage[] = [];
    const sentMessageIds: string[] = [];
    let storming = true;
    const storms = sockets.map(async ({ socket }, s) => {
      for (let i = 0; storming; i++) {
        sentClicks++;
        socket.emit('click', {}, (r) => r.ok && ackedCounts.push(r.count));
        const id = `storm-${s}-${i}`;
        sentMessageIds.push(id);
        socket.emit(
          'message',
          { text: `m ${s} ${i}`, id },
          (r) => r.ok && ackedMessages.push(r.message),
        );
        // Paces the storm (a send a millisecond per client); nothing is waited for here.
        await sleep(1);
      }
    });
    // Mid-storm: plenty acked, more in flight.
    await eventually(
      () => {
        expect(ackedCounts.length).toBeGreaterThan(200);
        expect(ackedMessages.length).toBeGreaterThan(200);
      },
      { timeoutMs: 20_000 },
    );
    await server.stop('SIGKILL');
    storming = false;
    await Promise.all(storms);
    closeClients();

    const restarted = track(
      await startBuiltApi({
        dataDir,
        env: { RATE_MESSAGE_BURST: '100000', RATE_HISTORY_BURST: '1000' },
      }),
    );
    const { socket, welcome } = await connected(restarted.url);
    // The senders come back as themselves (their session tokens), to retry what they sent.
    const senders = await Promise.all(
      sockets.map(({ welcome: first }) =>
        connected(restarted.url, { auth: { session: first.session ?? '' } }),
      ),
    );
    const senderOf = (id: string) => senders[Number(id.split('-')[1])].socket;
    // Every acked click is there; nothing beyond what was sent.
    expect(welcome.count).toBeGreaterThanOrEqual(Math.max(...ackedCounts));
    expect(welcome.count).toBeLessThanOrEqual(sentClicks);

    const stored: ChatMessage[] = [];
    for (let after = 0; ;) {
      const page = await socket.emitWithAck('history', { after, limit: 100 });
      if (!page.ok || page.messages.length === 0) break;
      stored.push(...page.messages);
      after = page.messages[page.messages.length - 1].seq;
    }
    const storedIds = new Set(stored.map((m) => m.id));
    for (const message of ackedMessages) expect(storedIds.has(message.id)).toBe(true);
    for (const message of stored) expect(sentMessageIds).toContain(message.id);

    // Clients retry everything they sent (same ids): still exactly one copy of each.
    await Promise.all(
      sentMessageIds.map((id) => senderOf(id).emitWithAck('message', { text: 'retry', id })),
    );
    const after = await socket.emitWithAck('history', { limit: 1 });
    expect(after.ok && after.messages[0].seq).toBeLessThanOrEqual(sentMessageIds.length);
    const all = await Promise.all(
      sentMessageIds.map((id) => senderOf(id).emitWithAck('message', { text: 'again', id })),
    );
    const seqs = all.map((r) => (r.ok ? r.message.seq : -1));
    expect(new Set(seqs).size).toBe(sentMessageIds.length);
  }, 60_000);

  it('drains on SIGTERM: in-flight acks complete, sockets close, exit 0 within 10 s', async () => {
    const server = track(await startBuiltApi());
    const { socket } = await connected(server.url);
    const inFlight = Array.from({ length: 20 }, () => socket.emitWithAck('click', {}));
    const exit = server.stop('SIGTERM');
    const startedAt = Date.now();
    const results = await Promise.all(inFlight.map((ack) => ack.catch(() => undefined)));
    expect(results.every((result) => result?.ok)).toBe(true);
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });

  it('listens with an accept queue deep enough for thousands of clients connecting at once', async () => {
    const server = track(await startBuiltApi({ dataDir }));
    // For a listening socket, ss shows the accept queue's size as Send-Q; the kernel caps it.
    const listening = execFileSync('ss', ['-ltnH', `sport = :${server.port}`], {
      encoding: 'utf8',
    });
    const [, , sendQ] = listening.trim().split(/\s+/);
    const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
    expect(Number(sendQ)).toBe(Math.min(4096, somaxconn));
  });

  it('refuses to start with a clear message when DATA_DIR is unusable', async () => {
    const file = join(dataDir, 'not-a-dir');
    writeFileSync(file, 'x');
    const server = track(await spawnBuiltApi({ dataDir: file }));
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output).toMatch(/Cannot open the database .*not-a-dir.*Check that DATA_DIR/s);
  });

  it('refuses to start with a clear message when the database file is corrupt', async () => {
    const dir = join(dataDir, 'corrupt');
    mkdirSync(dir);
    writeFileSync(join(dir, 'live.sqlite'), 'this is not a database'.repeat(100));
    const server = track(await spawnBuiltApi({ dataDir: dir }));
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output).toMatch(
      /Cannot open the database .*live\.sqlite: file is not a database/s,
    );
  });

  it('refuses to start with a clear message for a bad setting', async () => {
    const server = track(await spawnBuiltApi({ dataDir, env: { PORT: 'http' } }));
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output).toContain('Invalid configuration');
    expect(server.output).toContain('PORT="http"');
  });
});
