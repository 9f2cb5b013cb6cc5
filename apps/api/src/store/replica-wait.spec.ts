import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { eventually } from '@live/test-support';
import { ReplicaWait } from './replica-wait';

const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Against the test Redis, a primary with no replica (the failover test has one with a replica). */
describe('ReplicaWait', () => {
  let redis: Redis;
  beforeAll(() => (redis = new Redis(TEST_REDIS_URL)));
  afterAll(() => redis.disconnect());

  it('acks as a single primary while the primary has no replica, without a WAIT that could only time out', async () => {
    const replicas = new ReplicaWait(redis, 1, 300);
    const waits = jest.spyOn(redis, 'wait');
    try {
      const role = (await redis.role()) as [string, number, unknown[]];
      expect(role[2]).toEqual([]);
      await eventually(async () => {
        const started = performance.now();
        await replicas.confirm();
        expect(performance.now() - started).toBeLessThan(100);
        expect(waits).not.toHaveBeenCalled();
      });
    } finally {
      waits.mockRestore();
      replicas.close();
    }
  });

  it('never waits when no replica is asked for', async () => {
    const replicas = new ReplicaWait(redis, 0, 300);
    const waits = jest.spyOn(redis, 'wait');
    await replicas.confirm();
    expect(waits).not.toHaveBeenCalled();
    waits.mockRestore();
    replicas.close();
  });
});
