import type { RoomClicks } from './room-deliveries';

/**
 * Messages between the bench's main process and its load-generator workers (child_process IPC).
 * Clients are numbered globally; client i lives in worker i % W.
 */
export type WorkerCommand =
  | {
      cmd: 'connect';
      url: string;
      indices: number[];
      timeoutMs: number;
      /** For the rooms scenario: each client names its room (room-layout.ts) in `auth.room`. */
      roomClients?: number;
    }
  | { cmd: 'record'; mode: RecordMode }
  | { cmd: 'clicks'; index: number; count: number; intervalMs: number; ackTimeoutMs: number }
  | { cmd: 'fanoutLatencies'; sentNsByCount: Record<string, number> }
  | { cmd: 'chat'; senders: number[]; rate: number; durationMs: number; ackTimeoutMs: number }
  | { cmd: 'storm'; rate: number; durationMs: number; ackTimeoutMs: number }
  | {
      cmd: 'rooms';
      clickRate: number;
      messageRate: number;
      durationMs: number;
      ackTimeoutMs: number;
    }
  /** Every room's clicks, by room index, to check what this worker's clients received against. */
  | { cmd: 'crossRoom'; rooms: RoomClicks[] }
  | ({ cmd: 'flood' } & FloodOrder)
  | { cmd: 'collect' }
  | { cmd: 'disconnect' };

/** What clients record on `click` and `message` broadcasts. */
export type RecordMode = 'off' | 'click-times' | 'click-count' | 'message-latency' | 'rooms';

export interface ConnectResult {
  connected: number;
  welcomed: number;
  failed: number;
  /** hrtime (ns) of the last `connect` and the last `welcome` among this worker's clients. */
  lastConnectNs: number;
  lastWelcomeNs: number;
  errors: string[];
}

export interface AckSeries {
  sent: number;
  acked: number;
  /** Acks that arrived while the load was still being offered. */
  ackedInWindow: number;
  timedOut: number;
  refused: number;
  ackLatencyMs: number[];
  firstRefusal?: string;
}

export interface ClicksResult extends AckSeries {
  /** [count from the ack, hrtime of the send] per acked click. */
  sends: [number, number][];
}

export interface Collected {
  /** Broadcasts received since the last `record`. */
  clickDeliveries: number;
  messageDeliveries: number;
  messageLatencyMs: number[];
  /** The last `click` value each client holds (-1 for none). */
  lastCounts: number[];
  /** The client (global index) each of `lastCounts` is. */
  clients: number[];
  /** This worker's event-loop utilisation (0..1) since the last `record`: near 1, the clients lag. */
  busy: number;
}

export interface FanoutLatencies {
  latencyMs: number[];
  /** Per click, in count order: this worker's first and last receipt after the send (ms; NaN for none). */
  firstMs: number[];
  lastMs: number[];
  unmatched: number;
}

/** This worker's share of the rooms scenario's clicking and chat. */
export interface RoomsLoad {
  clicks: AckSeries;
  messages: AckSeries;
  /** By room index: the rooms this worker has clients in, `acks` only theirs. */
  rooms: Record<string, RoomClicks>;
}

/** Deliveries this worker's clients received from outside their room in the rooms scenario. */
export interface CrossRoomDeliveries {
  clicks: number;
  messages: number;
}

/** What the flood's attacker does: `concurrency` connect loops for `durationMs`, from `localAddress`. */
export interface FloodOrder {
  url: string;
  concurrency: number;
  durationMs: number;
  /** The source address its connections are bound to: another client than the bench's others. */
  localAddress: string;
}

/** What the flood's attacker managed. */
export interface FloodAttack {
  /** WebSocket connections tried. */
  attempts: number;
  /** Connections whose Socket.IO CONNECT was accepted (`40`): each then sent its events. */
  admitted: number;
  /** Connections whose CONNECT was refused (`44`). */
  refused: number;
  /** Connections refused before the WebSocket existed: the upgrade answered with an HTTP status. */
  refusedHttp: number;
  /** The first such status (e.g. 429). */
  refusedHttpStatus?: number;
  /** Event packets sent: clicks, messages, history pages, typing notices. */
  eventsSent: number;
  /** Connection errors (resets, timeouts), and the first one's message. */
  errors: number;
  firstError?: string;
  /** The attacker's event-loop utilisation (0..1): near 1, it offered all one process can. */
  busy: number;
}

export type WorkerReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface WorkerProgress {
  progress: { sent: number; acked: number; deliveries: number };
}
