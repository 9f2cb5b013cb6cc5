import { jest } from '@jest/globals';
import { connectRedis } from '../../src/redis/redis-connection';
import { StoreUnavailableError } from '../../src/store/store';
import { ReplicaWait } from '../../src/store/replica-wait';
import {
  closeClients,
  connected,
  eventually,
  removeDataDir,
  startApp,
  type Client,
  type Running,
} from '../harness';
import { MASTER, SentinelSet } from './support/sentinel-set';
import { TEST_IDENTITY_SECRET, uniquePrefix } from './support/test-redis';

jest.setTimeout(90_000);

type Ack =
  | { ok: true; count?: number; message?: { id: string; seq: number; text: string } }
  | { ok: false; error: { code: string } };

/**
 * A primary, a replica and three sentinels of the test's own: writes are acked only once the
 * replica has them, and losing the primary to a failover loses nothing that was acked.
 */
describe('Redis Sentinel: replicas and failover', () => {
  let set: SentinelSet;

  beforeAll(async () => {
    set = await SentinelSet.start();
  });

  afterAll(async () => {
    closeClients();
    await set.dispose();
  });

  it('confirms a write on the replica before it resolves, and refuses rather than acks when the replica is too slow', async () => {
    const redis = await connectRedis(`redis://127.0.0.1:${set.primary.port}`);
    const replicas = new ReplicaWait(redis, 1, 300);
    // For the writes that must be confirmed: a replica just thawed, on a machine running other
    // tests, may take longer than the 300 ms the refusal is about.
    const patient = new ReplicaWait(redis, 1, 5000);
    try {
      // Once the primary has said it has a replica.
      await eventually(
        async () => {
          await redis.set('probe', '1');
          const started = performance.now();
          set.replica.pause();
          const refused = await replicas.confirm().then(
            () => undefined,
            (error: unknown) => error,
          );
          set.replica.resume();
          expect(refused).toBeInstanceOf(StoreUnavailableError);
          expect((refused as Error).message).toBe(
            '0 of 1 Redis replicas confirmed the write within 300 ms',
          );
          expect(performance.now() - started).toBeGreaterThanOrEqual(290);
        },
        { timeoutMs: 5000, intervalMs: 100 },
      );
      await redis.set('probe', '2');
      await expect(patient.confirm()).resolves.toBeUndefined();
      // Writes that finish together share WAITs: one in flight, the next for all that came since.
      const waits = jest.spyOn(redis, 'wait');
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          await redis.set(`probe-${i}`, String(i));
          await patient.confirm();
        }),
      );
      expect(waits.mock.calls.length).toBeLessThanOrEqual(3);
      waits.mockRestore();
      expect(await redis.call('WAIT', 1, 100)).toBe(1);
    } finally {
      replicas.close();
      patient.close();
      redis.disconnect();
    }
  });

  it('survives kill -9 of the primary: UNAVAILABLE or nothing meanwhile, resumes on the promoted replica, every acked click and message kept, nothing invented', async () => {
    const prefix = uniquePrefix('failover');
    const env = {
      // With sentinels the URL's host and port are not used; the sentinels name the primary.
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_SENTINELS: set.addresses,
      REDIS_SENTINEL_MASTER: MASTER,
      REDIS_WAIT_REPLICAS: '1',
      // Long enough for a healthy replica on a busy machine; what the frozen one never confirms
      // is still refused, not acked.
      REDIS_WAIT_TIMEOUT_MS: '1000',
      REDIS_PREFIX: prefix,
      IDENTITY_SECRET: TEST_IDENTITY_SECRET,
      RATE_CLICK_PER_SEC: '1000',
      RATE_MESSAGE_PER_SEC: '1000',
    };
    await set.inSync();
    const instances: Running[] = [await startApp(env), await startApp(env)];
    try {
      const clients: Client[] = [];
      for (const [i, instance] of [...instances, ...instances].entries()) {
        clients.push((await connected(instance.url, { auth: { name: `Storm ${i}` } })).socket);
      }
      const clicks = new Map<string, Ack | 'no answer'>();
      const messages = new Map<string, Ack | 'no answer'>();
      const send = async (
        client: Client,
        event: 'click' | 'message',
        payload: object,
      ): Promise<Ack | 'no answer'> => {
        try {
          return (await client
            .timeout(3000)
            .emitWithAck(event as 'click', payload as never)) as Ack;
        } catch {
          return 'no answer';
        }
      };
      let killedAt = 0;
      let resumedAt = 0;
      let stop = false;
      const storm = clients.map(async (client, c) => {
        for (let n = 0; !stop; n++) {
          const id = `c${c}-${n}`;
          const ack = await send(client, 'click', { id });
          clicks.set(id, ack);
          if (killedAt && !resumedAt && ack !== 'no answer' && ack.ok)
            resumedAt = performance.now();
          if (n % 4 === 0) {
            const mid = `m${c}-${n}`;
            messages.set(mid, await send(client, 'message', { id: mid, text: `message ${mid}` }));
          }
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      });
      await eventually(
        () => [...clicks.values()].filter((a) => a !== 'no answer' && a.ok).length >= 100,
        { timeoutMs: 20_000 },
      );
      const oldPrimary = set.primary.port;
      // The worst moment: the replica stops confirming (frozen), writes go on, then the primary
      // dies. Writes the replica did not confirm in time were refused, not acked.
      set.replica.pause();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await set.primary.kill();
      killedAt = performance.now();
      set.replica.resume();
      await eventually(() => resumedAt > 0, { timeoutMs: 30_000, intervalMs: 50 });
      await eventually(
        () => [...clicks.values()].filter((a) => a !== 'no answer' && a.ok).length >= 400,
        { timeoutMs: 20_000 },
      );
      stop = true;
      await Promise.all(storm);
      expect(await set.primaryPort()).toBe(set.replica.port);
      expect(set.replica.port).not.toBe(oldPrimary);

      const refusals = [...clicks.values(), ...messages.values()].filter(
        (a) => a === 'no answer' || !a.ok,
      );
      for (const refusal of refusals) {
        if (refusal !== 'no answer' && !refusal.ok) expect(refusal.error.code).toBe('UNAVAILABLE');
      }
      process.stdout.write(
        `failover: service resumed ${((resumedAt - killedAt) / 1000).toFixed(1)} s after kill -9 of the primary; ` +
          `${clicks.size} clicks and ${messages.size} messages sent, ${refusals.length} answered UNAVAILABLE or not at all\n`,
      );

      // Retried with their ids, each by its own sender (ids are their author's), until acked:
      // each counts once, whether or not it was applied before.
      const [alice] = clients;
      const senderOf = (id: string) => clients[Number(/^[cm](\d+)-/.exec(id)?.[1])];
      for (const [id, ack] of clicks) {
        if (ack === 'no answer' || !ack.ok)
          clicks.set(
            id,
            await eventually(
              async () => {
                const again = await send(senderOf(id), 'click', { id });
                if (again === 'no answer' || !again.ok) throw new Error('not yet');
                return again;
              },
              { timeoutMs: 10_000 },
            ),
          );
      }
      const acked = [...messages].filter(([, ack]) => ack !== 'no answer' && ack.ok);
      for (const [id, ack] of messages) {
        if (ack === 'no answer' || !ack.ok)
          await eventually(
            async () => {
              const again = await send(senderOf(id), 'message', { id, text: `message ${id}` });
              if (again === 'no answer' || !again.ok) throw new Error('not yet');
            },
            { timeoutMs: 10_000 },
          );
      }

      // The final state: the exact count, and every message once, acked ones with their seq.
      const last = await send(alice, 'click', { id: 'final' });
      expect(last).toEqual({ ok: true, count: clicks.size + 1 });
      const history = (await alice.emitWithAck('history', { limit: 100, after: 0 })) as {
        ok: true;
        messages: { id: string; seq: number }[];
      };
      let stored = history.messages;
      while (stored.length < messages.size) {
        const page = (await alice.emitWithAck('history', {
          limit: 100,
          after: stored.at(-1)?.seq ?? 0,
        })) as typeof history;
        if (page.messages.length === 0) break;
        stored = [...stored, ...page.messages];
      }
      expect(stored.map(({ id }) => id).sort()).toEqual([...messages.keys()].sort());
      const seqOf = new Map(stored.map(({ id, seq }) => [id, seq]));
      for (const [id, ack] of acked)
        if (ack !== 'no answer' && ack.ok) expect(seqOf.get(id)).toBe(ack.message?.seq);
    } finally {
      closeClients();
      for (const instance of instances) {
        await instance.close();
        removeDataDir(instance.dataDir);
      }
    }
  });
});
