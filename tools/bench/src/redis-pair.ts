import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@live/test-support';
import { Redis } from 'ioredis';

/** How long a redis-server may take to accept connections, or a replica to sync. */
const START_TIMEOUT_MS = 15_000;
/** After SIGTERM (which makes Redis flush and exit cleanly), SIGKILL if it lingers this long. */
const STOP_TIMEOUT_MS = 5_000;

const running = new Set<RedisServerProcess>();
// Never leave a redis-server or its files behind, whatever ends the bench.
process.on('exit', () => {
  for (const server of running) server.killNow();
});

/**
 * One redis-server of the bench's own on a free loopback port, in a temp directory it removes
 * when stopped. Persisted as a production primary would be: the append-only file, fsynced
 * before every reply (`appendfsync always`), no RDB snapshots.
 */
export class RedisServerProcess {
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess & { pid: number },
  ) {
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-16 * 1024);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts it and resolves once it accepts connections; `extraArgs` e.g. `--replicaof h p`. */
  static async start(name: string, extraArgs: string[] = []): Promise<RedisServerProcess> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), `bench-redis-${name}-`));
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
    args.push('--appendonly', 'yes', '--appendfsync', 'always', '--loglevel', 'notice');
    const child = spawn('redis-server', [...args, ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = await new Promise<ChildProcess & { pid: number }>((resolve, reject) => {
      child.once('spawn', () => resolve(child as ChildProcess & { pid: number }));
      // `on`, not `once`: a later error (a failed kill) is then heard too, not thrown.
      child.on('error', (error) => {
        rmSync(dir, { recursive: true, force: true });
        reject(new Error(`cannot start redis-server (is it installed?): ${error.message}`));
      });
    });
    const server = new RedisServerProcess(port, dir, started);
    running.add(server);
    try {
      await server.logged('Ready to accept connections', `the Redis ${name}`);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get pid(): number {
    return this.child.pid;
  }

  /** Resolves once its log holds `line`; rejects if it exits first or takes too long. */
  logged(line: string, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.output.includes(line)) return;
        done();
        resolve();
      };
      const fail = (why: string) => {
        done();
        reject(new Error(`${what} on port ${this.port} ${why}:\n${this.output.slice(-2000)}`));
      };
      const timer = setTimeout(
        () => fail(`did not log "${line}" within ${START_TIMEOUT_MS} ms`),
        START_TIMEOUT_MS,
      );
      const exited = () => fail('exited');
      const done = () => {
        clearTimeout(timer);
        this.child.stdout?.off('data', check);
        this.child.off('exit', exited);
      };
      this.child.stdout?.on('data', check);
      this.child.once('exit', exited);
      check();
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within STOP_TIMEOUT_MS; then its files go. */
  async stop(): Promise<void> {
    if (this.isRunning) {
      this.child.kill('SIGTERM');
      const killer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(killer);
    }
    this.removeFiles();
  }

  /** For a process 'exit' handler, which cannot wait: SIGKILL and remove its files now. */
  killNow(): void {
    if (this.isRunning) this.child.kill('SIGKILL');
    this.removeFiles();
  }

  private get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private removeFiles(): void {
    rmSync(this.dir, { recursive: true, force: true });
    running.delete(this);
  }
}

/** A short-lived connection to one redis-server for one question; closed whatever happens. */
async function ask<T>(port: number, question: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    return await question(redis);
  } finally {
    redis.disconnect();
  }
}

/** The calls of `command` in the text of INFO commandstats (0 if it was never called). */
export function commandCalls(commandstats: string, command: string): number {
  const match = new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(commandstats);
  return match ? Number(match[1]) : 0;
}

/**
 * A Redis primary of the bench's own, with a replica that has synced from it or alone. Stop it
 * in a `finally`: both servers go, with their temp directories.
 */
export class RedisPair {
  private constructor(
    readonly primary: RedisServerProcess,
    readonly replica: RedisServerProcess | undefined,
  ) {}

  /**
   * Starts the primary and, `withReplica`, a replica of it; resolves once the replica has
   * synced and the primary lists it (what the API's ROLE check then sees).
   */
  static async start({ withReplica }: { withReplica: boolean }): Promise<RedisPair> {
    // A replica's first sync starts at once, not after the 5 s Redis waits for more replicas.
    const primary = await RedisServerProcess.start('primary', ['--repl-diskless-sync-delay', '0']);
    if (!withReplica) return new RedisPair(primary, undefined);
    let replica: RedisServerProcess | undefined;
    try {
      replica = await RedisServerProcess.start('replica', [
        '--replicaof',
        '127.0.0.1',
        String(primary.port),
      ]);
      await replica.logged('MASTER <-> REPLICA sync: Finished with success', 'the Redis replica');
      await waitForReplicas(primary.port, 1);
      return new RedisPair(primary, replica);
    } catch (error) {
      await replica?.stop();
      await primary.stop();
      throw error;
    }
  }

  /** What the API's REDIS_URL names: the primary. */
  get url(): string {
    return `redis://127.0.0.1:${this.primary.port}`;
  }

  /** WAIT commands the primary has answered since it started. */
  waitCalls(): Promise<number> {
    return ask(this.primary.port, async (redis) =>
      commandCalls(await redis.info('commandstats'), 'wait'),
    );
  }

  async stop(): Promise<void> {
    await Promise.all([this.replica?.stop(), this.primary.stop()]);
  }
}

/** Polls the primary's ROLE until it lists `count` replicas. */
async function waitForReplicas(port: number, count: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const role = (await ask(port, (redis) => redis.role())) as [string, number, unknown[]];
    if (role[0] === 'master' && (role[2]?.length ?? 0) >= count) return;
    if (Date.now() > deadline)
      throw new Error(
        `the Redis primary on port ${port} lists no replica: ${JSON.stringify(role)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
