import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { ChatMessage } from '@live/shared-events';
import { closeClients, connected, makeDataDir, removeDataDir, sleep } from './harness';

// These tests run the built server (`nx test api` builds it first) as a real process.
const MAIN = resolve('dist/apps/api/main.js');

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function run(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function runUntilReady(env: Record<string, string>): Promise<Started> {
  const started = await run(env);
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${started.url}/health`)).ok) return started;
    } catch {
      // not listening yet
    }
    if (started.child.exitCode !== null) break;
    await sleep(50);
  }
  started.child.kill('SIGKILL');
  throw new Error(`server did not start:\n${started.output()}`);
}

describe('the production server process', () => {
  const children: ChildProcess[] = [];
  const dataDir = makeDataDir();
  const track = (started: Started) => (children.push(started.child), started);

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npx nx build api\` first`);
  });

  afterEach(() => {
    closeClients();
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  afterAll(() => removeDataDir(dataDir));

  it('loses nothing acknowledged and invents nothing when killed -9 mid-storm', async () => {
    const server = track(
      await runUntilReady({
        DATA_DIR: dataDir,
        RATE_CLICK_BURST: '100000',
        RATE_MESSAGE_BURST: '100000',
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
        await sleep(1);
      }
    });
    await sleep(600);
    server.child.kill('SIGKILL');
    storming = false;
    await Promise.all(storms);
    await server.exited;
    closeClients();
    expect(ackedCounts.length).toBeGreaterThan(50);

    const restarted = track(
      await runUntilReady({
        DATA_DIR: dataDir,
        RATE_MESSAGE_BURST: '100000',
        RATE_HISTORY_BURST: '1000',
      }),
    );
    const { socket, welcome } = await connected(restarted.url);
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
      sentMessageIds.map((id) => socket.emitWithAck('message', { text: 'retry', id })),
    );
    const after = await socket.emitWithAck('history', { limit: 1 });
    expect(after.ok && after.messages[0].seq).toBeLessThanOrEqual(sentMessageIds.length);
    const all = await Promise.all(
      sentMessageIds.map((id) => socket.emitWithAck('message', { text: 'again', id })),
    );
    const seqs = all.map((r) => (r.ok ? r.message.seq : -1));
    expect(new Set(seqs).size).toBe(sentMessageIds.length);
  }, 60_000);

  it('drains on SIGTERM: in-flight acks complete, sockets close, exit 0 within 10 s', async () => {
    const server = track(await runUntilReady({ DATA_DIR: makeDataDir() }));
    const { socket } = await connected(server.url);
    const inFlight = Array.from({ length: 20 }, () => socket.emitWithAck('click', {}));
    server.child.kill('SIGTERM');
    const startedAt = Date.now();
    const results = await Promise.all(inFlight.map((ack) => ack.catch(() => undefined)));
    expect(results.every((result) => result?.ok)).toBe(true);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });

  it('refuses to start with a clear message when DATA_DIR is unusable', async () => {
    const file = join(makeDataDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const server = track(await run({ DATA_DIR: file }));
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output()).toMatch(/Cannot open the database .*not-a-dir.*Check that DATA_DIR/s);
  });

  it('refuses to start with a clear message when the database file is corrupt', async () => {
    const dir = makeDataDir();
    writeFileSync(join(dir, 'live.sqlite'), 'this is not a database'.repeat(100));
    const server = track(await run({ DATA_DIR: dir }));
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output()).toMatch(
      /Cannot open the database .*live\.sqlite: file is not a database/s,
    );
  });

  it('refuses to start with a clear message for a bad setting', async () => {
    const server = track(await run({ DATA_DIR: dataDir, PORT: 'http' }));
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.output()).toContain('Invalid configuration');
    expect(server.output()).toContain('PORT="http"');
  });
});
