import type { Socket } from 'socket.io-client';
import { nowNs, nsToMs } from './stats';
import type { AckSeries } from './worker-protocol';

/** A send with an ack; `socket` already carries the ack timeout. */
export type AckedSend = (
  socket: Socket,
  index: number,
  seq: number,
  ack: (error: Error | null, result?: unknown) => void,
) => void;

export interface Offer {
  /** The clients that send, each with its global index. */
  clients: readonly (readonly [index: number, socket: Socket])[];
  /** Sends per second per client. */
  rate: number;
  durationMs: number;
  ackTimeoutMs: number;
  send: AckedSend;
  /** Called for each acked send, in ack order, with the sending client's index. */
  onAck?: (result: unknown, sentNs: number, index: number) => void;
  /** Running totals for a progress line, bumped as sends go out and acks come back. */
  live?: { sent: number; acked: number };
}

/**
 * Each client sends `rate` times a second for `durationMs` (first send at a random phase so the
 * load is even), with an ack timeout; resolves when every send has settled.
 */
export function offer({
  clients,
  rate,
  durationMs,
  ackTimeoutMs,
  send,
  onAck,
  live = { sent: 0, acked: 0 },
}: Offer): Promise<AckSeries> {
  const series: AckSeries = {
    sent: 0,
    acked: 0,
    ackedInWindow: 0,
    timedOut: 0,
    refused: 0,
    ackLatencyMs: [],
  };
  const intervalMs = 1000 / rate;
  const perClient = Math.max(1, Math.round((durationMs / 1000) * rate));
  const windowEndNs = nowNs() + durationMs * 1e6;
  return new Promise((resolve) => {
    let pending = clients.length * perClient;
    if (pending === 0) return resolve(series);
    const settle = () => {
      if (--pending === 0) resolve(series);
    };
    for (const [index, socket] of clients) {
      let seq = 0;
      const fire = () => {
        const sentNs = nowNs();
        series.sent++;
        live.sent++;
        send(socket.timeout(ackTimeoutMs) as unknown as Socket, index, seq++, (error, result) => {
          if (error) series.timedOut++;
          else if ((result as { ok?: boolean })?.ok === false) {
            series.refused++;
            series.firstRefusal ??= JSON.stringify(result);
          } else {
            const at = nowNs();
            series.acked++;
            live.acked++;
            if (at <= windowEndNs) series.ackedInWindow++;
            series.ackLatencyMs.push(nsToMs(at - sentNs));
            onAck?.(result, sentNs, index);
          }
          settle();
        });
      };
      setTimeout(() => {
        fire();
        if (perClient > 1) {
          let left = perClient - 1;
          const timer = setInterval(() => {
            fire();
            if (--left === 0) clearInterval(timer);
          }, intervalMs);
        }
      }, Math.random() * intervalMs);
    }
  });
}
