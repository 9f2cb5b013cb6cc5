import { parseArgs } from 'node:util';

export type Target = 'project' | 'baseline';
/** What the bench's N clients do on one server. */
export type LoadScenario = 'connect' | 'fanout' | 'chat' | 'storm';
/**
 * `rooms`, `flood`, `replica` and `browser` run apart, each on a server of its own: many small
 * rooms clicking and chatting at once; one client under attack from another address; clicks
 * acked after a Redis replica has them against a Redis primary alone; a real page in Chromium
 * clicking among many clients (the project only: the baseline serves no page).
 */
export type Scenario = LoadScenario | 'rooms' | 'flood' | 'replica' | 'browser';
/**
 * What the replica scenario runs its clicks on: the project in cluster mode on a Redis primary
 * with a replica (each write acked once the replica has it) or on a primary alone (no replica,
 * so no WAIT), and the plain Socket.IO baseline, which has no store at all.
 */
export type ReplicaSetup = 'with-replica' | 'without-replica' | 'baseline';

export const ALL_TARGETS: readonly Target[] = ['project', 'baseline'];

/**
 * What the flood's attacker floods: the server the victim uses, or a decoy process on the same
 * machine (flood-decoy.ts), a control that shows what sharing the machine alone costs the victim.
 */
export type FloodAt = 'server' | 'decoy';
export const FLOOD_AT: readonly FloodAt[] = ['server', 'decoy'];
export const REPLICA_SETUPS: readonly ReplicaSetup[] = [
  'with-replica',
  'without-replica',
  'baseline',
];
export const LOAD_SCENARIOS: readonly LoadScenario[] = ['connect', 'fanout', 'chat', 'storm'];
export const ALL_SCENARIOS: readonly Scenario[] = [
  ...LOAD_SCENARIOS,
  'rooms',
  'flood',
  'replica',
  'browser',
];

/** Everything a run is configured with; the defaults are the target configuration. */
export interface BenchOptions {
  /** Clients for the full scenario set. */
  clients: number;
  /** Load-generator processes. */
  workers: number;
  /**
   * Rounds of the full scenario set at `clients`, the targets' order alternating each round;
   * figures and ratios are the medians over the rounds.
   */
  rounds: number;
  /** Further client counts at which connect, memory and fanout run (the chart's x axis). */
  sweep: number[];
  scenarios: Scenario[];
  targets: Target[];
  /**
   * Untimed clicks and messages sent first on each fresh server: a process's first broadcasts to
   * a thousand sockets run cold (JIT) and take twice as long, in both servers alike.
   */
  warmup: number;
  fanoutClicks: number;
  fanoutIntervalMs: number;
  stormRate: number;
  stormSeconds: number;
  chatSenders: number;
  chatRate: number;
  chatSeconds: number;
  /** The rooms scenario: this many rooms of `roomClients` clients each, for `roomsSeconds`. */
  rooms: number;
  roomClients: number;
  roomsSeconds: number;
  /** The flood's victim clicks alone for this long, then as long again as the attacker runs. */
  floodQuietSeconds: number;
  floodSeconds: number;
  /** The attacker's connect loops, each reconnecting the moment its connection closes. */
  floodConcurrency: number;
  floodAt: FloodAt;
  /**
   * The replica scenario: `replicaClients` clients in rooms of `replicaRoomClients`, each
   * clicking `replicaRate` times a second with an ack for `replicaSeconds`.
   */
  replicaClients: number;
  replicaRoomClients: number;
  replicaRate: number;
  replicaSeconds: number;
  /**
   * The browser scenario: a page in headless Chromium clicks once a second for
   * `browserSeconds` while `browserLoadClients` clients in the same room click once a second.
   */
  browserSeconds: number;
  browserLoadClients: number;
  /** A click or message not acked within this is counted as timed out. */
  ackTimeoutMs: number;
  /** Give up connecting a batch of clients after this. */
  connectTimeoutMs: number;
  /**
   * Clients connected and let go on each fresh server before the measured connect: a process's
   * first connections pay once for what every later one reuses (the handshake's code compiled,
   * its tables first read), which is not a connection's cost. 0 measures a fresh server's first burst.
   */
  warmConnects: number;
  /** Pause after connecting before reading the server's memory. */
  settleMs: number;
  /**
   * Also measure the V8 heap a connection holds: in use after a full GC (run through the
   * server's inspector) with the clients connected, less the same once they left.
   */
  memoryAfterGc: boolean;
  /** Where bench.json and latency.svg go. */
  out: string;
  /** The built API entry point. */
  api: string;
  /** If set, the project server runs with --cpu-prof into this directory. */
  profileDir?: string;
  /** No progress line. */
  quiet: boolean;
}

