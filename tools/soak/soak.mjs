// Soak: the production server under mixed traffic with connection churn for SOAK_MINUTES
// (default 10), on loopback. Reports RSS, heap and event-loop lag at the start and the end,
// and fails (exit 1) if memory or lag grew, or an acked click went missing.
//
//   npm run soak                      # 10 minutes, 200 clients
//   SOAK_MINUTES=1 SOAK_CLIENTS=50 npm run soak
//
// Needs the built server (`nx build api`; `npm run soak` builds it first).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io } from 'socket.io-client';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 200);
/** Connections closed and replaced by new ones every second. */
const CHURN_PER_SEC = Number(process.env.SOAK_CHURN ?? Math.max(1, Math.round(CLIENTS / 40)));
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_MS ?? 10_000);
/** Samples before this are warm-up (JIT, caches, SQLite pages): the baseline is taken after. */
const WARMUP_MS = Math.min(60_000, (MINUTES * 60_000) / 5);
const MAIN = resolve('dist/apps/api/main.js');

/** @param {number} ms */
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
/** @returns {Promise<number>} */
const freePort = () =>
  new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      // A TCP listener's address is always an AddressInfo (a string is for pipes).
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => done(port));
    });
  });

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'live-soak-'));
const server = spawn(process.execPath, [MAIN], {
  env: {
    ...process.env,
    NODE_OPTIONS: '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    MAX_CONNECTIONS_PER_IP: String(CLIENTS * 2),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', () => {
  stop();
  rmSync(dataDir, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${url}/health`)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 200 || server.exitCode !== null) throw new Error('the server did not start');
  await sleep(100);
}

const stats = {
  ackedClicks: 0,
  ackedMessages: 0,
  failures: /** @type {Record<string, number>} */ ({}),
  ackMs: /** @type {number[]} */ ([]),
  connects: 0,
  abandoned: 0,
};
/** @param {string} code */
const fail = (code) => (stats.failures[code] = (stats.failures[code] ?? 0) + 1);

/**
 * What the server acks every request with (AckResult in libs/shared-events), as far as read here.
 * @typedef {{ ok: true } | { ok: false, error: { code: string } }} Ack
 */

/**
 * One simulated person: clicks about once a second, types and chats now and then.
 * @param {number} n
 */
function person(n) {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { name: `soak ${n}` },
  });
  /** @type {NodeJS.Timeout[]} */
  const timers = [];
  let closed = false;
  socket.on('connect', () => (stats.connects += 1));
  /**
   * @param {string} event
   * @param {object} payload
   * @param {() => void} [onOk]
   */
  const timed = (event, payload, onOk) => {
    if (!socket.connected) return;
    const started = performance.now();
    socket
      .timeout(10_000)
      .emit(event, payload, (/** @type {Error | null} */ err, /** @type {Ack} */ res) => {
        // Churn closed this client with the request in flight: its answer was abandoned, not late.
        if (err) return closed ? (stats.abandoned += 1) : fail('TIMEOUT');
        stats.ackMs.push(performance.now() - started);
        if (res.ok) onOk?.();
        else fail(res.error.code);
      });
  };
  /**
   * @param {number} ms
   * @param {() => void} action
   */
  const every = (ms, action) => {
    const jitter = Math.random() * ms;
    timers.push(setTimeout(() => timers.push(setInterval(action, ms)), jitter));
  };
  every(1000, () => timed('click', {}, () => (stats.ackedClicks += 1)));
  every(15_000, () => {
    if (socket.connected) socket.emit('typing', true);
    timed(
      'message',
      { text: `hello from ${n} at ${Date.now()}`, id: `soak-${n}-${Date.now()}` },
      () => (stats.ackedMessages += 1),
    );
  });
  every(30_000, () => timed('history', { limit: 50 }));
  return {
    close() {
      closed = true;
      for (const t of timers) {
        clearTimeout(t);
        clearInterval(t);
      }
      socket.close();
    },
  };
}

let nextId = 0;
const people = Array.from({ length: CLIENTS }, () => person(nextId++));
const churn = setInterval(() => {
  for (let i = 0; i < CHURN_PER_SEC; i++) {
    const victim = Math.floor(Math.random() * people.length);
    people[victim].close();
    people[victim] = person(nextId++);
  }
}, 1000);

/**
 * @param {string} text
 * @param {string} name
 */
const metric = (text, name) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : NaN;
};

async function sample() {
  const started = performance.now();
  await fetch(`${url}/health`);
  const healthMs = performance.now() - started;
  const text = await (await fetch(`${url}/metrics`)).text();
  return {
    atSec: Math.round((Date.now() - t0) / 1000),
    rssMB: metric(text, 'process_resident_memory_bytes') / 2 ** 20,
    heapMB: metric(text, 'nodejs_heap_size_used_bytes') / 2 ** 20,
    lagP99Ms: metric(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    lagMeanMs: metric(text, 'nodejs_eventloop_lag_mean_seconds') * 1000,
    sockets: metric(text, 'live_connected_sockets'),
    healthMs,
  };
}

const t0 = Date.now();
const samples = [];
const end = t0 + MINUTES * 60_000;
while (Date.now() < end) {
  await sleep(Math.min(SAMPLE_MS, Math.max(0, end - Date.now())));
  const s = await sample();
  samples.push(s);
  console.log(
    `${String(s.atSec).padStart(4)} s  rss ${s.rssMB.toFixed(1)} MB  heap ${s.heapMB.toFixed(1)} MB  ` +
      `lag p99 ${s.lagP99Ms.toFixed(1)} ms  sockets ${s.sockets}  /health ${s.healthMs.toFixed(1)} ms`,
  );
}

clearInterval(churn);
for (const p of people) p.close();
await sleep(2000);
// Let the server settle with no traffic, collect garbage-able memory, and read the count.
const check = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
/** @type {{ count: number }} */
const welcome = await new Promise((done) => check.once('welcome', done));
check.close();
const idle = await sample();
stop();

const after = samples.filter((s) => s.atSec * 1000 >= WARMUP_MS);
const first = after[0] ?? samples[0];
const last = samples.at(-1);
if (!last) throw new Error('no samples taken: SOAK_MINUTES must be more than 0');
/** @param {number[]} xs */
const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const window = Math.max(1, Math.floor(after.length / 5));
const startRss = avg(after.slice(0, window).map((s) => s.rssMB));
const endRss = avg(after.slice(-window).map((s) => s.rssMB));
const startLag = avg(after.slice(0, window).map((s) => s.lagP99Ms));
const endLag = avg(after.slice(-window).map((s) => s.lagP99Ms));
const sorted = [...stats.ackMs].sort((a, b) => a - b);
/** @param {number} p */
const pct = (p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const result = {
  minutes: MINUTES,
  clients: CLIENTS,
  churnPerSec: CHURN_PER_SEC,
  connections: stats.connects,
  ackedClicks: stats.ackedClicks,
  finalCount: welcome.count,
  ackedMessages: stats.ackedMessages,
  abandonedByChurn: stats.abandoned,
  failures: stats.failures,
  ackP50Ms: +pct(50).toFixed(2),
  ackP99Ms: +pct(99).toFixed(2),
  rssStartMB: +startRss.toFixed(1),
  rssEndMB: +endRss.toFixed(1),
  rssMaxMB: +Math.max(...after.map((s) => s.rssMB)).toFixed(1),
  rssIdleAfterMB: +idle.rssMB.toFixed(1),
  heapStartMB: +first.heapMB.toFixed(1),
  heapEndMB: +last.heapMB.toFixed(1),
  lagP99StartMs: +startLag.toFixed(1),
  lagP99EndMs: +endLag.toFixed(1),
  lagP99MaxMs: +Math.max(...after.map((s) => s.lagP99Ms)).toFixed(1),
  healthMaxMs: +Math.max(...samples.map((s) => s.healthMs)).toFixed(1),
};
console.log(JSON.stringify(result, null, 2));

const problems = [];
// Generous bounds: flat means no trend, not identical figures.
if (endRss > startRss * 1.25 + 10)
  problems.push(`RSS grew from ${startRss.toFixed(1)} to ${endRss.toFixed(1)} MB`);
if (endLag > Math.max(startLag * 2, startLag + 20))
  problems.push(`event-loop lag grew from ${startLag.toFixed(1)} to ${endLag.toFixed(1)} ms`);
if (welcome.count < stats.ackedClicks)
  problems.push(`count ${welcome.count} < acked clicks ${stats.ackedClicks}`);
const failed = Object.entries(stats.failures).filter(([code]) => code !== 'RATE_LIMITED');
if (failed.length) problems.push(`failures: ${JSON.stringify(Object.fromEntries(failed))}`);
console.log(
  problems.length
    ? `SOAK FAILED: ${problems.join('; ')}`
    : 'SOAK PASSED: memory and lag flat, nothing lost',
);
process.exit(problems.length ? 1 : 0);
