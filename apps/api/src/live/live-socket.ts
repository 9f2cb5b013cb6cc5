import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@live/shared-events';
import type { TokenBucket } from './token-bucket';
import type { RateLimitedEvent } from '../config/config';

/** What the server keeps on each connection. */
export interface LiveSocketData {
  name: string;
  typing: boolean;
  buckets: Partial<Record<RateLimitedEvent, TokenBucket>>;
  /** Set by the moderator middleware: the handshake carried the operator token. */
  moderator?: boolean;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, object, LiveSocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, LiveSocketData>;
