import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@live/test-support';
import { killNow, spawnRedis } from './redis-process';

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
  async restart(): Promise<void> {
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
    this.process = await spawnRedis(args, 'Ready to accept connections');
  }

  /** Freezes it (SIGSTOP): connections stay open, nothing is answered, until `resume`. */
  pause(): void {
    this.process?.kill('SIGSTOP');
  }

  resume(): void {
    this.process?.kill('SIGCONT');
  }

  /** Kills it without warning (SIGKILL), as a crash would. */
  kill(): Promise<void> {
    return killNow(this.process);
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
