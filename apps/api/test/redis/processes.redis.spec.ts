import type { Presence } from '@live/shared-events';
import { freePort, spawnBuiltApi, startBuiltApi, type ServerProcess } from '@live/test-support';
import { connectRedis } from '../../src/redis/redis-connection';
import { closeClients, connected, eventually, record } from '../harness';
import {
  deleteKeys,
  TEST_IDENTITY_SECRET,
  TEST_REDIS_URL,
  uniquePrefix,
} from './support/test-redis';

const PRESENCE_TTL_MS = 1500;

/** Instances as real processes from the production build. */
describe('instances as real processes', () => {
  const prefix = uniquePrefix('processes');
  const env = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    PRESENCE_TTL_MS: String(PRESENCE_TTL_MS),
  };
  const started: ServerProcess[] = [];
  const track = (instance: ServerProcess) => (started.push(instance), instance);
  const start = async () => track(await startBuiltApi({ env }));

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
    await eventually(() => presence.at(-1)?.online === 3);

    const killedAt = performance.now();
    await doomed.stop('SIGKILL');
    await eventually(() => presence.at(-1)?.online === 1, { timeoutMs: PRESENCE_TTL_MS + 2000 });
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
    await eventually(() => presence.at(-1)?.online === 2);
    const stoppedAt = performance.now();
    expect(await leaving.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    // Sooner than PRESENCE_TTL_MS: the instance took itself out, it was not left to expire.
    await eventually(() => presence.at(-1)?.online === 1, { timeoutMs: 1000 });
    process.stdout.write(
      `processes: stopped instance left online after ${(performance.now() - stoppedAt).toFixed(0)} ms\n`,
    );
  });

  it('refuses to start when Redis cannot be reached, saying where, and exits 1', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const startedAt = performance.now();
    const server = track(
      await spawnBuiltApi({
        env: { LOG_LEVEL: 'silent', REDIS_URL: url, IDENTITY_SECRET: TEST_IDENTITY_SECRET },
      }),
    );
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(performance.now() - startedAt).toBeLessThan(5000);
    expect(server.output).toContain(`live-api failed to start: Cannot reach Redis at ${url}`);
    expect(server.output).toContain('ECONNREFUSED');
  });
});
