import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { STORE, type Store } from '../store/store';

/** The shared click counter. Knows nothing of sockets. */
@Injectable()
export class CounterService implements OnModuleInit {
  private latest = 0;

  constructor(@Inject(STORE) private readonly store: Store) {}

  async onModuleInit(): Promise<void> {
    this.latest = await this.store.count();
  }

  /** The latest durable count known here (with several instances: the highest any has shared). */
  get current(): number {
    return this.latest;
  }

  /** Counts one click (once per id) and resolves, after it is durable, with the count after it. */
  async click(id?: string): Promise<number> {
    const count = await this.store.click(id);
    // A retried click resolves with its original, older count: never move `current` back.
    this.observe(count);
    return count;
  }

  /** Takes in a durable count learnt elsewhere (another instance); true when it is news. */
  observe(count: number): boolean {
    if (!Number.isSafeInteger(count) || count <= this.latest) return false;
    this.latest = count;
    return true;
  }
}
