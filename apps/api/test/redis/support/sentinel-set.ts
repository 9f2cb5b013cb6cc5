import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { eventually, freePort } from '@live/test-support';
import { killNow, spawnRedis } from './redis-process';
import { RedisServer } from './redis-server';

export const MASTER = 'live';

/** A sentinel of the test's own: `redis-server <conf> --sentinel` on a free loopback port. */
class Sentinel {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(primaryPort: number): Promise<Sentinel> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'live-sentinel-'));
    const conf = join(dir, 'sentinel.conf');
    // Quick to notice and to act, for a test: down after 1 s, a failover may take 5 s.
    writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${MASTER} 127.0.0.1 ${primaryPort} 2`,
        `sentinel down-after-milliseconds ${MASTER} 1000`,
        `sentinel failover-timeout ${MASTER} 5000`,
        `sentinel parallel-syncs ${MASTER} 1`,
        '',
      ].join('\n'),
    );
    const child = await spawnRedis([conf, '--sentinel'], '+monitor master');
    return new Sentinel(port, dir, child);
  }

  async stop(): Promise<void> {
    await killNow(this.child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A Redis primary, one replica and three sentinels watching them (quorum 2), all of the test's
 * own on free loopback ports, started and settled: the replica in sync, and every sentinel
 * knowing the replica and the other two sentinels, so a failover can happen.
 */
export class SentinelSet {
  private constructor(
    readonly primary: RedisServer,
    readonly replica: RedisServer,
    private readonly sentinels: Sentinel[],
  ) {}

  static async start(): Promise<SentinelSet> {
    const primary = await RedisServer.start();
    const replica = await RedisServer.start(['--replicaof', '127.0.0.1', String(primary.port)]);
    const sentinels = [];
    for (let i = 0; i < 3; i++) sentinels.push(await Sentinel.start(primary.port));
    const set = new SentinelSet(primary, replica, sentinels);
    await set.settled();
    return set;
  }

  /** For REDIS_SENTINELS. */
  get addresses(): string {
    return this.sentinels.map(({ port }) => `127.0.0.1:${port}`).join(',');
  }

  /** The port of the primary the sentinels name now. */
  async primaryPort(): Promise<number> {
    return this.ask(this.sentinels[0], async (redis) => {
      const [, port] = (await redis.call(
        'SENTINEL',
        'get-master-addr-by-name',
        MASTER,
      )) as string[];
      return Number(port);
    });
  }

  /** Resolves once the primary's writes reach the replica again (after a `pause`, on a busy machine). */
  inSync(): Promise<void> {
    return this.ask({ port: this.primary.port }, (redis) =>
      eventually(
        async () => {
          if ((await redis.call('WAIT', 1, 100)) !== 1) throw new Error('the replica lags');
        },
        { timeoutMs: 10_000, intervalMs: 50 },
      ),
    );
  }

  async dispose(): Promise<void> {
    for (const sentinel of this.sentinels) await sentinel.stop();
    await this.primary.dispose();
    await this.replica.dispose();
  }

  private async settled(): Promise<void> {
    await this.ask({ port: this.primary.port }, (redis) =>
      eventually(
        async () => {
          const [, , replicas] = (await redis.role()) as [string, number, string[][]];
          if (replicas.length !== 1 || Number(replicas[0][2]) === 0) throw new Error('not in sync');
        },
        { timeoutMs: 10_000 },
      ),
    );
    for (const sentinel of this.sentinels) {
      await this.ask(sentinel, (redis) =>
        eventually(
          async () => {
            const replicas = (await redis.call('SENTINEL', 'replicas', MASTER)) as unknown[];
            const peers = (await redis.call('SENTINEL', 'sentinels', MASTER)) as unknown[];
            if (replicas.length !== 1 || peers.length !== 2) throw new Error('not settled');
          },
          { timeoutMs: 30_000, intervalMs: 200 },
        ),
      );
    }
  }

  private async ask<T>({ port }: { port: number }, use: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    await redis.connect();
    try {
      return await use(redis);
    } finally {
      redis.disconnect();
    }
  }
}
