import type { Redis } from 'ioredis';
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

describe('RedisStore', () => {
  it('keeps only the latest messages up to the history cap', async () => {
    const store = openStore({ historyCap: 100 });
    for (let i = 1; i <= 105; i++) {
      await store.append({
        id: `m${i}`,
        author: 'Ada',
        text: `m${i}`,
        sentAt: new Date().toISOString(),
      });
    }
    const oldest = await store.messages({ after: 0, limit: 100 });
    expect(oldest).toHaveLength(100);
    expect(oldest[0].seq).toBe(6);
    expect((await store.messages({ limit: 1 }))[0].seq).toBe(105);
  });

  it('remembers ids with a TTL, so they do not pile up for ever', async () => {
    const prefix = uniquePrefix('ttl');
    const store = openStore({ prefix });
    await store.click('ttl-click');
    await store.append({
      id: 'ttl-msg',
      author: 'Ada',
      text: 'x',
      sentAt: new Date().toISOString(),
    });
    expect(await redis.pttl(`${prefix}click:ttl-click`)).toBeGreaterThan(23 * 3600_000);
    expect(await redis.pttl(`${prefix}message:ttl-msg`)).toBeGreaterThan(23 * 3600_000);
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

  it('edits, finds and deletes a message whose id key has expired; an edit keeps the key TTL', async () => {
    const prefix = uniquePrefix('old-messages');
    const store = openStore({ prefix });
    const sentAt = new Date().toISOString();
    await store.append({ id: 'recent', author: 'Ada', text: 'x', sentAt });
    await store.append({ id: 'old', author: 'Ada', text: 'y', sentAt });
    await store.append({ id: 'older', author: 'Ada', text: 'z', sentAt });
    await redis.del(`${prefix}message:old`, `${prefix}message:older`);

    const edited = await store.edit('old', 'y, edited', sentAt);
    expect(edited).toMatchObject({ id: 'old', seq: 2, text: 'y, edited', editedAt: sentAt });
    expect(await store.message('old')).toEqual(edited);
    expect(await store.delete('older')).toBe(true);
    expect(await store.message('older')).toBeUndefined();

    await store.edit('recent', 'x, edited', sentAt);
    expect(await redis.pttl(`${prefix}message:recent`)).toBeGreaterThan(23 * 3600_000);
    expect((await store.messages({ limit: 10 })).map((m) => m.text)).toEqual([
      'x, edited',
      'y, edited',
    ]);
  });

  it('answers every request with StoreUnavailableError, saying why, while Redis is unreachable', async () => {
    const lonely = await connectRedis(TEST_REDIS_URL);
    const store = new RedisStore(lonely, { prefix: uniquePrefix('gone'), historyCap: 100 });
    lonely.disconnect();
    await expect(store.click()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.messages({ limit: 5 })).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.check()).rejects.toThrow(/Redis is unavailable/);
  });
});
