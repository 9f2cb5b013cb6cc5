import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { PresenceBoard } from './presence-board';

/**
 * Posts a heartbeat and sums every live one, dropping the expired, in one atomic step.
 * KEYS: the set of instance ids, this instance's heartbeat key.
 * ARGV: connections, heartbeat TTL (ms), heartbeat key prefix, this instance's id.
 * (It reads other instances' heartbeat keys by name: fine on one Redis, not on Redis Cluster.)
 */
const REPORT = `
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[1], ARGV[4])
local online = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local connections = redis.call('GET', ARGV[3] .. id)
  if connections then online = online + tonumber(connections) else redis.call('SREM', KEYS[1], id) end
end
return online
`;

interface ReportScript {
  reportPresence(
    instances: string,
    heartbeat: string,
    connections: number,
    ttlMs: number,
    heartbeatPrefix: string,
    instanceId: string,
  ): Promise<number>;
}

/**
 * Presence across instances: each instance keeps a heartbeat key holding its connection count
 * with a TTL, so an instance that dies without a goodbye drops out when its key expires.
 */
export class RedisPresenceBoard implements PresenceBoard {
  private readonly instances: string;
  private readonly heartbeatPrefix: string;
  private readonly heartbeat: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly ttlMs: number,
    private readonly instanceId: string = randomUUID(),
  ) {
    this.instances = `${prefix}presence:instances`;
    this.heartbeatPrefix = `${prefix}presence:instance:`;
    this.heartbeat = this.heartbeatPrefix + instanceId;
    redis.defineCommand('reportPresence', { numberOfKeys: 2, lua: REPORT });
  }

  report(connections: number): Promise<number> {
    return (this.redis as unknown as ReportScript).reportPresence(
      this.instances,
      this.heartbeat,
      connections,
      this.ttlMs,
      this.heartbeatPrefix,
      this.instanceId,
    );
  }

  async leave(): Promise<void> {
    await this.redis.multi().del(this.heartbeat).srem(this.instances, this.instanceId).exec();
  }
}
