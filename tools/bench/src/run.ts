import { cpus } from 'node:os';
import { eventually, freePort, type ServerProcess } from '@live/test-support';
import type { Socket } from 'socket.io-client';
import { runBrowser } from './browser';
import { runFlood } from './flood';
import { liveHeapBytes, openInspector } from './full-gc';
import {
  LOAD_SCENARIOS,
  type BenchOptions,
  type LoadScenario,
  type ReplicaSetup,
  type Target,
} from './options';
import { WorkerPool } from './pool';
import { countOpenFds, isRunning, readCpuSeconds, readRssKiB } from './proc';
import { connectProbe } from './probe';
import { runReplica } from './replica';
import type {
  BenchResult,
  BrowserPoint,
  FloodPoint,
  PointResult,
  ReplicaPoint,
  RoomsPoint,
} from './results';
import { runRooms } from './rooms';
import { startServer } from './servers';
import { nowNs, nsToMs, summarize } from './stats';
import type {
  AckSeries,
  ClicksResult,
  Collected,
  ConnectResult,
  FanoutLatencies,
} from './worker-protocol';
import { mergeCollected, mergeSeries, settle } from './worker-replies';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reports what the bench is doing; `detail` is polled for a live figure. */
export type ProgressSink = (line: string) => void;

async function probeClick(probe: Socket, timeoutMs: number): Promise<number> {
  const result = (await probe.timeout(timeoutMs).emitWithAck('click')) as {
    ok: boolean;
    count: number;
  };
  if (!result.ok) throw new Error(`probe click refused: ${JSON.stringify(result)}`);
  return result.count;
}

class PointRun {
  constructor(
    private readonly options: BenchOptions,
    private readonly pool: WorkerPool,
    private readonly server: ServerProcess,
    private readonly probe: Socket,
    private readonly point: PointResult,
    private readonly say: (phase: string, live?: () => string) => void,
    /** Set: the server's inspector opens there, for the live heap after a full GC. */
    private readonly inspectPort?: number,
  ) {}

  private liveHeapWithClients: number | undefined;
  /** The server's open descriptors before the measured clients came: all gone again, they left. */
  private fdsBefore = 0;

  private get n(): number {
    return this.point.clients;
  }

  /** Connects clients `from` to `to` - 1 at once; the times are from when they were told to. */
  private async burst(from: number, to: number): Promise<NonNullable<PointResult['connect']>> {
    const t0 = nowNs();
    const parts = await this.pool.all<ConnectResult>((w) => ({
      cmd: 'connect',
      url: this.server.url,
      indices: this.pool.indicesOf(w, to, from),
      timeoutMs: this.options.connectTimeoutMs,
    }));
    return {
      allConnectedMs: nsToMs(Math.max(...parts.map((p) => p.lastConnectNs)) - t0),
      allWelcomedMs: nsToMs(Math.max(...parts.map((p) => p.lastWelcomeNs)) - t0),
      welcomed: parts.reduce((n, p) => n + p.welcomed, 0),
      failed: parts.reduce((n, p) => n + p.failed, 0),
      errors: parts.flatMap((p) => p.errors).slice(0, 5),
    };
  }

  /**
   * The fresh server's first connections, let go again: their one-time costs are the process's,
   * not a connection's. Named apart from the measured clients, whose names they must not hold.
   */
  private async warmConnects(): Promise<void> {
    const warm = this.options.warmConnects;
    if (warm === 0) return;
    this.say(`connecting ${warm} clients first`);
    const { welcomed, allWelcomedMs } = await this.burst(this.n, this.n + warm);
    if (welcomed !== warm) throw new Error(`only ${welcomed}/${warm} first clients welcomed`);
    this.point.firstConnects = { clients: warm, allWelcomedMs };
    await this.pool.all({ cmd: 'disconnect' });
    await sleep(this.options.settleMs);
  }

