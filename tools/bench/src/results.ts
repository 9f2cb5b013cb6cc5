import type { BenchOptions, Target } from './options';
import type { Summary } from './stats';

/** One target measured at one client count. */
export interface PointResult {
  target: Target;
  clients: number;
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
  memory?: { rssBeforeKiB: number; rssAfterKiB: number; perConnectionKiB: number };
  fanout?: {
    clicks: number;
    latency: Summary;
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

export interface BenchResult {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; node: string; platform: string };
  options: BenchOptions;
  points: PointResult[];
}

/** The point for `target` at `clients`, if measured. */
export function pointOf(
  result: BenchResult,
  target: Target,
  clients: number,
): PointResult | undefined {
  return result.points.find((p) => p.target === target && p.clients === clients);
}
