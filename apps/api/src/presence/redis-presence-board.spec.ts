import type { Redis } from 'ioredis';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../test/redis/support/test-redis';
import { connectRedis } from '../redis/redis-connection';
import { RedisPresenceBoard } from './redis-presence-board';

describe('RedisPresenceBoard', () => {
  const prefix = uniquePrefix('presence');
  let redis: Redis;

  beforeAll(async () => {
    redis = await connectRedis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it('sums the connections every instance reports, and forgets one that leaves', async () => {
    const a = new RedisPresenceBoard(redis, `${prefix}sum:`, 5000);
    const b = new RedisPresenceBoard(redis, `${prefix}sum:`, 5000);
    expect(await a.report(2)).toBe(2);
    expect(await b.report(3)).toBe(5);
    expect(await a.report(1)).toBe(4);
    await b.leave();
    expect(await a.report(1)).toBe(1);
  });

  it('drops an instance whose heartbeat expired', async () => {
    const silent = new RedisPresenceBoard(redis, `${prefix}ttl:`, 200);
    const alive = new RedisPresenceBoard(redis, `${prefix}ttl:`, 5000);
    await silent.report(7);
    expect(await alive.report(1)).toBe(8);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await alive.report(1)).toBe(1);
    expect(await redis.smembers(`${prefix}ttl:presence:instances`)).toHaveLength(1);
  });
});
