import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LiveMetrics } from '../metrics/live-metrics';
import { STORE, type Store } from './store';

/** Every operation of the port that talks to the storage; `close` is left alone. */
const OPERATIONS = [
  'click',
  'count',
  'append',
  'messages',
  'delete',
  'resetCounter',
  'check',
] as const satisfies readonly (keyof Store)[];

/**
 * Times every store operation and counts its failures, whatever the adapter. It wraps the
 * methods of the one store instance in place, so the services, which already hold that instance,
 * are measured without knowing it.
 */
export function instrumentStore(store: Store, metrics: LiveMetrics): void {
  for (const operation of OPERATIONS) {
    const original = store[operation].bind(store) as (...args: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[operation] = async (...args: unknown[]) => {
      const stop = metrics.storeSeconds.startTimer({ operation });
      try {
        return await original(...args);
      } catch (error) {
        metrics.storeErrors.inc({ operation });
        throw error;
      } finally {
        stop();
      }
    };
  }
}

/** Applies {@link instrumentStore} to the app's store at start-up. */
@Injectable()
export class StoreInstrumentation implements OnModuleInit {
  constructor(
    @Inject(STORE) private readonly store: Store,
    private readonly metrics: LiveMetrics,
  ) {}

  onModuleInit(): void {
    instrumentStore(this.store, this.metrics);
  }
}