  async connect(): Promise<boolean> {
    await this.warmConnects();
    // Open before the descriptors are counted: its listening socket is one of them.
    if (this.inspectPort !== undefined) await openInspector(this.server.pid, this.inspectPort);
    const rssBeforeKiB = readRssKiB(this.server.pid);
    this.fdsBefore = countOpenFds(this.server.pid);
    this.say(`connecting ${this.n} clients`);
    this.point.connect = await this.burst(0, this.n);
    // Let the connection burst's garbage and buffers settle before reading memory.
    this.say('measuring memory');
    await sleep(this.options.settleMs);
    const rssAfterKiB = readRssKiB(this.server.pid);
    this.point.memory = {
      rssBeforeKiB,
      rssAfterKiB,
      perConnectionKiB: (rssAfterKiB - rssBeforeKiB) / this.n,
    };
    if (this.inspectPort !== undefined) {
      // What the connections hold, without the burst's garbage; the figure per connection comes
      // once they are gone again (liveHeapWithout).
      this.say('measuring the live heap');
      this.liveHeapWithClients = await liveHeapBytes(this.server.pid, this.inspectPort);
    }
    return this.point.connect.welcomed === this.n;
  }

  /** Once every client left: the live heap they held, per connection. */
  async liveHeapWithout(): Promise<void> {
    const { memory } = this.point;
    if (this.inspectPort === undefined || this.liveHeapWithClients === undefined || !memory) return;
    // A server takes a while to let ten thousand go (the project records each departure).
    this.say('waiting for every connection to close');
    await eventually(() => countOpenFds(this.server.pid) <= this.fdsBefore, {
      timeoutMs: this.options.connectTimeoutMs,
      intervalMs: 100,
    });
    await sleep(this.options.settleMs);
    const withoutBytes = await liveHeapBytes(this.server.pid, this.inspectPort);
    memory.liveHeap = {
      withClientsBytes: this.liveHeapWithClients,
      withoutBytes,
      perConnectionKiB: (this.liveHeapWithClients - withoutBytes) / 1024 / this.n,
    };
  }

  /** Untimed: the clicks and messages that take both servers' hot paths past the JIT's cold start. */
  async warmUp(): Promise<void> {
    const { warmup, fanoutIntervalMs, ackTimeoutMs } = this.options;
    if (warmup === 0) return;
    this.say(`warming up: ${warmup} clicks and messages`);
    const clicker = 0;
    const worker = this.pool.workerOf(clicker);
    await this.pool.send(worker, {
      cmd: 'clicks',
      index: clicker,
      count: warmup,
      intervalMs: fanoutIntervalMs,
      ackTimeoutMs,
    });
    await this.pool.send(worker, {
      cmd: 'chat',
      senders: [clicker],
      rate: 1000 / fanoutIntervalMs,
      durationMs: warmup * fanoutIntervalMs,
      ackTimeoutMs,
    });
    // The last broadcasts reach every client before anything is timed.
    await sleep(fanoutIntervalMs);
  }

  async fanout(): Promise<void> {
    const { fanoutClicks, fanoutIntervalMs, ackTimeoutMs } = this.options;
    this.say(`fanout: ${fanoutClicks} clicks at ${fanoutIntervalMs} ms`);
    await this.pool.all({ cmd: 'record', mode: 'click-times' });
    const cpu0 = readCpuSeconds(this.server.pid);
    const clicker = 0;
    const clicks = await this.pool.send<ClicksResult>(this.pool.workerOf(clicker), {
      cmd: 'clicks',
      index: clicker,
      count: fanoutClicks,
      intervalMs: fanoutIntervalMs,
      ackTimeoutMs,
    });
    const expected = clicks.sends.length * this.n;
    const last = Math.max(...clicks.sends.map(([count]) => count));
    // Done when every client holds the last click's count (coalescing may merge broadcasts).
    const collected = await settle(this.pool, (c) => c.lastCounts.every((n) => n >= last), 5000);
    const serverCpuSeconds = readCpuSeconds(this.server.pid) - cpu0;
    const sentNsByCount = Object.fromEntries(
      clicks.sends.map(([count, sentNs]) => [String(count), sentNs]),
    );
    const parts = await this.pool.all<FanoutLatencies>({ cmd: 'fanoutLatencies', sentNsByCount });
    const latencies = parts.flatMap((p) => p.latencyMs);
    // Per click: the first receipt anywhere (the server's turnaround) and how long after it the
    // last client had it (the broadcast's own duration).
    const firstMs = parts[0].firstMs.map((_, i) => Math.min(...parts.map((p) => p.firstMs[i])));
    const spreadMs = firstMs.map((first, i) => Math.max(...parts.map((p) => p.lastMs[i])) - first);
    await this.pool.all({ cmd: 'record', mode: 'off' });
    this.point.fanout = {
      clicks: clicks.sent,
      latency: summarize(latencies),
      firstReceipt: summarize(firstMs.filter((v) => !Number.isNaN(v))),
      spread: summarize(spreadMs.filter((v) => !Number.isNaN(v))),
      delivered: latencies.length,
      expected,
      serverCpuSeconds,
      cpuSecondsPer1000Deliveries: serverCpuSeconds / (collected.clickDeliveries / 1000),
      loadGeneratorBusy: collected.busy,
    };
  }

