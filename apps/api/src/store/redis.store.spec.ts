import type { Redis } from 'ioredis';
import { LOBBY } from '@live/shared-events';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../test/redis/support/test-redis';
import { connectRedis } from '../redis/redis-connection';
import { RedisStore } from './redis.store';
import { StoreUnavailableError } from './store';
import { describeStoreContract } from './store.contract';

const prefixes: string[] = [];
let redis: Redis;

beforeAll(async () => {
  redis = await connectRedis(TEST_REDIS_URL);
});

afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(redis, prefix);
  await redis.quit();
});

function openStore(options: { historyCap?: number; prefix?: string } = {}): RedisStore {
  const prefix = options.prefix ?? uniquePrefix('store');
  prefixes.push(prefix);
  return new RedisStore(redis, { prefix, historyCap: options.historyCap ?? 10_000 });
}

describeStoreContract('RedisStore', () => {
  const prefix = uniquePrefix('store');
  return async () => openStore({ prefix });
});

const draft = (id: string) => ({ id, author: 'Ada', text: id, sentAt: new Date().toISOString() });

/** The keys under `prefix`, without it, sorted. */
async function keysUnder(prefix: string): Promise<string[]> {
  const keys = await redis.keys(`${prefix}*`);
  return keys.map((key) => key.slice(prefix.length)).sort();
}

