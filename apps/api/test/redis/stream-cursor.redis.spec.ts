import { Redis } from 'ioredis';
import { keepStreamCursor } from '../../src/transport/stream-cursor';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './support/test-redis';

type Entries = [string, [string, string[]][]][] | null;

/** The streams adapter's read, as it makes it: BLOCK, COUNT, then the stream and `$`. */
const read = (client: Redis, stream: string) =>
  (client as unknown as { xread(...args: (string | number)[]): Promise<Entries> }).xread(
    'BLOCK',
    50,
    'COUNT',
    100,
    'STREAMS',
    stream,
    '$',
  );

describe('a stream reader that keeps its place', () => {
  const prefix = uniquePrefix('stream-cursor');
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(TEST_REDIS_URL);
    clients.push(redis);
    return redis;
  };

  afterAll(async () => {
    await deleteKeys(clients[0], prefix);
    await Promise.all(clients.map((redis) => redis.quit()));
  });

  // The streams adapter reads from `$` until it has read an entry; an instance whose stream was
  // idle since it started would miss, for its clients, a broadcast added between two reads.
  it('reads `$` as after the last entry it saw, so nothing added between two reads is skipped', async () => {
    const reader = keepStreamCursor(client());
    const writer = client();
    const stream = `${prefix}earlier`;
    await writer.xadd(stream, '*', 'n', 'before the reader');
    expect(await read(reader, stream)).toBeNull();
    await writer.xadd(stream, '*', 'n', 'between two reads');
    const [[, entries]] = (await read(reader, stream)) ?? [[stream, []]];
    expect(entries.map(([, fields]) => fields)).toEqual([['n', 'between two reads']]);
    await writer.xadd(stream, '*', 'n', 'after');
    const [[, later]] = (await read(reader, stream)) ?? [[stream, []]];
    expect(later.map(([, fields]) => fields)).toEqual([['n', 'after']]);
  });

  it('starts at the beginning of a stream that does not exist yet', async () => {
    const reader = keepStreamCursor(client());
    const stream = `${prefix}new`;
    expect(await read(reader, stream)).toBeNull();
    await client().xadd(stream, '*', 'n', 'first');
    const [[, entries]] = (await read(reader, stream)) ?? [[stream, []]];
    expect(entries.map(([, fields]) => fields)).toEqual([['n', 'first']]);
  });
});
