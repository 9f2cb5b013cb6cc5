import { randomBytes } from 'node:crypto';
import type { ServerProcess } from '@live/test-support';
import type { BenchOptions, ReplicaSetup } from './options';
import type { WorkerPool } from './pool';
import { isRunning, readCpuSeconds } from './proc';
import { readCount } from './probe';
import { RedisPair } from './redis-pair';
import type { ReplicaPoint } from './results';
import { roomSlug } from './room-layout';
import { startServer } from './servers';
import { nowNs, nsToMs } from './stats';
import type { AckSeries, Collected } from './worker-protocol';
import { ackFigures, connectClients, mergeCollected, mergeSeries } from './worker-replies';

/** The first clicks on a fresh server run cold (JIT, first WAITs) and are not counted. */
const WARMUP_MS = 1000;

/** One signing key for the run: cluster mode requires one (IDENTITY_SECRET, ≥ 32 characters). */
const IDENTITY_SECRET = randomBytes(32).toString('hex');

/**
 * The project in cluster mode on `redis`: writes acked once one replica has them, which the
 * API does only while the primary reports a replica (ROLE); on a primary alone it sends no WAIT.
 */
function clusterEnv(redis: RedisPair): Record<string, string> {
  return {
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'bench:',
    IDENTITY_SECRET,
    REDIS_WAIT_REPLICAS: '1',
  };
}

/** The count each room's new connection is welcomed with, summed over the rooms. */
async function totalCount(url: string, rooms: number, timeoutMs: number): Promise<number> {
  const counts = await Promise.all(
    Array.from({ length: rooms }, (_, room) =>
      readCount(url, { name: `bench-count-${room}`, room: roomSlug(room), timeoutMs }),
    ),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** % of one core a process used since `cpu0` CPU seconds, over `seconds`. */
const cpuPctSince = (pid: number, cpu0: number, seconds: number) =>
  (100 * (readCpuSeconds(pid) - cpu0)) / seconds;

/**
 * The replica scenario on fresh servers of `setup`: for the project a Redis primary of its own
 * (with a replica that has synced, or alone) and the API in cluster mode on it; for the
 * baseline its server alone. `replicaClients` clients in rooms of `replicaRoomClients` click
 * `replicaRate` times a second with an ack for `replicaSeconds`, after an untimed second of
 * the same. Always stops what it started, the redis-servers and their files too.
 */
export async function runReplica(
  options: BenchOptions,
  pool: WorkerPool,
  setup: ReplicaSetup,
  round: number,
  say: (phase: string, live?: () => string) => void,
): Promise<ReplicaPoint> {
  const { replicaClients: n, replicaRoomClients, replicaRate, replicaSeconds } = options;
  const { ackTimeoutMs, connectTimeoutMs } = options;
  const rooms = Math.ceil(n / replicaRoomClients);
  const point: ReplicaPoint = { setup, round, serverUp: false, clients: n, welcomed: 0 };
  let redis: RedisPair | undefined;
  let server: ServerProcess | undefined;
  try {
    if (setup !== 'baseline') {
      const withReplica = setup === 'with-replica';
      say(withReplica ? 'starting a Redis primary and a replica' : 'starting a Redis primary');
      redis = await RedisPair.start({ withReplica });
    }
    say('starting server');
    server = await startServer(redis ? 'project' : 'baseline', {
      api: options.api,
      profileDir: options.profileDir,
      env: redis && clusterEnv(redis),
    });
    const url = server.url;

    say(`connecting ${n} clients to ${rooms} rooms`);
    const { welcomed, shortfall } = await connectClients(pool, {
      url,
      n,
      timeoutMs: connectTimeoutMs,
      roomClients: replicaRoomClients,
    });
    point.welcomed = welcomed;
    if (shortfall) throw shortfall;
    const clicking = (durationMs: number) =>
      pool.all<AckSeries>({ cmd: 'storm', rate: replicaRate, durationMs, ackTimeoutMs });
    if (options.warmup > 0) {
      say(`warming up: ${WARMUP_MS / 1000} s of the same clicks`);
      await clicking(WARMUP_MS);
    }

    const before = await totalCount(url, rooms, connectTimeoutMs);
    const offered = Math.max(1, Math.round(replicaSeconds * replicaRate)) * n;
    say(`${n} clients × ${replicaRate} click/s for ${replicaSeconds} s`, () => {
      const sum = pool.progress.reduce(
        (s, p) => ({ sent: s.sent + p.sent, acked: s.acked + p.acked }),
        { sent: 0, acked: 0 },
      );
      return `clicks sent ${sum.sent}/${offered} acked ${sum.acked}`;
    });
    await pool.all({ cmd: 'record', mode: 'click-count' });
    const waits0 = await redis?.waitCalls();
    const cpu0 = {
      server: readCpuSeconds(server.pid),
      primary: redis && readCpuSeconds(redis.primary.pid),
      replica: redis?.replica && readCpuSeconds(redis.replica.pid),
    };
    const t0 = nowNs();
    const clicks = mergeSeries(await clicking(replicaSeconds * 1000));
    const seconds = nsToMs(nowNs() - t0) / 1000;
    point.cpu = {
      serverPct: cpuPctSince(server.pid, cpu0.server, seconds),
      redisPrimaryPct: redis && cpuPctSince(redis.primary.pid, cpu0.primary ?? 0, seconds),
      redisReplicaPct: redis?.replica && cpuPctSince(redis.replica.pid, cpu0.replica ?? 0, seconds),
    };
    if (redis && waits0 !== undefined) point.waits = (await redis.waitCalls()) - waits0;
    const collected = mergeCollected(await pool.all<Collected>({ cmd: 'collect' }));
    point.loadGeneratorBusy = collected.busy;
    await pool.all({ cmd: 'record', mode: 'off' });
    point.clicks = ackFigures(clicks);

    say(`reading the count of each of ${rooms} rooms`);
    const added = (await totalCount(url, rooms, connectTimeoutMs)) - before;
    point.counts = { added, exact: added === clicks.acked && clicks.acked === clicks.sent };
  } catch (error) {
    point.error = (error as Error).message;
  } finally {
    point.serverUp = server !== undefined && isRunning(server.pid);
    say('disconnecting');
    await pool.all({ cmd: 'disconnect' }).catch(() => undefined);
    await server?.stop();
    await redis?.stop();
  }
  return point;
}
