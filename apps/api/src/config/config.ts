import * as z from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positive = z.coerce.number().positive();
const burst = z.coerce.number().int().min(1);

/** The operator token's rules: long, not one character repeated, no longer than a client may send. */
const ADMIN_TOKEN_MIN_LENGTH = 32;
const ADMIN_TOKEN_MAX_LENGTH = 256;
const ADMIN_TOKEN_MIN_DISTINCT = 10;
const MAKE_A_TOKEN = 'generate one with `openssl rand -hex 32`';

/** Every setting the API reads from the environment, with its default. */
const environmentSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Comma-separated origins allowed besides the server's own (the dev client's by default). */
  ALLOWED_ORIGINS: z
    .string()
    .default('http://localhost:4200,http://127.0.0.1:4200')
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each origin must be an http(s) URL' }))),
  /** Where the built client lives; empty disables serving it. */
  CLIENT_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `json` for log collectors, `pretty` for people; unset: pretty on a terminal or under `nx serve`. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  RATE_CLICK_BURST: burst.default(50),
  RATE_CLICK_PER_SEC: positive.default(20),
  RATE_MESSAGE_BURST: burst.default(5),
  RATE_MESSAGE_PER_SEC: positive.default(1),
  RATE_TYPING_BURST: burst.default(10),
  RATE_TYPING_PER_SEC: positive.default(2),
  RATE_HISTORY_BURST: burst.default(10),
  RATE_HISTORY_PER_SEC: positive.default(2),
  /** Each client address may use this many connections' worth of each limit above, together. */
  RATE_PER_ADDRESS_FACTOR: z.coerce.number().int().min(1).default(10),
  /** Each person (identity) may use this many connections' worth, over all their tabs and reconnects. */
  RATE_PER_PERSON_FACTOR: z.coerce.number().int().min(1).default(2),
  /** New connections (Socket.IO CONNECTs) per client address: a burst, then per second. */
  RATE_CONNECT_BURST: burst.default(100),
  RATE_CONNECT_PER_SEC: positive.default(1),
  /**
   * Rooms a client address may bring into this instance's memory (connecting to a room nobody
   * here is in): a burst, then per second. Each person (identity) gets the same, on their own.
   */
  RATE_ROOM_OPEN_BURST: burst.default(20),
  RATE_ROOM_OPEN_PER_SEC: positive.default(0.2),
  /** Rooms one instance keeps in memory at most; a connection to one more is refused while all are in use. */
  ROOMS_MAX: z.coerce.number().int().min(1).default(10_000),
  /** A room nobody on this instance is in leaves memory after this long (it comes back from the store). */
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(60_000),
  /** Client addresses the rate limiter remembers per limit; beyond it the least recent is forgotten. */
  RATE_LIMIT_MAX_ADDRESSES: z.coerce.number().int().min(100).default(100_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Set to run as one of several instances sharing this Redis; unset keeps the embedded SQLite store. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .optional(),
  /**
   * Redis Sentinel: `host:port` of each sentinel, comma-separated. The primary is then the one
   * they name REDIS_SENTINEL_MASTER, found again after a failover; REDIS_URL gives the password
   * and database (its host and port are not used).
   */
  REDIS_SENTINELS: z
    .string()
    .regex(/^[^\s:,]+:\d+(,[^\s:,]+:\d+)*$/, 'must be host:port[,host:port…]')
    .optional(),
  REDIS_SENTINEL_MASTER: z.string().min(1).default('mymaster'),
  /** Replicas that must have a write before it is acked, while the primary has any (WAIT; 0: none). */
  REDIS_WAIT_REPLICAS: z.coerce.number().int().min(0).max(10).default(1),
  /** How long they may take; past it the write is answered UNAVAILABLE, never acked falsely. */
  REDIS_WAIT_TIMEOUT_MS: z.coerce.number().int().min(10).max(1500).default(500),
  /** Prepended to every Redis key, so several deployments (or test runs) can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default('live:'),
  /** Chat messages kept in Redis; older ones are trimmed from history. */
  REDIS_HISTORY_CAP: z.coerce.number().int().min(100).default(10_000),
  /** An instance that stops telling the others who is on it leaves `online` and the people list after this long. */
  PRESENCE_TTL_MS: z.coerce.number().int().min(1000).max(30_000).default(15_000),
  /** How long a dropped connection may take to come back and still get the events it missed. */
  RECOVERY_WINDOW_MS: z.coerce.number().int().min(0).default(120_000),
  /** The operator token that makes a connection a moderator; absent → moderation off. */
  ADMIN_TOKEN: z
    .string()
    // Lengths in UTF-16 code units, as the protocol's moderatorTokenSchema counts what a client sends.
    .refine((token) => token.length >= ADMIN_TOKEN_MIN_LENGTH, {
      error: `must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters; ${MAKE_A_TOKEN}`,
      abort: true,
    })
    .refine((token) => token.length <= ADMIN_TOKEN_MAX_LENGTH, {
      error: `must be at most ${ADMIN_TOKEN_MAX_LENGTH} characters (UTF-16 code units), the most a client can send`,
      abort: true,
    })
    .refine((token) => new Set(token).size >= ADMIN_TOKEN_MIN_DISTINCT, {
      error: `is too easy to guess: use at least ${ADMIN_TOKEN_MIN_DISTINCT} different characters; ${MAKE_A_TOKEN}`,
    })
    .optional(),
  /** Open connections allowed from one IP address; more are refused at connect. */
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(100),
  /**
   * Reverse proxies in front that append to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for):
   * the client's address for the per-IP cap is the entry this many from the end. 0: the TCP peer.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Socket.IO heartbeat: a client that answers no ping within interval + timeout is dropped. */
  PING_INTERVAL_MS: z.coerce.number().int().positive().default(20_000),
  PING_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** A transport that does not join the namespace (finish the handshake) in this time is closed. */
  CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Comma-separated URLs the server is reached by (browsers' address bar). Requests for another
   * Host are refused (DNS rebinding); unset: http://localhost:PORT and http://127.0.0.1:PORT.
   */
  PUBLIC_URL: z
    .string()
    .optional()
    .transform((list) =>
      list
        ?.split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.url({ protocol: /^https?$/, error: 'each URL must be an http(s) URL' })).optional(),
    ),
  /** A request whose headers have not all arrived in this time is answered 408 and closed. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** A request (headers and body) not fully received in this time is answered 408 and closed. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Open TCP connections from one address (unset: 2 × MAX_CONNECTIONS_PER_IP + 10); not behind a proxy. */
  MAX_HTTP_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).optional(),
  /** Bearer token for GET /metrics; unset: /metrics answers loopback clients only. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)')
    .max(256, 'must be at most 256 characters')
    .optional(),
  /**
   * The key that signs session tokens (at least 32 characters). Alone: generated once into
   * DATA_DIR. Several instances on Redis must share one, so it is required with REDIS_URL.
   */
  IDENTITY_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    .max(256, 'must be at most 256 characters')
    .optional(),
  /** An identity unseen this long is forgotten, and its session token no longer accepted. */
  IDENTITY_TTL_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(30 * 24 * 60 * 60 * 1000),
  /** A name stays its identity's while online and this long after it was last seen. */
  NAME_HOLD_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 60 * 60 * 1000),
  /** Authors may edit or delete their own messages this long after sending them. */
  EDIT_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(15 * 60 * 1000),
});

