import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@live/test-support';

/**
 * A redis-server of the test's own on a free loopback port, persisting every write to its
 * append-only file before replying (appendfsync always), so it can be killed and restarted
 * without losing what it acknowledged.
 */
export class RedisServer {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly extraArgs: string[],
  ) {}

  /** `extraArgs`: more redis-server options, e.g. `--replicaof 127.0.0.1 <port>`. */
  static async start(extraArgs: string[] = []): Promise<RedisServer> {
    const dir = mkdtempSync(join(tmpdir(), 'live-redis-'));
    const server = new RedisServer(await freePort(), dir, extraArgs);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts (again) on the same port and data directory; resolves once it accepts connections. */
  restart(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir];
    args.push(
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--loglevel',
      'notice',
      ...this.extraArgs,
    );
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    return new Promise((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', (code) =>
        reject(new Error(`redis-server exited with ${code}:\n${output}`)),
      );
    });
  }

  /** Freezes it (SIGSTOP): connections stay open, nothing is answered, until `resume`. */
  pause(): void {
    this.process?.kill('SIGSTOP');
  }

  resume(): void {
    this.process?.kill('SIGCONT');
  }

  /** Kills it without warning (SIGKILL), as a crash would. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