describe('RedisStore', () => {
  it('keeps only the latest messages of each room up to the history cap', async () => {
    const store = openStore({ historyCap: 100 });
    for (let i = 1; i <= 105; i++) await store.append(LOBBY, draft(`m${i}`));
    for (let i = 1; i <= 3; i++) await store.append('maths-101', draft(`m${i}`));
    const oldest = await store.messages(LOBBY, { after: 0, limit: 100 });
    expect(oldest).toHaveLength(100);
    expect(oldest[0].seq).toBe(6);
    expect((await store.messages(LOBBY, { limit: 1 }))[0].seq).toBe(105);
    expect(await store.messages('maths-101', { after: 0, limit: 100 })).toHaveLength(3);
  });

  it('keeps the lobby in the keys from before rooms, and every other room under room:<slug>:', async () => {
    const prefix = uniquePrefix('layout');
    const store = openStore({ prefix });
    for (const room of [LOBBY, 'maths-101']) {
      await store.click(room, 'c-1');
      await store.append(room, draft('m-1'));
    }
    await store.saveIdentity({ id: 'u-1', name: 'Ada', createdAt: 1, lastSeenAt: 2 }, 60_000);
    expect(await keysUnder(prefix)).toEqual([
      'click:c-1',
      'count',
      'history',
      'identity:u-1',
      'message:m-1',
      'room:maths-101:click:c-1',
      'room:maths-101:count',
      'room:maths-101:history',
      'room:maths-101:message:m-1',
      'room:maths-101:seq',
      'seq',
    ]);
  });

  it('reads what a deployment from before rooms stored as the lobby', async () => {
    const prefix = uniquePrefix('before-rooms');
    const stored = [
      { seq: 1, id: 'old-1', author: 'Ada', text: 'one', sentAt: '2026-01-01T00:00:00.000Z' },
      { seq: 2, id: 'old-2', author: 'Ada', text: 'two', sentAt: '2026-01-01T00:01:00.000Z' },
    ];
    // As that release wrote them: the same key names, the same JSON.
    await redis.set(`${prefix}count`, 42);
    await redis.set(`${prefix}seq`, 2);
    await redis.set(`${prefix}click:c-1`, 41, 'PX', 60_000);
    for (const message of stored) {
      await redis.zadd(`${prefix}history`, message.seq, JSON.stringify(message));
    }
    await redis.set(`${prefix}message:old-2`, JSON.stringify(stored[1]), 'PX', 60_000);

    const store = openStore({ prefix });
    expect(await store.count(LOBBY)).toBe(42);
    expect(await store.click(LOBBY, 'c-1')).toBe(41);
    expect(await store.messages(LOBBY, { limit: 10 })).toEqual(stored);
    expect(await store.message(LOBBY, 'old-1')).toEqual(stored[0]);
    expect(await store.append(LOBBY, draft('old-2'))).toEqual({
      message: stored[1],
      created: false,
    });
    expect(await store.append(LOBBY, draft('new'))).toMatchObject({ message: { seq: 3 } });
    expect(await store.count('maths-101')).toBe(0);
    expect(await store.messages('maths-101', { limit: 10 })).toEqual([]);
  });

  it('stores nothing for a room nobody used, nor for one reset with no messages', async () => {
    const prefix = uniquePrefix('empty-rooms');
    const store = openStore({ prefix });
    const nobody = 'nobody-here';
    await store.count(nobody);
    await store.messages(nobody, { limit: 10 });
    await store.messages(nobody, { after: 0, limit: 10 });
    await store.message(nobody, 'm-1');
    await store.edit(nobody, 'm-1', 'text', new Date().toISOString());
    await store.delete(nobody, 'm-1');
    expect(await keysUnder(prefix)).toEqual([]);

    await store.click('quiet', 'c-1');
    await store.click('quiet');
    expect(await keysUnder(prefix)).toEqual(['room:quiet:click:c-1', 'room:quiet:count']);
    await store.resetCounter('quiet');
    await store.click(LOBBY, 'c-1');
    await store.resetCounter(LOBBY);
    expect(await keysUnder(prefix)).toEqual([]);
  });

  it('remembers ids with a TTL, so they do not pile up for ever', async () => {
    const prefix = uniquePrefix('ttl');
    const store = openStore({ prefix });
    for (const room of [LOBBY, 'maths-101']) {
      await store.click(room, 'ttl-click');
      await store.append(room, draft('ttl-msg'));
    }
    for (const room of ['', 'room:maths-101:']) {
      expect(await redis.pttl(`${prefix}${room}click:ttl-click`)).toBeGreaterThan(23 * 3600_000);
      expect(await redis.pttl(`${prefix}${room}message:ttl-msg`)).toBeGreaterThan(23 * 3600_000);
    }
  });

  it('keeps identities, name holds and mutes in keys that expire when they end', async () => {
    const prefix = uniquePrefix('ends');
    const store = openStore({ prefix });
    const hour = 3600_000;
    await store.saveIdentity({ id: 'u-1', name: 'Ada', createdAt: 1, lastSeenAt: 2 }, hour);
    await store.claimName('ada', 'u-1', Date.now() + 2 * hour);
    await store.mute('u-1', Date.now() + 3 * hour);
    const ttl = async (key: string) => Math.round((await redis.pttl(`${prefix}${key}`)) / hour);
    expect([await ttl('identity:u-1'), await ttl('name:ada'), await ttl('mute:u-1')]).toEqual([
      1, 2, 3,
    ]);
    await store.releaseName('ada', 'u-1');
    await store.mute('u-1', 0);
    expect(await redis.exists(`${prefix}name:ada`, `${prefix}mute:u-1`)).toBe(0);
  });

  it.each([
    [LOBBY, ''],
    ['maths-101', 'room:maths-101:'],
  ])(
    'edits, finds and deletes a message whose id key has expired in %s; an edit keeps the key TTL',
    async (room, keys) => {
      const prefix = uniquePrefix('old-messages');
      const store = openStore({ prefix });
      const sentAt = new Date().toISOString();
      await store.append(room, { id: 'recent', author: 'Ada', text: 'x', sentAt });
      await store.append(room, { id: 'old', author: 'Ada', text: 'y', sentAt });
      await store.append(room, { id: 'older', author: 'Ada', text: 'z', sentAt });
      await redis.del(`${prefix}${keys}message:old`, `${prefix}${keys}message:older`);

      const edited = await store.edit(room, 'old', 'y, edited', sentAt);
      expect(edited).toMatchObject({ id: 'old', seq: 2, text: 'y, edited', editedAt: sentAt });
      expect(await store.message(room, 'old')).toEqual(edited);
      expect(await store.delete(room, 'older')).toBe(true);
      expect(await store.message(room, 'older')).toBeUndefined();

      await store.edit(room, 'recent', 'x, edited', sentAt);
      expect(await redis.pttl(`${prefix}${keys}message:recent`)).toBeGreaterThan(23 * 3600_000);
      expect((await store.messages(room, { limit: 10 })).map((m) => m.text)).toEqual([
        'x, edited',
        'y, edited',
      ]);
    },
  );

  it('answers every request with StoreUnavailableError, saying why, while Redis is unreachable', async () => {
    const lonely = await connectRedis(TEST_REDIS_URL);
    const store = new RedisStore(lonely, { prefix: uniquePrefix('gone'), historyCap: 100 });
    lonely.disconnect();
    await expect(store.click(LOBBY)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.messages('maths-101', { limit: 5 })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await expect(store.check()).rejects.toThrow(/Redis is unavailable/);
  });
});
