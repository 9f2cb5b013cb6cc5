import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The app's Prometheus metrics, in a registry of its own (several apps may share a process in tests). */
@Injectable()
export class LiveMetrics {
  readonly registry = new Registry();

  readonly connectedSockets = new Gauge({
    name: 'live_connected_sockets',
    help: 'Socket.IO connections open on this instance',
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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
