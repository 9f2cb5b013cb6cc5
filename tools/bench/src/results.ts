import type { ClickDurations, LongTaskShare, MemorySample, Spread, Trend } from './browser-figures';
import { median, medianPoint } from './median-point';
import type { BenchOptions, ReplicaSetup, Target } from './options';
import { pairedCost, type PairedCost } from './paired-cost';
import type { Summary } from './stats';
import type { FloodAttack } from './worker-protocol';

/** One target measured at one client count. */
export interface PointResult {
  target: Target;
  clients: number;
  /** Which round of the main client count (0-based); absent for a median over rounds. */
  round?: number;
  /** The server process was still running at the end. */
  serverUp: boolean;
  error?: string;
  connect?: {
    /** From the order to connect until every client had `connect` / `welcome`. */
    allConnectedMs: number;
    allWelcomedMs: number;
    welcomed: number;
    failed: number;
    errors: string[];
  };
  /** The clients connected and let go before `connect` (--warm-connects), on the fresh server. */
  firstConnects?: { clients: number; allWelcomedMs: number };
  memory?: {
    rssBeforeKiB: number;
    rssAfterKiB: number;
    perConnectionKiB: number;
    /**
     * With --memory-after-gc: the V8 heap in use after a full GC, with the clients connected and
     * once they all left; the difference per connection is what a connection holds.
     */
    liveHeap?: { withClientsBytes: number; withoutBytes: number; perConnectionKiB: number };
  };
  fanout?: {
    clicks: number;
    latency: Summary;
    /** Per click: send → the first client's receipt (the server's turnaround). */
    firstReceipt: Summary;
    /** Per click: first → last client's receipt (how long the broadcast itself takes). */
    spread: Summary;
    delivered: number;
    expected: number;
    serverCpuSeconds: number;
    cpuSecondsPer1000Deliveries: number;
    /** The busiest worker's event-loop utilisation (0..1): near 1, latencies include client lag. */
    loadGeneratorBusy: number;
  };
  chat?: {
    sent: number;
    acked: number;
    latency: Summary;
    ackLatency: Summary;
    delivered: number;
    expected: number;
    loadGeneratorBusy: number;
  };
  storm?: {
    offered: number;
    acked: number;
    ackedPct: number;
    /** Acks received while clicks were still being offered, per second and as % of the offered rate. */
    ackedInWindowPerSec: number;
    ackedInWindowPct: number;
    timedOut: number;
    refused: number;
    firstRefusal?: string;
    ackLatency: Summary;
    deliveries: number;
    deliveriesPerSec: number;
    /** Counter increase caused by the storm, and whether it equals the acked clicks. */
    countDelta: number;
    exact: boolean;
    /** Clients holding the final count shortly after the storm. */
    converged: number;
    serverCpuSeconds: number;
    cpuSecondsPer1000Deliveries: number;
    /** Server CPU over the storm, % of one core. */
    serverCpuPct: number;
    loadGeneratorBusy: number;
  };
}

/** Requests with an ack, as a scenario reports them: their fate and their ack latency. */
export interface AckFigures {
  sent: number;
  acked: number;
  refused: number;
  timedOut: number;
  firstRefusal?: string;
  ackLatency: Summary;
}

/** One target under the flood: one client clicking while another address floods the server. */
export interface FloodPoint {
  target: Target;
  /** Which round (0-based); absent for a median over rounds. */
  round?: number;
  /** The server process was still running at the end. */
  serverUp: boolean;
  error?: string;
  /** Chat messages acked into the history before the victim joined (its welcome carries them). */
  seeded?: number;
  victim?: {
    quiet: AckFigures;
    flood: AckFigures;
    /** flood p99 / quiet p99: how much the flood slowed this client's clicks. */
    p99Ratio: number;
    /** Every click of both phases acked: none refused, none timed out. */
    allAcked: boolean;
  };
  attacker?: FloodAttack;
  /** The decoy process while the attacker flooded it instead of the server (`--flood-at decoy`). */
  decoy?: { cpuPct: number };
  /** The server process while the attacker ran. */
  server?: {
    cpuSeconds: number;
    /** % of one core. */
    cpuPct: number;
    rssBeforeKiB: number;
    rssAfterKiB: number;
  };
}

