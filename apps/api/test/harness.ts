import { afterEach, beforeEach } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino, { type Level, type Logger } from 'pino';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Welcome } from '@live/shared-events';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';

// The API's specs take every helper from here; polling is the workspace's one `eventually`.
export { eventually } from '@live/test-support';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Running {
  app: INestApplication;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A temp DATA_DIR, removed by `removeDataDir`. */
export const makeDataDir = () => mkdtempSync(join(tmpdir(), 'live-api-test-'));
export const removeDataDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** A pino logger at `level` whose JSON lines are kept in memory, for tests about logging. */
export function captureLogs(level: Level) {
  let text = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return {
    logger: pino({ level }, sink),
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Boots the real app on 127.0.0.1, port 0, with env overrides (DATA_DIR defaults to a new temp dir). */
export async function startApp(
  env: Record<string, string> = {},
  logger: Logger = pino({ level: 'silent' }),
): Promise<Running> {
  const dataDir = env['DATA_DIR'] ?? makeDataDir();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    // Tests send faster than people; the rate-limit tests set their own limits.
    RATE_MESSAGE_BURST: '1000',
    RATE_CLICK_BURST: '1000',
    RATE_HISTORY_BURST: '1000',
    // Every test client comes from 127.0.0.1; the cap's own tests set theirs.
    MAX_CONNECTIONS_PER_IP: '10000',
    RATE_CONNECT_BURST: '10000',
    ...env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const app = await createApp(config, logger);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}`, dataDir, close: () => app.close() };
}

/** The same socket without the protocol's types, to send what an untyped or hostile client would. */
export const untyped = (socket: Client) =>
  socket as unknown as {
    emit(event: string, ...args: unknown[]): void;
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
  };

/**
 * Returns a `start(env)` for servers a test boots itself; after each test they are closed with
 * every client, and their data removed.
 */
export function useServers(): (env?: Record<string, string>) => Promise<Running> {
  const running: Running[] = [];
  afterEach(async () => {
    closeClients();
    for (const server of running.splice(0)) {
      await server.close();
      removeDataDir(server.dataDir);
    }
  });
  return async (env = {}) => {
    const server = await startApp(env);
    running.push(server);
    return server;
  };
}

/** Boots a fresh app before each test and closes it, its clients and its data after. */
export function serveEachTest(env: Record<string, string> = {}): () => Running {
  const start = useServers();
  let server: Running;
  beforeEach(async () => {
    server = await start(env);
  });
  return () => server;
}

const open: Client[] = [];

/** A real socket.io-client, WebSocket transport unless told otherwise; closed by `closeClients`. */
export function client(url: string, options: Partial<ManagerOptions & SocketOptions> = {}): Client {
  const socket: Client = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...options,
  });
  open.push(socket);
  return socket;
}

export function closeClients(): void {
  for (const socket of open.splice(0)) socket.close();
}

/** Resolves with the next `event` on `socket` (with all its arguments when there are several). */
export function next<T = unknown>(socket: Socket, event: string, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    socket.once(event, listener);
  });
}

/** Connects and resolves with the socket and its `welcome`. */
export async function connected(
  url: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
) {
  const socket = client(url, options);
  const welcome = await next<Welcome>(socket, 'welcome');
  return { socket, welcome };
}

/** Collects every `event` payload `socket` receives from now on. */
export function record<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (value: T) => seen.push(value));
  return seen;
}

/** The address of a raw Engine.IO WebSocket to the server at `url`, for hand-written packets. */
export const rawSocketUrl = (url: string) =>
  `${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;

/** The Prometheus text `GET /metrics` answers. */
export async function metricsText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

/** What `httpRequest` answers. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A plain HTTP request with any headers (fetch refuses to forge Host): a GET, or with `body` a POST. */
export function httpRequest(
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, method: body === undefined ? 'GET' : 'POST' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