  async chat(): Promise<void> {
    const { chatSenders, chatRate, chatSeconds, ackTimeoutMs } = this.options;
    const senders = Array.from({ length: Math.min(chatSenders, this.n) }, (_, i) => i);
    this.say(`chat: ${senders.length} senders × ${chatRate} msg/s for ${chatSeconds} s`);
    await this.pool.all({ cmd: 'record', mode: 'message-latency' });
    const series = mergeSeries(
      await this.pool.all<AckSeries>((w) => ({
        cmd: 'chat',
        senders: senders.filter((i) => this.pool.workerOf(i) === w),
        rate: chatRate,
        durationMs: chatSeconds * 1000,
        ackTimeoutMs,
      })),
    );
    const expected = series.acked * this.n;
    const collected = await settle(this.pool, (c) => c.messageDeliveries >= expected, 5000);
    await this.pool.all({ cmd: 'record', mode: 'off' });
    this.point.chat = {
      sent: series.sent,
      acked: series.acked,
      latency: summarize(collected.messageLatencyMs),
      ackLatency: summarize(series.ackLatencyMs),
      delivered: collected.messageDeliveries,
      expected,
      loadGeneratorBusy: collected.busy,
    };
  }

  async storm(): Promise<void> {
    const { stormRate, stormSeconds, ackTimeoutMs } = this.options;
    const before = await probeClick(this.probe, 60_000);
    await this.pool.all({ cmd: 'record', mode: 'click-count' });
    const cpu0 = readCpuSeconds(this.server.pid);
    const t0 = nowNs();
    const offered = Math.max(1, Math.round(stormSeconds * stormRate)) * this.n;
    this.say(`storm: ${this.n} clients × ${stormRate} click/s for ${stormSeconds} s`, () => {
      const sum = this.pool.progress.reduce(
        (s, p) => ({
          sent: s.sent + p.sent,
          acked: s.acked + p.acked,
          deliveries: s.deliveries + p.deliveries,
        }),
        { sent: 0, acked: 0, deliveries: 0 },
      );
      return `sent ${sum.sent}/${offered} acked ${sum.acked} deliveries ${sum.deliveries}`;
    });
    const series = mergeSeries(
      await this.pool.all<AckSeries>({
        cmd: 'storm',
        rate: stormRate,
        durationMs: stormSeconds * 1000,
        ackTimeoutMs,
      }),
    );
    const elapsedS = nsToMs(nowNs() - t0) / 1000;
    const stormCollected = mergeCollected(await this.pool.all<Collected>({ cmd: 'collect' }));
    const serverCpuSeconds = readCpuSeconds(this.server.pid) - cpu0;
    this.say('storm: reading the final count');
    // A fresh probe: an overloaded server may have dropped the first one (ping timeout).
    this.probe.disconnect();
    const probe = await connectProbe(this.server.url, { timeoutMs: 120_000 });
    const after = await probeClick(probe, 120_000);
    probe.disconnect();
    // Every client must converge on the final count (the probe's click is broadcast too).
    const collected = await settle(this.pool, (c) => c.lastCounts.every((n) => n === after), 3000);
    await this.pool.all({ cmd: 'record', mode: 'off' });
    const countDelta = after - before - 1;
    this.point.storm = {
      offered,
      acked: series.acked,
      ackedPct: (100 * series.acked) / offered,
      ackedInWindowPerSec: series.ackedInWindow / stormSeconds,
      ackedInWindowPct: (100 * series.ackedInWindow) / offered,
      timedOut: series.timedOut,
      refused: series.refused,
      firstRefusal: series.firstRefusal,
      ackLatency: summarize(series.ackLatencyMs),
      deliveries: stormCollected.clickDeliveries,
      deliveriesPerSec: stormCollected.clickDeliveries / elapsedS,
      countDelta,
      exact:
        countDelta === series.acked && series.acked === offered - series.refused - series.timedOut,
      converged: collected.lastCounts.filter((n) => n === after).length,
      serverCpuSeconds,
      cpuSecondsPer1000Deliveries: serverCpuSeconds / (stormCollected.clickDeliveries / 1000),
      serverCpuPct: (100 * serverCpuSeconds) / elapsedS,
      loadGeneratorBusy: stormCollected.busy,
    };
  }
}

