interface PendingWrite<T> {
  run: () => T;
  onCommit?: (value: T) => void;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

interface CommittedWrite {
  value: unknown;
  write: PendingWrite<unknown>;
}

/**
 * Group commit in two steps. Writes queued in the same turn of the event loop run in one
 * transaction, flushed on `setImmediate`; once it commits, each write's `onCommit` hears its
 * result at once (what is committed is readable and survives a crash of this process), and
 * its promise settles only after `sync` has made it durable. One sync serves every commit made
 * before it started; commits made while it runs wait for the next one.
 */
export class WriteBatch {
  private queue: PendingWrite<unknown>[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private unsynced: CommittedWrite[] = [];
  private syncing = false;
  private draining: Promise<void> | undefined;
  private resolveDrain: (() => void) | undefined;

  /**
   * @param commit runs the callback inside one transaction, throwing if it cannot commit.
   * @param sync makes every commit so far durable, rejecting if it cannot.
   */
  constructor(
    private readonly commit: (work: () => void) => void,
    private readonly sync: () => Promise<void>,
  ) {}

  /** Queues a write; `run` executes inside the batch's transaction. */
  add<T>(run: () => T, onCommit?: (value: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, onCommit, resolve, reject } as PendingWrite<unknown>);
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Resolves once every write queued so far has settled. */
  drain(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    this.draining ??= new Promise<void>((resolve) => (this.resolveDrain = resolve));
    return this.draining;
  }

  private idle(): boolean {
    return this.queue.length === 0 && this.unsynced.length === 0 && !this.syncing;
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
    } catch (error) {
      for (const write of batch) write.reject(error);
      this.settled();
      return;
    }
    batch.forEach((write, i) => this.unsynced.push({ value: results[i], write }));
    if (!this.syncing) void this.syncCommitted();
    batch.forEach((write, i) => write.onCommit?.(results[i]));
  }

  private async syncCommitted(): Promise<void> {
    this.syncing = true;
    while (this.unsynced.length > 0) {
      const writes = this.unsynced;
      this.unsynced = [];
      try {
        await this.sync();
        for (const { value, write } of writes) write.resolve(value);
      } catch (error) {
        for (const { write } of writes) write.reject(error);
      }
    }
    this.syncing = false;
    this.settled();
  }

  private settled(): void {
    if (this.resolveDrain && this.idle()) {
      this.resolveDrain();
      this.draining = this.resolveDrain = undefined;
    }
  }
}
