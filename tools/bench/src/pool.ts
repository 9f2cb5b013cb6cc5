import { fork, type ChildProcess } from 'node:child_process';
import { scriptCommand } from './runtime';
import type { WorkerCommand, WorkerProgress, WorkerReply } from './worker-protocol';

/** The load-generator processes, commanded together or one at a time. */
export class WorkerPool {
  private readonly children: ChildProcess[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  /** The latest progress each worker reported. */
  readonly progress: WorkerProgress['progress'][] = [];

  constructor(readonly size: number) {
    const { file, execArgv, env } = scriptCommand('worker');
    for (let w = 0; w < size; w++) {
      const child = fork(file, [], {
        execArgv,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      this.progress.push({ sent: 0, acked: 0, deliveries: 0 });
      child.on('message', (message: WorkerReply | WorkerProgress) => {
        if ('progress' in message) {
          this.progress[w] = message.progress;
          return;
        }
        const waiter = this.pending.get(message.id);
        if (!waiter) return;
        this.pending.delete(message.id);
        if (message.ok) waiter.resolve(message.result);
        else waiter.reject(new Error(`worker ${w}: ${message.error}`));
      });
      child.on('exit', (code, signal) => {
        for (const [id, waiter] of this.pending) {
          waiter.reject(new Error(`worker ${w} exited (${signal ?? code})`));
          this.pending.delete(id);
        }
      });
      this.children.push(child);
    }
  }

  /** Which worker holds client `index`. */
  workerOf(index: number): number {
    return index % this.size;
  }

  /** Global client indices from..n-1 held by worker `w`. */
  indicesOf(w: number, n: number, from = 0): number[] {
    const indices: number[] = [];
    const first = from + ((w - (from % this.size) + this.size) % this.size);
    for (let i = first; i < n; i += this.size) indices.push(i);
    return indices;
  }

  send<T>(w: number, command: WorkerCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.children[w].send({ id, ...command });
    });
  }

  /** Sends to every worker (or builds a command per worker) and waits for all replies. */
  all<T>(command: WorkerCommand | ((w: number) => WorkerCommand)): Promise<T[]> {
    return Promise.all(
      this.children.map((_, w) =>
        this.send<T>(w, typeof command === 'function' ? command(w) : command),
      ),
    );
  }

  /** Ends every worker (their sockets close with them). */
  close(): void {
    for (const child of this.children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
