import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

/** The Redis the tests share (`.ci/run` makes sure it answers); each run uses its own key prefix. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** The session-signing key every instance of a test cluster shares (REDIS_URL requires one). */
export const TEST_IDENTITY_SECRET = 'test-identity-secret-0123456789abcdef';

/** A key prefix no other run or test uses. */
export const uniquePrefix = (label: string): string => `test:${label}:${randomUUID()}:`;

/** Deletes every key under `prefix` (what a test run leaves behind). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