/** Measures one target at one client count on a fresh server; always stops what it started. */
async function runPoint(
  options: BenchOptions,
  pool: WorkerPool,
  target: Target,
  clients: number,
  round: number,
  scenarios: LoadScenario[],
  say: (phase: string, live?: () => string) => void,
): Promise<PointResult> {
  const point: PointResult = { target, clients, round, serverUp: false };
  say('starting server');
  const inspectPort = options.memoryAfterGc ? await freePort() : undefined;
  const server = await startServer(target, {
    api: options.api,
    profileDir: options.profileDir,
    inspectPort,
  });
  let probe: Socket | undefined;
  let run: PointRun | undefined;
  try {
    probe = await connectProbe(server.url);
    await sleep(options.settleMs / 3);
    run = new PointRun(options, pool, server, probe, point, say, inspectPort);
    const allWelcomed = await run.connect();
    if (!allWelcomed)
      throw new Error(`only ${point.connect?.welcomed}/${clients} clients welcomed`);
    if (scenarios.some((s) => s !== 'connect')) await run.warmUp();
    if (scenarios.includes('fanout')) await run.fanout();
    if (scenarios.includes('chat')) await run.chat();
    // Last: the baseline may still be draining the storm's backlog long after it.
    if (scenarios.includes('storm')) await run.storm();
  } catch (error) {
    point.error = (error as Error).message;
  } finally {
    point.serverUp = isRunning(server.pid);
    say('disconnecting');
    probe?.disconnect();
    await pool.all({ cmd: 'disconnect' }).catch(() => undefined);
    await run?.liveHeapWithout().catch((error: unknown) => {
      point.error ??= `live heap: ${(error as Error).message}`;
    });
    await server.stop();
  }
  return point;
}

/**
 * One server's run: the load scenarios at a client count, the rooms scenario, the flood, one
 * setup of the replica scenario, or the browser scenario (the project only).
 */
export type Step =
  | { kind: 'load'; target: Target; clients: number; round: number; scenarios: LoadScenario[] }
  | { kind: 'rooms'; target: Target; round: number }
  | { kind: 'flood'; target: Target; round: number }
  | { kind: 'replica'; setup: ReplicaSetup; round: number }
  | { kind: 'browser'; target: 'project'; round: number };

/**
 * The replica scenario's setups: the project on a primary with a replica and on one alone, and
 * the baseline for reference, as far as `targets` asks for them.
 */
function replicaSetups(targets: readonly Target[]): ReplicaSetup[] {
  return [
    ...(targets.includes('project') ? (['with-replica', 'without-replica'] as const) : []),
    ...(targets.includes('baseline') ? (['baseline'] as const) : []),
  ];
}

/**
 * What runs, in order: one entry per target, client count and round; with the rooms scenario,
 * the flood, the replica scenario and the browser scenario, each round goes on with the rooms
 * of each target, then a flood of each, then each replica setup, then the browser on the
 * project (the baseline serves no page), on servers of their own.
 */