export const DEFAULTS: BenchOptions = {
  clients: 1000,
  workers: 2,
  rounds: 5,
  sweep: [250, 5000],
  // The rooms have targets of their own and are in (~3 of the ~11 minutes at --rounds 5); the
  // flood and the replica judge none and are opt-in: they need minutes more (and redis-server);
  // the browser is opt-in too: five minutes by default, and Chromium.
  scenarios: [...LOAD_SCENARIOS, 'rooms'],
  targets: [...ALL_TARGETS],
  warmup: 5,
  fanoutClicks: 40,
  fanoutIntervalMs: 100,
  stormRate: 1,
  stormSeconds: 6,
  chatSenders: 10,
  chatRate: 1,
  chatSeconds: 6,
  rooms: 200,
  roomClients: 5,
  roomsSeconds: 10,
  floodQuietSeconds: 5,
  floodSeconds: 8,
  floodConcurrency: 20,
  floodAt: 'server',
  replicaClients: 200,
  // Rooms of five, as in the rooms scenario: broadcasts stay small, so an ack's time is mostly
  // the write's, and the baseline keeps up (in one room of 200 it would fall behind).
  replicaRoomClients: 5,
  replicaRate: 5,
  replicaSeconds: 6,
  browserSeconds: 300,
  browserLoadClients: 1000,
  ackTimeoutMs: 10_000,
  connectTimeoutMs: 60_000,
  // Enough for the one-time part (the connect time it adds is gone after 20), few enough not to
  // grow either server's heap ahead of the burst it measures (docs/performance.md, step 19).
  warmConnects: 20,
  settleMs: 1500,
  memoryAfterGc: false,
  out: 'reports/bench',
  api: 'dist/apps/api/main.js',
  quiet: false,
};

