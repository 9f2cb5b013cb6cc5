import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A store's times, in seconds: from a cached read (0.1 ms) to a disk stalled for a second. */
const STORE_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1];

/** The app's Prometheus metrics, in a registry of its own (several apps may share a process in tests). */
@Injectable()
export class LiveMetrics {
  readonly registry = new Registry();

  readonly connectedSockets = new Gauge({
    name: 'live_connected_sockets',
    help: 'Socket.IO connections open on this instance',
    registers: [this.registry],
  });

  // One number, not a label per room: the series must not grow with the rooms people make.
  readonly activeRooms = new Gauge({
    name: 'live_rooms_active',
    help: 'Rooms held in memory on this instance (the lobby, and those someone here is in or was lately)',
    registers: [this.registry],
  });

  readonly events = new Counter({
    name: 'live_events_total',
    help: 'Inbound events by name and result (ok or an error code)',
    labelNames: ['event', 'result'] as const,
    registers: [this.registry],
  });

  readonly handlerSeconds = new Histogram({
    name: 'live_handler_duration_seconds',
    help: 'Time from receiving an event to its ack, including the durable write',
    labelNames: ['event'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly broadcasts = new Counter({
    name: 'live_broadcasts_total',
    help: 'Coalesced broadcasts sent, by event',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  readonly connects = new Counter({
    name: 'live_connects_total',
    help: 'Socket.IO connections accepted',
    registers: [this.registry],
  });

  readonly disconnects = new Counter({
    name: 'live_disconnects_total',
    help: 'Socket.IO disconnections by reason (transport close, ping timeout, server shutting down …)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly refusedConnections = new Counter({
    name: 'live_connections_refused_total',
    help: 'Connections refused at connect, by reason (too_many_connections, second_socket, connect_rate, bad_token)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly storeSeconds = new Histogram({
    name: 'live_store_duration_seconds',
    help: 'Store operation latency (a write includes its durable commit), by operation',
    labelNames: ['operation'] as const,
    buckets: STORE_BUCKETS,
    registers: [this.registry],
  });

  readonly storeWriteWaitSeconds = new Histogram({
    name: 'live_store_write_wait_seconds',
    help: 'SQLite: how long a write waited for its transaction (the next turn, or a sync to end while both ran)',
    buckets: STORE_BUCKETS,
    registers: [this.registry],
  });

  readonly storeSyncSeconds = new Histogram({
    name: 'live_store_sync_duration_seconds',
    help: 'SQLite: how long the disk took to confirm the commits before each sync (fdatasync of the WAL)',
    buckets: STORE_BUCKETS,
    registers: [this.registry],
  });

  readonly storeErrors = new Counter({
    name: 'live_store_errors_total',
    help: 'Store operations that failed (disk full or read-only, Redis down …), by operation',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'live_rate_limited_total',
    help: 'Events refused with RATE_LIMITED, by event',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
