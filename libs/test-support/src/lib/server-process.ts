import { spawn, type ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How a process ended: its exit code, or the signal that ended it. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcessOptions {
  /** The program: `process.execPath` for a Node script, or e.g. /usr/sbin/nginx. */
  command: string;
  args?: string[];
  /** What failure messages call it (default: the program's file name). */
  name?: string;
  /**
   * The child's environment besides PATH. Nothing else of this process's is passed on: a test
   * runner's NODE_OPTIONS (Jest's --experimental-vm-modules) or Nx's variables would change it.
   */
  env?: Record<string, string | undefined>;
  /** The loopback port it listens on; also passed as PORT (unless `env` sets PORT itself). */
  port: number;
  /** An HTTP path that answers 2xx once the server serves; `serving` polls it. */
  readyPath: string;
  /** Also pass its stdout and stderr through to this process's (stderr is kept either way). */
  echo?: boolean;
  /** Give up waiting for it to serve after this long (default 30 s). */
  startTimeoutMs?: number;
  /** `stop` sends SIGKILL when it is still running this long after the signal (default 15 s). */
  killAfterMs?: number;
  /** Runs once, when `stop` has seen it exit: removes what it was given (a temp directory). */
  cleanup?: () => void;
}

/** The tail of stderr kept for failure messages. */
const OUTPUT_LIMIT = 64 * 1024;

/** A server in a child process on a loopback port: started, waited for, and stopped. */
export class ServerProcess {
  /** Settles once the process has exited (and what it wrote has been read). */
  readonly exited: Promise<Exit>;
  private stderr = '';
  private cleanedUp = false;

  private constructor(
    private readonly child: ChildProcess & { pid: number },
    private readonly options: ServerProcessOptions,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-OUTPUT_LIMIT);
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        // Output is complete once the pipes close, unless a process it started holds them.
        const grace = setTimeout(() => resolve({ code, signal }), 1000);
        child.once('close', () => {
          clearTimeout(grace);
          resolve({ code, signal });
        });
      }),
    );
  }

  /** Starts the process without waiting for it to serve (to watch it fail at start). */
  static async spawn(options: ServerProcessOptions): Promise<ServerProcess> {
    const child = spawn(options.command, options.args ?? [], {
      env: { PATH: process.env['PATH'], PORT: String(options.port), ...options.env },
      stdio: ['ignore', options.echo ? 'inherit' : 'ignore', 'pipe'],
    });
    if (options.echo) child.stderr?.pipe(process.stderr, { end: false });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      // Also keeps a later 'error' (a failed kill) from crashing the test process unheard.
      child.on('error', reject);
    });
    return new ServerProcess(child as ChildProcess & { pid: number }, options);
  }

  /** Starts the process and resolves once it serves (see `serving`). */
  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    return (await ServerProcess.spawn(options)).serving();
  }

  get port(): number {
    return this.options.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number {
    return this.child.pid;
  }

  /** The last 64 KiB it wrote to stderr (start-up failures are reported there). */
  get output(): string {
    return this.stderr;
  }

  /**
   * Resolves with this server once `readyPath` answers 2xx. If it exits first or the time runs
   * out, stops it (SIGKILL) and rejects with what it wrote to stderr.
   */
  async serving(): Promise<this> {
    try {
      await this.waitUntilServing();
      return this;
    } catch (error) {
      await this.stop('SIGKILL');
      throw error;
    }
  }

  /**
   * Sends `signal` and resolves with how the process ended, sending SIGKILL if it lingers;
   * then runs `cleanup`. Safe to call again, or after the process ended by itself.
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
    if (this.running) {
      this.child.kill(signal);
      const killer = setTimeout(() => this.kill('SIGKILL'), this.options.killAfterMs ?? 15_000);
      await this.exited;
      clearTimeout(killer);
    }
    const exit = await this.exited;
    if (!this.cleanedUp) {
      this.cleanedUp = true;
      this.options.cleanup?.();
    }
    return exit;
  }

  /** Sends `signal` now without waiting, for a process 'exit' handler, which cannot wait. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.running) this.child.kill(signal);
  }

  private get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private async waitUntilServing(): Promise<void> {
    const name = this.options.name ?? basename(this.options.command);
    const timeoutMs = this.options.startTimeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    while (this.running) {
      if (await this.answers(deadline)) return;
      if (Date.now() > deadline)
        throw new Error(
          `${name} did not serve ${this.options.readyPath} within ${timeoutMs} ms:\n${this.stderr}`,
        );
      await sleep(50);
    }
    const exit = await this.exited;
    throw new Error(
      `${name} exited at start (${exit.signal ?? `code ${exit.code}`}):\n${this.stderr}`,
    );
  }

  /** Whether `readyPath` answers 2xx; a slow answer may take until `deadline`. */
  private async answers(deadline: number): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}${this.options.readyPath}`, {
        signal: AbortSignal.timeout(Math.max(100, deadline - Date.now())),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false; // Not listening yet.
    }
  }
}
