// Soak: the production server under mixed traffic with connection churn for SOAK_MINUTES
// (default 10), on loopback. Reports RSS, heap and event-loop lag at the start and the end,
// and fails (exit 1) if memory or lag grew, or an acked click went missing.
//
//   npm run soak                      # 10 minutes, 200 clients
//   SOAK_MINUTES=1 SOAK_CLIENTS=50 npm run soak
//
// `npm run soak` builds the server and this script first (dist/tools/soak/main.js).
import { setTimeout as sleep } from 'node:timers/promises';
import type { AckResult, Welcome } from '@live/shared-events';
import { startBuiltApi } from '@live/test-support';
import { io } from 'socket.io-client';

const MINUTES = Number(process.env['SOAK_MINUTES'] ?? 10);
const CLIENTS = Number(process.env['SOAK_CLIENTS'] ?? 200);
/** Connections closed and replaced by new ones every second. */
const CHURN_PER_SEC = Number(process.env['SOAK_CHURN'] ?? Math.max(1, Math.round(CLIENTS / 40)));
const SAMPLE_MS = Number(process.env['SOAK_SAMPLE_MS'] ?? 10_000);
/** Samples before this are warm-up (JIT, caches, SQLite pages): the baseline is taken after. */
const WARMUP_MS = Math.min(60_000, (MINUTES * 60_000) / 5);

interface Sample {
  atSec: number;
  rssMB: number;
  heapMB: number;
  lagP99Ms: number;
  lagMeanMs: number;
  sockets: number;
  healthMs: number;
}

const stats = {
  ackedClicks: 0,
  ackedMessages: 0,
  failures: {} as Record<string, number>,
  ackMs: [] as number[],
  connects: 0,
  abandoned: 0,
};
const fail = (code: string) => (stats.failures[code] = (stats.failures[code] ?? 0) + 1);

/** Each simulated person's session token: coming back after churn, they are the same person. */
const sessions = new Map<number, string>();

/** One simulated person: clicks about once a second, types and chats now and then. */
function person(url: string, n: number): { close(): void } {
  const session = sessions.get(n);
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { name: `soak ${n}`, ...(session && { session }) },
  });
  socket.on('welcome', (welcome: { session?: string }) => {
    if (welcome.session) sessions.set(n, welcome.session);
  });
  const timers: NodeJS.Timeout[] = [];
  let closed = false;
  socket.on('connect', () => (stats.connects += 1));
  const timed = (event: string, payload: object, onOk?: () => void) => {
    if (!socket.connected) return;
    const started = performance.now();
    socket.timeout(10_000).emit(event, payload, (err: Error | null, res: AckResult<object>) => {
      // Churn closed this client with the request in flight: its answer was abandoned, not late.
      if (err) return closed ? (stats.abandoned += 1) : fail('TIMEOUT');
      stats.ackMs.push(performance.now() - started);
      if (res.ok) onOk?.();
      else fail(res.error.code);
    });
  };
  const every = (ms: number, action: () => void) => {
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
      for (const timer of timers) clearTimeout(timer);
      socket.close();
    },
  };
}

/** The value of a Prometheus metric in `text` (NaN when absent). */
function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : NaN;
}

async function sample(url: string, t0: number): Promise<Sample> {
  const started = performance.now();
  await (await fetch(`${url}/health`)).arrayBuffer();
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

/** Runs the soak against `url`; resolves with the exit code (1: a problem was found). */
async function soak(url: string): Promise<number> {
  let nextId = 0;
  const people = Array.from({ length: CLIENTS }, () => person(url, nextId++));
  const churn = setInterval(() => {
    for (let i = 0; i < CHURN_PER_SEC; i++) {
      const victim = Math.floor(Math.random() * people.length);
      people[victim].close();
      people[victim] = person(url, nextId++);
    }
  }, 1000);

  const t0 = Date.now();
  const samples: Sample[] = [];
  const end = t0 + MINUTES * 60_000;
  while (Date.now() < end) {
    await sleep(Math.min(SAMPLE_MS, Math.max(0, end - Date.now())));
    const s = await sample(url, t0);
    samples.push(s);
    console.log(
      `${String(s.atSec).padStart(4)} s  rss ${s.rssMB.toFixed(1)} MB  heap ${s.heapMB.toFixed(1)} MB  ` +
        `lag p99 ${s.lagP99Ms.toFixed(1)} ms  sockets ${s.sockets}  /health ${s.healthMs.toFixed(1)} ms`,
    );
  }

  clearInterval(churn);
  for (const p of people) p.close();
  // Let the server settle with no traffic, collect garbage-able memory, and read the count.
  await sleep(2000);
  const check = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  const welcome = await new Promise<Welcome>((done) => check.once('welcome', done));
  check.close();
  const idle = await sample(url, t0);

  const after = samples.filter((s) => s.atSec * 1000 >= WARMUP_MS);
  const first = after[0] ?? samples[0];
  const last = samples.at(-1);
  if (!first || !last) throw new Error('no samples taken: SOAK_MINUTES must be more than 0');
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const window = Math.max(1, Math.floor(after.length / 5));
  const startRss = avg(after.slice(0, window).map((s) => s.rssMB));
  const endRss = avg(after.slice(-window).map((s) => s.rssMB));
  const startLag = avg(after.slice(0, window).map((s) => s.lagP99Ms));
  const endLag = avg(after.slice(-window).map((s) => s.lagP99Ms));
  const sorted = [...stats.ackMs].sort((a, b) => a - b);
  const pct = (p: number) =>
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

  const problems: string[] = [];
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
  return problems.length ? 1 : 0;
}

async function main(): Promise<number> {
  // Its own data directory (removed on stop). Every simulated person comes from one address:
  // the per-address cap and limits allow what that many people from as many addresses would.
  const server = await startBuiltApi({
    env: {
      MAX_CONNECTIONS_PER_IP: String(CLIENTS * 2),
      RATE_CONNECT_BURST: String(CLIENTS * 2),
      RATE_CONNECT_PER_SEC: String(CHURN_PER_SEC * 2),
      RATE_PER_ADDRESS_FACTOR: String(CLIENTS * 2),
    },
    echo: true,
  });
  process.once('SIGINT', () => void server.stop().then(() => process.exit(130)));
  try {
    return await soak(server.url);
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`soak failed: ${String((error as Error)?.stack ?? error)}`);
    process.exit(1);
  },
);
