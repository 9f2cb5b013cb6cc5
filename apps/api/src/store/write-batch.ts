interface PendingWrite<T> {
  run: () => T;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit: writes queued in the same turn of the event loop run in one transaction,
 * flushed on `setImmediate`, and each caller's promise settles only after that commit.
 * One fsync then serves a whole burst of clicks instead of one each.
 */
export class WriteBatch {
  private queue: PendingWrite<unknown>[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private draining: Promise<void> | undefined;
  private resolveDrain: (() => void) | undefined;

  /** @param commit runs the callback inside one transaction, throwing if it cannot commit. */
  constructor(private readonly commit: (work: () => void) => void) {}

  /** Queues a write; `run` executes inside the batch's transaction. */
  add<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve, reject } as PendingWrite<unknown>);
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Resolves once every write queued so far has settled. */
  drain(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    this.draining ??= new Promise<void>((resolve) => (this.resolveDrain = resolve));
    return this.draining;
  }

  private flush(): void {
    this.scheduled = undefined;
    const batch = this.queue;
    this.queue = [];
    const results: unknown[] = [];
    try {
      this.commit(() => {
        results.length = 0;
        for (const write of batch) results.push(write.run());
      });
      batch.forEach((write, i) => write.resolve(results[i]));
    } catch (error) {
      for (const write of batch) write.reject(error);
    }
    if (this.queue.length === 0 && this.resolveDrain) {
      this.resolveDrain();
      this.draining = this.resolveDrain = undefined;
    }
  }
}
