import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
import { commandCalls, RedisPair } from './redis-pair';

describe('commandCalls', () => {
  const stats = [
    '# Commandstats',
    'cmdstat_incr:calls=120,usec=300,usec_per_call=2.50,rejected_calls=0,failed_calls=0',
    'cmdstat_wait:calls=41,usec=90,usec_per_call=2.20,rejected_calls=0,failed_calls=0',
    'cmdstat_waitaof:calls=3,usec=9,usec_per_call=3.00,rejected_calls=0,failed_calls=0',
  ].join('\r\n');

  it("reads a command's calls from INFO commandstats", () => {
    expect(commandCalls(stats, 'wait')).toBe(41);
    expect(commandCalls(stats, 'incr')).toBe(120);
  });

  it('is 0 for a command never called (it has no line)', () => {
    expect(commandCalls(stats, 'role')).toBe(0);
  });
});

describe('RedisPair', () => {
  const ownDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('bench-redis-'));

  it('starts a primary whose replica has synced, counts WAITs, and leaves no files behind', async () => {
    const before = ownDirs();
    const pair = await RedisPair.start({ withReplica: true });
    const client = new Redis(pair.url, { maxRetriesPerRequest: 1 });
    try {
      const role = (await client.role()) as [string, number, unknown[]];
      expect(role[0]).toBe('master');
      expect(role[2]).toHaveLength(1);
      expect(await pair.waitCalls()).toBe(0);
      await client.set('k', '1');
      expect(await client.wait(1, 1000)).toBe(1);
      expect(await pair.waitCalls()).toBe(1);
    } finally {
      client.disconnect();
      await pair.stop();
    }
    expect(ownDirs()).toEqual(before);
  }, 30_000);

  it('starts a primary alone, which lists no replica', async () => {
    const pair = await RedisPair.start({ withReplica: false });
    const client = new Redis(pair.url, { maxRetriesPerRequest: 1 });
    try {
      expect(pair.replica).toBeUndefined();
      const role = (await client.role()) as [string, number, unknown[]];
      expect(role[2]).toEqual([]);
    } finally {
      client.disconnect();
      await pair.stop();
    }
  }, 30_000);
});