export const USAGE = `Usage: npm run bench -- [options]

  --clients N          clients for the full scenario set (default ${DEFAULTS.clients})
  --workers W          load-generator processes (default ${DEFAULTS.workers})
  --rounds R           rounds of every scenario at --clients, project and baseline in
                       alternating order; the table shows medians (default ${DEFAULTS.rounds})
  --sweep A,B,...      extra client counts for connect/memory/fanout, the chart's x axis
                       (default ${DEFAULTS.sweep.join(',')}; "none" for none)
  --scenarios LIST     any of connect,fanout,chat,storm,rooms,flood,replica,browser (default
                       all but flood, replica and browser: they are opt-in, ~17 s, ~10 s and
                       --browser-seconds per server and round; rooms, flood, replica and
                       browser run on servers of their own)
  --targets LIST       project,baseline (default both)
  --warm-connects N    clients connected and let go on each fresh server before the measured
                       connect (default ${DEFAULTS.warmConnects}; 0: a fresh server's first burst)
  --memory-after-gc    also the live heap per connection: V8's heap after a full GC (through
                       the server's inspector, opened with SIGUSR1) with the clients and
                       without them; the first GC comes before the other scenarios
  --warmup N           untimed clicks and messages first on each server (default ${DEFAULTS.warmup}; 0: none)
  --fanout-clicks K    (default ${DEFAULTS.fanoutClicks})   --fanout-interval MS (default ${DEFAULTS.fanoutIntervalMs})
  --storm-rate R       clicks/s per client (default ${DEFAULTS.stormRate})   --storm-seconds D (default ${DEFAULTS.stormSeconds})
  --chat-senders S     (default ${DEFAULTS.chatSenders})   --chat-rate R msgs/s per sender (default ${DEFAULTS.chatRate})
  --chat-seconds D     (default ${DEFAULTS.chatSeconds})
  --rooms N            the rooms scenario's rooms (default ${DEFAULTS.rooms}), each of
  --room-clients K     K clients (default ${DEFAULTS.roomClients}), clicking 1/s, a fifth of them also chatting 1/s,
  --rooms-seconds D    for D s (default ${DEFAULTS.roomsSeconds})
  --flood-quiet-seconds Q  the flood's victim clicks alone for Q s (default ${DEFAULTS.floodQuietSeconds}),
  --flood-seconds D    then for D s while the attacker floods the server (default ${DEFAULTS.floodSeconds})
  --flood-concurrency C  the attacker's connect loops (default ${DEFAULTS.floodConcurrency})
  --flood-at WHAT      server: the attacker floods the victim's server (default); decoy: a process
                       of its own that only answers 429, so the server does nothing for the flood
                       and the victim's loss is what sharing the machine with the attacker costs
  --replica-clients N  the replica scenario's clients (default ${DEFAULTS.replicaClients}), in rooms of
  --replica-room-clients K  K (default ${DEFAULTS.replicaRoomClients}), each clicking with an ack
  --replica-rate R     R times a second (default ${DEFAULTS.replicaRate})
  --replica-seconds D  for D s (default ${DEFAULTS.replicaSeconds}); on the project in cluster mode on a
                       Redis primary with a replica (REDIS_WAIT_REPLICAS=1) and on a primary
                       alone, and on the baseline (no store); needs redis-server on PATH
  --browser-seconds D  the browser scenario: a page in headless Chromium clicks the count
                       button once a second for D s (default ${DEFAULTS.browserSeconds}), on the project only,
  --browser-load-clients N  while N clients in the same room click once a second each
                       (default ${DEFAULTS.browserLoadClients}); needs the built UI (npx nx build client)
  --ack-timeout MS     (default ${DEFAULTS.ackTimeoutMs})
  --out DIR            where bench.json and latency.svg are written (default ${DEFAULTS.out})
  --api FILE           built API entry (default ${DEFAULTS.api})
  --profile DIR        run both servers with --cpu-prof, profiles into DIR/project and
                       DIR/baseline
  --quiet              no progress line
`;

/** Thrown for a bad flag; the message says which. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function nonNegativeInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return n;
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive number, got "${value}"`);
  return n;
}

/** `value`, if it is one of `allowed`. */
function allowedOne<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new UsageError(`--${name}: unknown "${value}" (one of ${allowed.join(', ')})`);
  return value as T;
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  return value === undefined ? fallback : allowedOne(name, value, allowed);
}

function list<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T[],
): T[] {
  if (value === undefined) return fallback;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => allowedOne(name, item, allowed));
}

