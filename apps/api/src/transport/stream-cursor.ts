import type { Redis } from 'ioredis';

type Xread = (...args: (string | number)[]) => Promise<[string, [string, string[]][]][] | null>;

/**
 * Makes `client`'s XREAD read `$` as "after the last entry this client saw": the stream's last
 * entry when it first asks ("0-0" for a stream that does not exist yet), then the last one each
 * read returned. Redis reads `$` as "what is added after this call", so a reader that asks for
 * `$` again after a read that timed out skips whatever was added in between. The streams adapter
 * does that until it has read its first entry: an instance whose stream stayed idle since it
 * started would miss, for its clients, another instance's broadcast added between two reads.
 * An explicit id is passed on as it is. Expects the adapter's form of the call, the stream and
 * its id last (`... STREAMS <stream> <id>`).
 */
export function keepStreamCursor(client: Redis): Redis {
  const xread = client.xread.bind(client) as unknown as Xread;
  let cursor: string | undefined;
  const read: Xread = async (...args) => {
    const last = args.length - 1;
    if (args[last] === '$') {
      const stream = String(args[last - 1]);
      cursor ??= (await client.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
      args[last] = cursor;
    }
    const result = await xread(...args);
    const entries = result?.[0]?.[1];
    if (entries?.length) cursor = entries[entries.length - 1][0];
    return result;
  };
  (client as unknown as { xread: Xread }).xread = read;
  return client;
}

/**
 * Calls `create` with `publisher`, every client it duplicates from it meanwhile keeping its
 * stream cursor ({@link keepStreamCursor}): the streams adapter makes its reading client that
 * way, synchronously, when it is created. The publisher itself is left as it was.
 */
export function withStreamCursors<T>(publisher: Redis, create: (publisher: Redis) => T): T {
  const own = Object.hasOwn(publisher, 'duplicate');
  const duplicate = publisher.duplicate;
  publisher.duplicate = (...args: Parameters<Redis['duplicate']>) =>
    keepStreamCursor(duplicate.apply(publisher, args));
  try {
    return create(publisher);
  } finally {
    if (own) publisher.duplicate = duplicate;
    else delete (publisher as Partial<Redis>).duplicate;
  }
}
