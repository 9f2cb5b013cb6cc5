import { announceCommit } from './commit-listener';
import type { OnCommit } from './store';

/** What a batch says of its writes' time, for the store's metrics (seconds). */
export interface WriteTimings {
  /** How long a write waited for its transaction: the next turn, or a sync to end while all ran. */
  waited(seconds: number): void;
  /** How long a sync took to make every commit before it durable. */
  synced(seconds: number): void;
}

const UNTIMED: WriteTimings = { waited: () => undefined, synced: () => undefined };

interface PendingWrite<T> {
  run: () => T;
  /** `performance.now()` when it was queued. */
  queuedAt: number;
  onCommit?: OnCommit<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

interface CommittedWrite {
  value: unknown;
  write: PendingWrite<unknown>;
}

/**
 * Group commit in two steps. Queued writes run in one transaction; once it commits, each write's
 * `onCommit` hears its result at once (what is committed is readable and survives a crash of
 * this process), and its promise settles only after a `sync` started after the commit has made
 * it durable. A commit starts its own sync, once its listeners have run; up to `maxSyncs` run at
 * once (2: a storm's acks need not wait for the sync in flight; docs/performance.md, step 11).
 *
 * When to commit: on `setImmediate` while a sync is free, so a lone write waits for nothing;
 * while `maxSyncs` are running, writes queue until one ends and then commit together, since
 * their acks could not have been sooner. Under load a transaction then holds many writes, and
 * its fixed costs (BEGIN, COMMIT, the WAL pages written, the sync) are paid once for all of
 * them. A listener that throws is logged, and the writes settle.
 */
export class WriteBatch {
  private readonly maxSyncs: number;
  private readonly timings: WriteTimings;
  private queue: PendingWrite<unknown>[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private unsynced: CommittedWrite[] = [];
  private syncing = 0;
  private draining: Promise<void> | undefined;
  private resolveDrain: (() => void) | undefined;

  /**
   * @param commit runs the callback inside one transaction, throwing if it cannot commit.
   * @param sync makes every commit so far durable, rejecting if it cannot.
   * @param options.maxSyncs syncs allowed to run at once.
   * @param options.timings hears how long writes waited and syncs took.
   */
  constructor(
    private readonly commit: (work: () => void) => void,
    private readonly sync: () => Promise<void>,
    { maxSyncs = 2, timings = UNTIMED }: { maxSyncs?: number; timings?: WriteTimings } = {},
  ) {
    this.maxSyncs = maxSyncs;
    this.timings = timings;
  }

  /** Queues a write; `run` executes inside the batch's transaction. */
  add<T>(run: () => T, onCommit?: OnCommit<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        run,
        queuedAt: performance.now(),
        onCommit,
        resolve,
        reject,
      } as PendingWrite<unknown>);
      this.schedule();
    });
  }

  /** A flush on the next turn, unless one is due or every sync is taken (one ending flushes). */
  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.syncing >= this.maxSyncs) return;
    this.scheduled = setImmediate(() => this.flush());
  }

  /** Resolves once every write queued so far has settled. */
  drain(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    this.draining ??= new Promise<void>((resolve) => (this.resolveDrain = resolve));
    return this.draining;
  }

  private idle(): boolean {
    return this.queue.length === 0 && this.unsynced.length === 0 && this.syncing === 0;
  }

  private flush(): void {
    this.scheduled = undefined;
    const batch = this.queue;
    this.queue = [];
    const started = performance.now();
    for (const write of batch) this.timings.waited((started - write.queuedAt) / 1000);
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
    // The sync starts once what hears of the commit (a broadcast) has run: its thread-pool
    // work and the acks after it then do not compete with the broadcast's writes for the cores.
    batch.forEach((write, i) => announceCommit(write.onCommit, results[i]));
    this.syncCommitted();
  }

  /** Starts a sync for the commits not yet covered by one, unless `maxSyncs` are running. */
  private syncCommitted(): void {
    if (this.unsynced.length === 0 || this.syncing >= this.maxSyncs) return;
    const writes = this.unsynced;
    this.unsynced = [];
    this.syncing++;
    const started = performance.now();
    this.sync()
      .then(
        () => writes.forEach(({ value, write }) => write.resolve(value)),
        (error: unknown) => writes.forEach(({ write }) => write.reject(error)),
      )
      .finally(() => {
        this.timings.synced((performance.now() - started) / 1000);
        this.syncing--;
        this.syncCommitted();
        this.schedule();
        this.settled();
      });
  }

  private settled(): void {
    if (this.resolveDrain && this.idle()) {
      this.resolveDrain();
      this.draining = this.resolveDrain = undefined;
    }
  }
}
