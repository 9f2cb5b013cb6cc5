import { connectRedis } from '../../../src/redis/redis-connection';
import { removeDataDir, startApp, type Running } from '../../harness';
import { deleteKeys, TEST_IDENTITY_SECRET, TEST_REDIS_URL, uniquePrefix } from './test-redis';

export interface Cluster {
  instances: Running[];
  prefix: string;
  /** Closes every instance and deletes every key the run made. */
  close(): Promise<void>;
}

/**
 * `size` instances of the real app in this process, each on its own port, sharing one Redis
 * under a key prefix of their own.
 */
export async function startCluster(
  size: number,
  env: Record<string, string> = {},
): Promise<Cluster> {
  const prefix = uniquePrefix('cluster');
  const settings = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    ...env,
  };
  const instances: Running[] = [];
  for (let i = 0; i < size; i++) instances.push(await startApp(settings));
  return {
    instances,
    prefix,
    async close() {
      for (const instance of instances) {
        await instance.close();
        removeDataDir(instance.dataDir);
      }
      const redis = await connectRedis(settings.REDIS_URL);
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
}