/** One target in the rooms scenario: many small rooms clicking and chatting at once. */
export interface RoomsPoint {
  target: Target;
  /** Which round (0-based); absent for a median over rounds. */
  round?: number;
  /** The server process was still running at the end. */
  serverUp: boolean;
  error?: string;
  rooms: number;
  /** Clients in all, and how many of them were welcomed. */
  clients: number;
  welcomed: number;
  clicks?: AckFigures;
  messages?: { sent: number; acked: number; delivered: number; expected: number };
  /** `click` and `message` deliveries that came from another room than their receiver's. */
  crossRoom?: { clicks: number; messages: number; none: boolean };
  counts?: {
    /** Rooms whose final count is their start plus every click sent in them, each one acked. */
    exactRooms: number;
    exact: boolean;
    /** Clients holding their room's final count shortly after the clicking. */
    converged: number;
  };
  /** The server process while the load was offered. */
  server?: {
    /** Deliveries (`click` and `message`) clients received meanwhile. */
    deliveries: number;
    cpuSeconds: number;
    /** % of one core. */
    cpuPct: number;
    cpuSecondsPer1000Deliveries: number;
  };
  /** The busiest worker's event-loop utilisation (0..1): near 1, latencies include client lag. */
  loadGeneratorBusy?: number;
}

/** One setup of the replica scenario: many clients clicking with acks, in rooms of a few. */
export interface ReplicaPoint {
  setup: ReplicaSetup;
  /** Which round (0-based); absent for a median over rounds. */
  round?: number;
  /** The server process was still running at the end. */
  serverUp: boolean;
  error?: string;
  /** Clients in all, and how many of them were welcomed. */
  clients: number;
  welcomed: number;
  clicks?: AckFigures;
  /** The rooms' counts, read by a new connection to each before and after the clicks. */
  counts?: {
    /** How much they grew in all. */
    added: number;
    /** They grew by exactly the acked clicks, and every click sent was acked. */
    exact: boolean;
  };
  /** WAIT commands the Redis primary answered during the clicks (the project only). */
  waits?: number;
  /** The processes while the clicks were offered, each in % of one core. */
  cpu?: { serverPct: number; redisPrimaryPct?: number; redisReplicaPct?: number };
  /** The busiest worker's event-loop utilisation (0..1): near 1, latencies include client lag. */
  loadGeneratorBusy?: number;
}

/**
 * The browser scenario (the project only: the baseline serves no page): a real page in
 * headless Chromium, its person clicking the count button once a second while load clients in
 * the same room click once a second each.
 */
export interface BrowserPoint {
  target: Target;
  /** Which round (0-based); absent for a median over rounds. */
  round?: number;
  /** The server process was still running at the end. */
  serverUp: boolean;
  error?: string;
  /** Load clients asked for, and how many of them were welcomed. */
  loadClients: number;
  welcomed: number;
  /** How long the page's person clicked, in s. */
  seconds?: number;
  /** The page's clicks: done by Playwright, failed, seen by the page, acked with a count. */
  clicks?: { clicked: number; failed: number; seen: number; acked: number };
  /**
   * Event Timing, input to the next paint, per click; a click with no entry took under 16 ms
   * and counts as 0 (a percentile of 0 reads "under 16 ms").
   */
  eventTiming?: ClickDurations;
  /** Click → a count at least its own on screen (the next animation frame), per click. */
  painted?: Spread;
  longTasks?: LongTaskShare;
  /** Readings every 10 s, each after a forced garbage collection. */
  memory?: { samples: MemorySample[]; heapMB: Trend; nodes: Trend };
  /** What the browser could observe: 'event', 'first-input', 'longtask'. */
  supported?: string[];
  /** The load clients' clicks meanwhile. */
  load?: AckFigures;
  /** The server process meanwhile, % of one core. */
  serverCpuPct?: number;
  /** The busiest worker's event-loop utilisation (0..1): near 1, the load fell short. */
  loadGeneratorBusy?: number;
}

export interface BenchResult {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; node: string; platform: string };
  options: BenchOptions;
  points: PointResult[];
  floods: FloodPoint[];
  rooms: RoomsPoint[];
  replicas: ReplicaPoint[];
  /** Absent in a result from before the browser scenario. */
  browsers?: BrowserPoint[];
}

/** Every round measured for `target` at `clients`, in round order. */
export function roundsOf(result: BenchResult, target: Target, clients: number): PointResult[] {
  return result.points.filter((p) => p.target === target && p.clients === clients);
}

