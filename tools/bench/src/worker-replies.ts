import type { WorkerPool } from './pool';
import type { AckFigures } from './results';
import { summarize } from './stats';
import type { AckSeries, Collected, ConnectResult } from './worker-protocol';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every worker's `collect` as one: totals summed, lists joined, the busiest worker's busy. */
export function mergeCollected(parts: Collected[]): Collected {
  return {
    clickDeliveries: parts.reduce((n, p) => n + p.clickDeliveries, 0),
    messageDeliveries: parts.reduce((n, p) => n + p.messageDeliveries, 0),
    messageLatencyMs: parts.flatMap((p) => p.messageLatencyMs),
    lastCounts: parts.flatMap((p) => p.lastCounts),
    clients: parts.flatMap((p) => p.clients),
    busy: Math.max(...parts.map((p) => p.busy)),
  };
}

/**
 * Connects clients 0…n−1 to `url` over the workers (in rooms of `roomClients`, when given).
 * Resolves with how many were welcomed and, unless all were, the error that says so (with the
 * first client's own).
 */
export async function connectClients(
  pool: WorkerPool,
  {
    url,
    n,
    timeoutMs,
    roomClients,
  }: { url: string; n: number; timeoutMs: number; roomClients?: number },
): Promise<{ welcomed: number; shortfall?: Error }> {
  const parts = await pool.all<ConnectResult>((w) => ({
    cmd: 'connect',
    url,
    indices: pool.indicesOf(w, n),
    timeoutMs,
    roomClients,
  }));
  const welcomed = parts.reduce((sum, part) => sum + part.welcomed, 0);
  if (welcomed === n) return { welcomed };
  const why = parts.flatMap((part) => part.errors)[0];
  return {
    welcomed,
    shortfall: new Error(`only ${welcomed}/${n} clients welcomed${why ? `: ${why}` : ''}`),
  };
}

/** Every worker's sends and acks as one series. */
export function mergeSeries(parts: AckSeries[]): AckSeries {
  return {
    sent: parts.reduce((n, p) => n + p.sent, 0),
    acked: parts.reduce((n, p) => n + p.acked, 0),
    ackedInWindow: parts.reduce((n, p) => n + p.ackedInWindow, 0),
    timedOut: parts.reduce((n, p) => n + p.timedOut, 0),
    refused: parts.reduce((n, p) => n + p.refused, 0),
    ackLatencyMs: parts.flatMap((p) => p.ackLatencyMs),
    firstRefusal: parts.find((p) => p.firstRefusal)?.firstRefusal,
  };
}

/** A series' figures as the results keep them: counts, the first refusal, the ack latency. */
export function ackFigures(series: AckSeries): AckFigures {
  const { sent, acked, refused, timedOut, firstRefusal, ackLatencyMs } = series;
  return { sent, acked, refused, timedOut, firstRefusal, ackLatency: summarize(ackLatencyMs) };
}

/** Polls the workers until `done` holds for their merged counters, or `timeoutMs` passes. */
export async function settle(
  pool: WorkerPool,
  done: (c: Collected) => boolean,
  timeoutMs: number,
): Promise<Collected> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const collected = mergeCollected(await pool.all<Collected>({ cmd: 'collect' }));
    if (done(collected) || Date.now() > deadline) return collected;
    await sleep(100);
  }
}
