import { closeClients, connected, eventually, record, type Client } from '../harness';
import { startCluster, type Cluster } from './support/cluster';
import { RedisServer } from './support/redis-server';

const healthOf = async (url: string) => {
  const response = await fetch(`${url}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Two instances on a Redis of the test's own, which is killed and restarted mid-run. */
describe('when Redis goes away and comes back', () => {
  let redis: RedisServer;
  let cluster: Cluster;

  beforeAll(async () => {
    redis = await RedisServer.start();
    cluster = await startCluster(2, { REDIS_URL: redis.url });
  });

  afterAll(async () => {
    closeClients();
    await cluster.close();
    await redis.dispose();
  });

  it('answers UNAVAILABLE and 503 while it is down, recovers by itself, and loses nothing acked', async () => {
    const [a, b] = cluster.instances;
    const { socket: alice } = await connected(a.url, { auth: { name: 'Alice' } });
    const { socket: bob } = await connected(b.url, { auth: { name: 'Bob' } });
    const click = (socket: Client, id: string) => socket.emitWithAck('click', { id });

    // Before: acked writes, then a burst still in flight when Redis dies.
    const acked = [await click(alice, 'c-1'), await click(bob, 'c-2')];
    const message = await alice.emitWithAck('message', { text: 'kept', id: 'm-1' });
    expect([...acked, message].every((ack) => ack.ok)).toBe(true);
    const burst = Array.from({ length: 40 }, (_, i) => click(i % 2 ? alice : bob, `burst-${i}`));
    await redis.kill();
    const burstAcks = await Promise.all(burst);

    // During: clear refusals, never a silent loss, and /health says why.
    const down = await click(alice, 'c-3');
    expect(down).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.any(String) },
    });
    expect(await bob.emitWithAck('message', { text: 'refused', id: 'm-2' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    for (const instance of cluster.instances) {
      const health = await healthOf(instance.url);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({
        status: 'unavailable',
        store: expect.stringMatching(/Redis/),
      });
    }

    // After: both instances heal without help.
    const restartedAt = performance.now();
    await redis.restart();
    for (const instance of cluster.instances) {
      await eventually(async () => expect((await healthOf(instance.url)).status).toBe(200), {
        timeoutMs: 10_000,
      });
    }
    const recoveredMs = performance.now() - restartedAt;
    process.stdout.write(
      `outage: both instances healthy ${recoveredMs.toFixed(0)} ms after Redis restarted\n`,
    );

    // Every click retried with its id counts once: acked ones were kept, refused ones were not invented.
    const retried = await Promise.all([
      click(alice, 'c-3'),
      ...burstAcks.map((_, i) => click(i % 2 ? alice : bob, `burst-${i}`)),
    ]);
    expect(retried.every((ack) => ack.ok)).toBe(true);
    const total = 2 + 40 + 1;
    expect(Math.max(...retried.map((ack) => (ack.ok ? ack.count : 0)))).toBe(total);
    for (const [i, ack] of burstAcks.entries()) if (ack.ok) expect(retried[i + 1]).toEqual(ack);

    const again = await bob.emitWithAck('message', { text: 'refused', id: 'm-2' });
    const history = await alice.emitWithAck('history', {});
    expect(history.ok && history.messages.map((m) => m.text)).toEqual(['kept', 'refused']);
    expect(again.ok && message.ok && again.message.seq > message.message.seq).toBe(true);

    // Broadcasts between the instances work again too.
    const heard = record<number>(bob, 'click');
    const last = await click(alice, 'c-4');
    await eventually(() => last.ok && heard.at(-1) === last.count);
    expect(alice.connected && bob.connected).toBe(true);
  });
});