/** The point for `target` at `clients`, if measured: the median over its rounds when several. */
export function pointOf(
  result: BenchResult,
  target: Target,
  clients: number,
): PointResult | undefined {
  const rounds = roundsOf(result, target, clients);
  return rounds.length ? medianPoint(rounds) : undefined;
}

/** Every round of `target`'s flood, in round order. */
export function floodRoundsOf(result: BenchResult, target: Target): FloodPoint[] {
  return result.floods.filter((f) => f.target === target);
}

/** `target`'s flood, if measured: the median over its rounds when several. */
export function floodOf(result: BenchResult, target: Target): FloodPoint | undefined {
  const rounds = floodRoundsOf(result, target);
  return rounds.length ? medianPoint(rounds) : undefined;
}

/** Every round of `target`'s rooms scenario, in round order. */
export function roomsRoundsOf(result: BenchResult, target: Target): RoomsPoint[] {
  return result.rooms.filter((r) => r.target === target);
}

/** `target`'s rooms scenario, if measured: the median over its rounds when several. */
export function roomsOf(result: BenchResult, target: Target): RoomsPoint | undefined {
  const rounds = roomsRoundsOf(result, target);
  return rounds.length ? medianPoint(rounds) : undefined;
}

/** Every round of the replica scenario's `setup`, in round order. */
export function replicaRoundsOf(result: BenchResult, setup: ReplicaSetup): ReplicaPoint[] {
  return result.replicas.filter((r) => r.setup === setup);
}

/** The replica scenario's `setup`, if measured: the median over its rounds when several. */
export function replicaOf(result: BenchResult, setup: ReplicaSetup): ReplicaPoint | undefined {
  const rounds = replicaRoundsOf(result, setup);
  return rounds.length ? medianPoint(rounds) : undefined;
}

/** What acking after a replica costs in one figure: with a replica against without, by round. */
export function replicaCost(
  result: BenchResult,
  pick: (point: ReplicaPoint) => number | undefined,
): PairedCost {
  return pairedCost(
    replicaRoundsOf(result, 'with-replica'),
    replicaRoundsOf(result, 'without-replica'),
    pick,
  );
}

/**
 * project / baseline for one figure at `clients`, per round (the two servers measured one
 * after the other in the same round), and their median: the ratio to quote.
 */
export function roundRatios(
  result: BenchResult,
  clients: number,
  pick: (point: PointResult) => number | undefined,
): { perRound: number[]; median: number } {
  return pairedRatios(
    roundsOf(result, 'project', clients),
    roundsOf(result, 'baseline', clients),
    pick,
  );
}

/** `roundRatios` for a figure of the flood. */
export function floodRatios(
  result: BenchResult,
  pick: (flood: FloodPoint) => number | undefined,
): { perRound: number[]; median: number } {
  return pairedRatios(floodRoundsOf(result, 'project'), floodRoundsOf(result, 'baseline'), pick);
}

/** `roundRatios` for a figure of the rooms scenario. */
export function roomsRatios(
  result: BenchResult,
  pick: (rooms: RoomsPoint) => number | undefined,
): { perRound: number[]; median: number } {
  return pairedRatios(roomsRoundsOf(result, 'project'), roomsRoundsOf(result, 'baseline'), pick);
}

/** Each project round's figure over the same round's baseline, and the median of those. */
function pairedRatios<T extends { round?: number }>(
  project: readonly T[],
  baseline: readonly T[],
  pick: (point: T) => number | undefined,
): { perRound: number[]; median: number } {
  const perRound = project.flatMap((p) => {
    const b = baseline.find((x) => x.round === p.round);
    const pv = pick(p);
    const bv = b && pick(b);
    return pv === undefined || bv === undefined || !(bv > 0) || Number.isNaN(pv) ? [] : [pv / bv];
  });
  return { perRound, median: median(perRound) };
}

/** Every round of the browser scenario, in round order. */
export function browserRoundsOf(result: BenchResult): BrowserPoint[] {
  return result.browsers ?? [];
}

/** The browser scenario, if measured: the median over its rounds when several. */
export function browserOf(result: BenchResult): BrowserPoint | undefined {
  const rounds = browserRoundsOf(result);
  return rounds.length ? medianPoint(rounds) : undefined;
}
