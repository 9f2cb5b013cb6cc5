import type { Store } from '../store/store';

/** After a reset, how long clicks and peer counts from before it may still arrive. */
const RESET_SETTLE_MS = 250;

/** A room's click counter. Knows nothing of sockets. */
export class RoomCounter {
  private latest = 0;
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly room: string,
  ) {}

  /** Reads the stored count: call once, before the first click. */
  async load(): Promise<void> {
    this.observe(await this.store.count(this.room));
  }

  /** The latest committed count known here (with several instances: the highest any has shared). */
  get current(): number {
    return this.latest;
  }

  /**
   * Counts one click (once per id) and resolves, after it is durable, with the count after it.
   * The change listeners hear of it earlier, once it is committed: showing the count need not
   * wait for the disk, acking it does.
   */
  async click(id?: string): Promise<number> {
    const count = await this.store.click(this.room, id, (committed) => {
      if (this.observe(committed)) this.changed();
    });
    // A retried click resolves with its original, older count: never move `current` back.
    this.observe(count);
    return count;
  }

  /** Takes in a committed count learnt elsewhere (another instance); true when it is news. */
  observe(count: number): boolean {
    if (!Number.isSafeInteger(count) || count <= this.latest) return false;
    this.latest = count;
    return true;
  }

  /** Sets the count to 0 (moderation) once that is durable; resolves with the new count. */
  async reset(): Promise<number> {
    const count = await this.store.resetCounter(this.room);
    this.adopt(count);
    return count;
  }

  /** Takes in a reset (done here or on another instance): the count starts again from `count`. */
  adopt(count: number): void {
    this.latest = count;
    // A click or a peer's count from just before the reset may still land and raise the count
    // again; once they have settled, the store's value is the truth.
    setTimeout(() => void this.resync(), RESET_SETTLE_MS).unref();
  }

  /**
   * Calls `listener` when a click here commits a higher count, or when the store's count
   * corrects it after a reset (not for a count observed from a peer, nor for the reset itself).
   * Returns the function that stops it.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  private async resync(): Promise<void> {
    try {
      const count = await this.store.count(this.room);
      if (count === this.latest) return;
      this.latest = count;
      this.changed();
    } catch {
      // The store is away: the next click brings the count back in line.
    }
  }
}
