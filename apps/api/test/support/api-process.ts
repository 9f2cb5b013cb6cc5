import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { WORKSPACE } from './workspace';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The built API (`node dist/apps/api/main.js`) as a real process on a free loopback port. */
export class ApiProcess {
  private stderr = '';
  /** Settles when the process has exited. */
  readonly exited: Promise<Exit>;

  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly ownDataDir: string | undefined,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  /**
   * Starts an instance without waiting for it (to watch it fail at start). Without a DATA_DIR
   * in `env` it gets a temp one, removed by `stop`.
   */
  static async spawn(env: Record<string, string>): Promise<ApiProcess> {
    // A restart test passes the previous instance's PORT to take its place.
    const port = env['PORT'] ? Number(env['PORT']) : await freePort();
    const ownDataDir = env['DATA_DIR']
      ? undefined
      : mkdtempSync(join(tmpdir(), 'live-api-process-'));
    const child = spawn(process.execPath, [join(WORKSPACE, 'dist/apps/api/main.js')], {
      env: {
        PATH: process.env['PATH'],
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: ownDataDir ?? '',
        LOG_LEVEL: 'warn',
        CLIENT_DIR: join(WORKSPACE, 'dist/apps/client'),
        RATE_CLICK_BURST: '1000',
        RATE_MESSAGE_BURST: '1000',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return new ApiProcess(port, child, ownDataDir);
  }

  /** Starts an instance and resolves once it answers HTTP. */
  static async start(env: Record<string, string>): Promise<ApiProcess> {
    const instance = await ApiProcess.spawn(env);
    await instance.waitUntilServing();
    return instance;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What the process wrote to stderr (start-up failures are reported there). */
  get output(): string {
    return this.stderr;
  }

  /** Sends `signal` and resolves with the exit code once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
    if (this.ownDataDir) rmSync(this.ownDataDir, { recursive: true, force: true });
    return this.child.exitCode;
  }

  private async waitUntilServing(): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the API exited at start:\n${this.stderr}`);
      try {
        if ((await fetch(`${this.url}/health/live`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the API did not start in time:\n${this.stderr}`);
  }
}