/** The name of every setting (`.env.example` lists each one). */
export const SETTING_NAMES: readonly string[] = Object.keys(environmentSchema.shape);

/** Settings whose values are secrets: named in errors, never shown. */
const SECRET_SETTINGS = new Set(['ADMIN_TOKEN', 'METRICS_TOKEN', 'IDENTITY_SECRET']);

export interface RateLimit {
  /** Events allowed at once. */
  burst: number;
  /** Events allowed per second once the burst is spent. */
  perSecond: number;
}

/** The sentinels to ask for the primary, and the name they know it by. */
export interface SentinelSettings {
  sentinels: { host: string; port: number }[];
  master: string;
}

/** Settings for running several instances on one Redis (present only with REDIS_URL). */
export interface RedisConfig {
  url: string;
  /** With Sentinel: where the sentinels are, and the name they know the primary by. */
  sentinel?: SentinelSettings;
  waitReplicas: number;
  waitTimeoutMs: number;
  prefix: string;
  historyCap: number;
  presenceTtlMs: number;
  recoveryWindowMs: number;
}

export type LogFormat = 'json' | 'pretty';

export type RateLimitedEvent = 'click' | 'message' | 'typing' | 'history';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  allowedOrigins: string[];
  clientDir?: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  logFormat: LogFormat;
  /** Per connection; each client address gets `rateLimitFactor` times these, shared. */
  rateLimits: Record<RateLimitedEvent, RateLimit>;
  rateLimitFactor: number;
  /** Each identity gets `personLimitFactor` times the per-connection limits, shared by its tabs. */
  personLimitFactor: number;
  /** Connects per client address. */
  connectRate: RateLimit;
  /** Rooms opened here per client address, and per person. */
  roomOpenRate: RateLimit;
  /** Client keys remembered per limit (bounds the limiter's memory). */
  rateLimitMaxKeys: number;
  roomsMax: number;
  roomIdleMs: number;
  shutdownTimeoutMs: number;
  redis?: RedisConfig;
  /** Absent: moderation is off and every token is refused. */
  adminToken?: string;
  maxConnectionsPerIp: number;
  /** Proxy hops whose X-Forwarded-For entries are trusted (0: use the TCP peer's address). */
  trustProxy: number;
  pingIntervalMs: number;
  pingTimeoutMs: number;
  connectTimeoutMs: number;
  /** The origins the server is reached by; absent: loopback on the port it listens on. */
  publicOrigins?: string[];
  httpHeadersTimeoutMs: number;
  httpRequestTimeoutMs: number;
  /** Open TCP connections allowed from one peer address (applied only without a proxy in front). */
  maxHttpConnectionsPerIp: number;
  /** Absent: /metrics is served to loopback clients only. */
  metricsToken?: string;
  /** Absent alone: generated into DATA_DIR; always present with Redis. */
  identitySecret?: string;
  identityTtlMs: number;
  nameHoldMs: number;
  editWindowMs: number;
}

