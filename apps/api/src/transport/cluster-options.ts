import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import type { RedisConfig } from '../config/config';
import { withStreamCursors } from './stream-cursor';
import { wholeFrameAdapters } from './whole-frames';

/**
 * Socket.IO options for one instance of several sharing a Redis. Broadcasts travel through a
 * Redis stream (the streams adapter): ordered, and kept for a while, which is what lets a client
 * that dropped for up to `recoveryWindowMs` get the packets it missed on reconnect
 * (`socket.recovered`), on whichever instance it lands.
 *
 * @param publisher a connection that queues commands while Redis is away (see redis-connection.ts)
 */
export function clusterOptions(publisher: Redis, config: RedisConfig): Partial<ServerOptions> {
  // Its reading client must not skip what is added between two reads before its first entry.
  const streamsAdapter = withStreamCursors(publisher, (client) =>
    createAdapter(client, {
      streamName: `${config.prefix}socket.io`,
      channelPrefix: `${config.prefix}socket.io`,
      sessionKeyPrefix: `${config.prefix}socket.io:session:`,
      // An idle XREAD returns this often; shutdown waits for it, so keep it short.
      blockTimeInMs: 1000,
    }),
  );
  return {
    adapter: wholeFrameAdapters(streamsAdapter),
    connectionStateRecovery: {
      maxDisconnectionDuration: config.recoveryWindowMs,
      // The handshake middleware runs again: it restores nothing the session lacks, and checks auth.
      skipMiddlewares: false,
    },
  };
}