export function plan(
  options: Pick<BenchOptions, 'clients' | 'sweep' | 'rounds' | 'targets' | 'scenarios'>,
): Step[] {
  const { clients, rounds, targets } = options;
  const scenarios = options.scenarios.filter((s): s is LoadScenario =>
    LOAD_SCENARIOS.includes(s as LoadScenario),
  );
  const rooms = options.scenarios.includes('rooms');
  const flood = options.scenarios.includes('flood');
  const replica = options.scenarios.includes('replica') ? replicaSetups(targets) : [];
  const browser = options.scenarios.includes('browser') && targets.includes('project');
  const mainRounds = Array.from({ length: rounds }, (_, round) => {
    // Alternating which server goes first cancels a machine that gets busier or quieter.
    const order = round % 2 ? [...targets].reverse() : targets;
    const replicaOrder = round % 2 ? [...replica].reverse() : replica;
    return [
      ...(scenarios.length
        ? order.map((target): Step => ({ kind: 'load', target, clients, round, scenarios }))
        : []),
      ...(rooms ? order.map((target): Step => ({ kind: 'rooms', target, round })) : []),
      ...(flood ? order.map((target): Step => ({ kind: 'flood', target, round })) : []),
      ...replicaOrder.map((setup): Step => ({ kind: 'replica', setup, round })),
      ...(browser ? [{ kind: 'browser', target: 'project', round } as const] : []),
    ];
  }).flat();
  // The rooms, the flood, the replica and the browser alone connect no clients at the sweep's
  // counts: nothing to sweep.
  if (!scenarios.length) return mainRounds;
  const counts = [...new Set([...options.sweep, clients])].sort((a, b) => a - b);
  return counts.flatMap((count) => {
    if (count === clients) return mainRounds;
    const sweepScenarios = scenarios.filter((s) => s === 'connect' || s === 'fanout');
    return targets.map((target): Step => ({
      kind: 'load',
      target,
      clients: count,
      round: 0,
      scenarios: sweepScenarios,
    }));
  });
}

/**
 * Runs every point, each on a fresh server: the full scenario set at `clients` for each round,
 * connect/memory/fanout once at each sweep count, and the rooms, the flood, the replica and
 * the browser scenario when asked for.
 */
export async function runBench(
  options: BenchOptions,
  progress: ProgressSink = () => undefined,
): Promise<BenchResult> {
  const startedAt = new Date();
  const steps = plan(options);
  const pool = new WorkerPool(options.workers);
  const points: PointResult[] = [];
  const floods: FloodPoint[] = [];
  const rooms: RoomsPoint[] = [];
  const replicas: ReplicaPoint[] = [];
  const browsers: BrowserPoint[] = [];
  const t0 = Date.now();
  let phase = '';
  let live: (() => string) | undefined;
  const render = () => {
    const done = points.length + rooms.length + floods.length + replicas.length + browsers.length;
    const label = `[${done + 1}/${steps.length}] ${phase}`;
    progress(
      `${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s ${label}${live ? ` — ${live()}` : ''}`,
    );
  };
  const ticker = setInterval(render, 500);
  try {
    for (const step of steps) {
      const { round } = step;
      const inRounds =
        options.rounds > 1 && (step.kind !== 'load' || step.clients === options.clients);
      const who = step.kind === 'replica' ? step.setup : step.target;
      const where = step.kind === 'load' ? `n=${step.clients}` : step.kind;
      const say = (what: string, detail?: () => string) => {
        phase = `${who} ${where}${inRounds ? ` round ${round + 1}/${options.rounds}` : ''}: ${what}`;
        live = detail;
        render();
      };
      if (step.kind === 'browser') browsers.push(await runBrowser(options, pool, round, say));
      else if (step.kind === 'replica')
        replicas.push(await runReplica(options, pool, step.setup, round, say));
      else if (step.kind === 'flood')
        floods.push(await runFlood(options, pool, step.target, round, say));
      else if (step.kind === 'rooms')
        rooms.push(await runRooms(options, pool, step.target, round, say));
      else
        points.push(
          await runPoint(options, pool, step.target, step.clients, round, step.scenarios, say),
        );
    }
  } finally {
    clearInterval(ticker);
    pool.close();
  }
  return {
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - t0) / 1000,
    machine: {
      cpus: cpus().length,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    options,
    points,
    floods,
    rooms,
    replicas,
    browsers,
  };
}