/** Thrown when the environment holds a bad value; the message names each one. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment once, at start. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  onTerminal = Boolean(process.stdout.isTTY),
): AppConfig {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const shown = SECRET_SETTINGS.has(name) ? '(hidden)' : JSON.stringify(env[name]);
      return `${issue.path.join('.')}=${shown}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.IDENTITY_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  IDENTITY_SECRET is required with REDIS_URL: every instance must sign session tokens with the same key (generate one with `openssl rand -hex 32` and give it to all of them)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    allowedOrigins: e.ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
    clientDir: e.CLIENT_DIR,
    logLevel: e.LOG_LEVEL,
    logFormat:
      e.LOG_FORMAT ?? (onTerminal || env['NODE_ENV'] === 'development' ? 'pretty' : 'json'),
    rateLimits: {
      click: { burst: e.RATE_CLICK_BURST, perSecond: e.RATE_CLICK_PER_SEC },
      message: { burst: e.RATE_MESSAGE_BURST, perSecond: e.RATE_MESSAGE_PER_SEC },
      typing: { burst: e.RATE_TYPING_BURST, perSecond: e.RATE_TYPING_PER_SEC },
      history: { burst: e.RATE_HISTORY_BURST, perSecond: e.RATE_HISTORY_PER_SEC },
    },
    rateLimitFactor: e.RATE_PER_ADDRESS_FACTOR,
    personLimitFactor: e.RATE_PER_PERSON_FACTOR,
    connectRate: { burst: e.RATE_CONNECT_BURST, perSecond: e.RATE_CONNECT_PER_SEC },
    roomOpenRate: { burst: e.RATE_ROOM_OPEN_BURST, perSecond: e.RATE_ROOM_OPEN_PER_SEC },
    rateLimitMaxKeys: e.RATE_LIMIT_MAX_ADDRESSES,
    roomsMax: e.ROOMS_MAX,
    roomIdleMs: e.ROOM_IDLE_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    redis: e.REDIS_URL
      ? {
          url: e.REDIS_URL,
          sentinel: e.REDIS_SENTINELS
            ? {
                sentinels: e.REDIS_SENTINELS.split(',').map((entry) => {
                  const at = entry.lastIndexOf(':');
                  return { host: entry.slice(0, at), port: Number(entry.slice(at + 1)) };
                }),
                master: e.REDIS_SENTINEL_MASTER,
              }
            : undefined,
          waitReplicas: e.REDIS_WAIT_REPLICAS,
          waitTimeoutMs: e.REDIS_WAIT_TIMEOUT_MS,
          prefix: e.REDIS_PREFIX,
          historyCap: e.REDIS_HISTORY_CAP,
          presenceTtlMs: e.PRESENCE_TTL_MS,
          recoveryWindowMs: e.RECOVERY_WINDOW_MS,
        }
      : undefined,
    adminToken: e.ADMIN_TOKEN,
    maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
    trustProxy: e.TRUST_PROXY,
    pingIntervalMs: e.PING_INTERVAL_MS,
    pingTimeoutMs: e.PING_TIMEOUT_MS,
    connectTimeoutMs: e.CONNECT_TIMEOUT_MS,
    publicOrigins: e.PUBLIC_URL?.length
      ? e.PUBLIC_URL.map((url) => new URL(url).origin)
      : undefined,
    httpHeadersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
    httpRequestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
    // Each Socket.IO connection holds at most two TCP connections at once (a long-poll and a
    // send, or a poll and its WebSocket upgrade), plus a browser's pool for the page itself.
    maxHttpConnectionsPerIp: e.MAX_HTTP_CONNECTIONS_PER_IP ?? 2 * e.MAX_CONNECTIONS_PER_IP + 10,
    metricsToken: e.METRICS_TOKEN,
    identitySecret: e.IDENTITY_SECRET,
    identityTtlMs: e.IDENTITY_TTL_MS,
    nameHoldMs: e.NAME_HOLD_MS,
    editWindowMs: e.EDIT_WINDOW_MS,
  };
}

/** Nest injection token for {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');