/** Parses command-line flags into options; throws UsageError on a bad one. */
export function parseOptions(argv: string[]): BenchOptions & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      clients: { type: 'string' },
      workers: { type: 'string' },
      rounds: { type: 'string' },
      sweep: { type: 'string' },
      scenarios: { type: 'string' },
      targets: { type: 'string' },
      warmup: { type: 'string' },
      'warm-connects': { type: 'string' },
      'memory-after-gc': { type: 'boolean' },
      'fanout-clicks': { type: 'string' },
      'fanout-interval': { type: 'string' },
      'storm-rate': { type: 'string' },
      'storm-seconds': { type: 'string' },
      'chat-senders': { type: 'string' },
      'chat-rate': { type: 'string' },
      'chat-seconds': { type: 'string' },
      rooms: { type: 'string' },
      'room-clients': { type: 'string' },
      'rooms-seconds': { type: 'string' },
      'flood-quiet-seconds': { type: 'string' },
      'flood-seconds': { type: 'string' },
      'flood-concurrency': { type: 'string' },
      'flood-at': { type: 'string' },
      'replica-clients': { type: 'string' },
      'replica-room-clients': { type: 'string' },
      'replica-rate': { type: 'string' },
      'replica-seconds': { type: 'string' },
      'browser-seconds': { type: 'string' },
      'browser-load-clients': { type: 'string' },
      'ack-timeout': { type: 'string' },
      out: { type: 'string' },
      api: { type: 'string' },
      profile: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const sweep =
    values.sweep === undefined
      ? DEFAULTS.sweep
      : values.sweep === 'none'
        ? []
        : values.sweep.split(',').map((n) => positiveInt('sweep', n.trim(), 0));
  return {
    clients: positiveInt('clients', values.clients, DEFAULTS.clients),
    workers: positiveInt('workers', values.workers, DEFAULTS.workers),
    rounds: positiveInt('rounds', values.rounds, DEFAULTS.rounds),
    sweep,
    scenarios: list('scenarios', values.scenarios, ALL_SCENARIOS, DEFAULTS.scenarios),
    targets: list('targets', values.targets, ALL_TARGETS, DEFAULTS.targets),
    warmup: nonNegativeInt('warmup', values.warmup, DEFAULTS.warmup),
    warmConnects: nonNegativeInt('warm-connects', values['warm-connects'], DEFAULTS.warmConnects),
    memoryAfterGc: values['memory-after-gc'] ?? DEFAULTS.memoryAfterGc,
    fanoutClicks: positiveInt('fanout-clicks', values['fanout-clicks'], DEFAULTS.fanoutClicks),
    fanoutIntervalMs: positiveNumber(
      'fanout-interval',
      values['fanout-interval'],
      DEFAULTS.fanoutIntervalMs,
    ),
    stormRate: positiveNumber('storm-rate', values['storm-rate'], DEFAULTS.stormRate),
    stormSeconds: positiveNumber('storm-seconds', values['storm-seconds'], DEFAULTS.stormSeconds),
    chatSenders: positiveInt('chat-senders', values['chat-senders'], DEFAULTS.chatSenders),
    chatRate: positiveNumber('chat-rate', values['chat-rate'], DEFAULTS.chatRate),
    chatSeconds: positiveNumber('chat-seconds', values['chat-seconds'], DEFAULTS.chatSeconds),
    rooms: positiveInt('rooms', values.rooms, DEFAULTS.rooms),
    roomClients: positiveInt('room-clients', values['room-clients'], DEFAULTS.roomClients),
    roomsSeconds: positiveNumber('rooms-seconds', values['rooms-seconds'], DEFAULTS.roomsSeconds),
    floodQuietSeconds: positiveNumber(
      'flood-quiet-seconds',
      values['flood-quiet-seconds'],
      DEFAULTS.floodQuietSeconds,
    ),
    floodSeconds: positiveNumber('flood-seconds', values['flood-seconds'], DEFAULTS.floodSeconds),
    floodConcurrency: positiveInt(
      'flood-concurrency',
      values['flood-concurrency'],
      DEFAULTS.floodConcurrency,
    ),
    floodAt: oneOf('flood-at', values['flood-at'], FLOOD_AT, DEFAULTS.floodAt),
    replicaClients: positiveInt(
      'replica-clients',
      values['replica-clients'],
      DEFAULTS.replicaClients,
    ),
    replicaRoomClients: positiveInt(
      'replica-room-clients',
      values['replica-room-clients'],
      DEFAULTS.replicaRoomClients,
    ),
    replicaRate: positiveNumber('replica-rate', values['replica-rate'], DEFAULTS.replicaRate),
    replicaSeconds: positiveNumber(
      'replica-seconds',
      values['replica-seconds'],
      DEFAULTS.replicaSeconds,
    ),
    browserSeconds: positiveInt(
      'browser-seconds',
      values['browser-seconds'],
      DEFAULTS.browserSeconds,
    ),
    browserLoadClients: positiveInt(
      'browser-load-clients',
      values['browser-load-clients'],
      DEFAULTS.browserLoadClients,
    ),
    ackTimeoutMs: positiveInt('ack-timeout', values['ack-timeout'], DEFAULTS.ackTimeoutMs),
    connectTimeoutMs: DEFAULTS.connectTimeoutMs,
    settleMs: DEFAULTS.settleMs,
    out: values.out ?? DEFAULTS.out,
    api: values.api ?? DEFAULTS.api,
    profileDir: values.profile,
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}
