import type { Presence } from '@live/shared-events';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { connectRedis } from '../../src/redis/redis-connection';
import { closeClients, connected, eventually, record } from '../harness';
import { ApiProcess } from '../support/api-process';
import { freePort } from '../support/free-port';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './support/test-redis';
import { WORKSPACE } from '../support/workspace';

const PRESENCE_TTL_MS = 1500;

/** Instances as real processes from the production build. */
describe('instances as real processes', () => {
  const prefix = uniquePrefix('processes');
  const env = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    PRESENCE_TTL_MS: String(PRESENCE_TTL_MS),
  };
  const started: ApiProcess[] = [];
  const start = async () => {
    const instance = await ApiProcess.start(env);
    started.push(instance);
    return instance;
  };

  afterEach(() => closeClients());

  afterAll(async () => {
    for (const instance of started) await instance.stop('SIGKILL');
    const redis = await connectRedis(TEST_REDIS_URL);
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('drops an instance killed without a goodbye from `online` within its heartbeat TTL', async () => {
    const [survivor, doomed] = [await start(), await start()];
    const { socket: watcher } = await connected(survivor.url);
    const presence = record<Presence>(watcher, 'presence');
    await connected(doomed.url);
    await connected(doomed.url);
    await eventually(() => presence.at(-1)?.online === 3, 1000);

    const killedAt = performance.now();
    await doomed.stop('SIGKILL');
    await eventually(() => presence.at(-1)?.online === 1, PRESENCE_TTL_MS + 2000);
    const droppedMs = performance.now() - killedAt;
    process.stdout.write(
      `processes: killed instance left online after ${droppedMs.toFixed(0)} ms (TTL ${PRESENCE_TTL_MS} ms)\n`,
    );
    expect(droppedMs).toBeLessThan(PRESENCE_TTL_MS + 1000);
  });

  it('takes a stopped instance (SIGTERM) out of `online` within a second, and exits 0', async () => {
    const [survivor, leaving] = [await start(), await start()];
    const { socket: watcher } = await connected(survivor.url);
    const presence = record<Presence>(watcher, 'presence');
    await connected(leaving.url);
    await eventually(() => presence.at(-1)?.online === 2, 1000);
    const stoppedAt = performance.now();
    expect(await leaving.stop('SIGTERM')).toBe(0);
    await eventually(() => presence.at(-1)?.online === 1, 1000);
    process.stdout.write(
      `processes: stopped instance left online after ${(performance.now() - stoppedAt).toFixed(0)} ms\n`,
    );
  });

  it('refuses to start when Redis cannot be reached, saying where, and exits 1', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const child = spawn(process.execPath, [join(WORKSPACE, 'dist/apps/api/main.js')], {
      env: { PATH: process.env['PATH'], PORT: '0', LOG_LEVEL: 'silent', REDIS_URL: url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const startedAt = performance.now();
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(performance.now() - startedAt).toBeLessThan(5000);
    expect(stderr).toContain(`live-api failed to start: Cannot reach Redis at ${url}`);
    expect(stderr).toContain('ECONNREFUSED');
  });
});
