import { resolve } from 'node:path';
import { renderChart } from './chart';
import { BURST } from './flood-attacker';
import { DEFAULTS, LOAD_SCENARIOS, parseOptions, type BenchOptions, type Target } from './options';
import { checkTargets, formatReport } from './report';
import {
  browserOf,
  floodOf,
  pointOf,
  replicaOf,
  roomsOf,
  roundRatios,
  roundsOf,
  type BenchResult,
  type PointResult,
  type ReplicaPoint,
} from './results';
import { plan, runBench, type Step } from './run';
import { startServer } from './servers';
import { io } from 'socket.io-client';

const api = resolve(__dirname, '../../../dist/apps/api/main.js');
const CLIENTS = 20;

/** `value`, or a failure naming the part of the result that is missing. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the bench result has no ${what}`);
  return value;
}

describe('bench smoke run (20 clients, both servers)', () => {
  let result: BenchResult;
  const pointAt = (target: Target) =>
    present(pointOf(result, target, CLIENTS), `${target} point at ${CLIENTS} clients`);

  beforeAll(async () => {
    const options: BenchOptions = {
      ...DEFAULTS,
      clients: CLIENTS,
      workers: 2,
      rounds: 2,
      warmup: 2,
      sweep: [],
      fanoutClicks: 5,
      fanoutIntervalMs: 50,
      stormRate: 2,
      stormSeconds: 1,
      chatSenders: 3,
      chatRate: 2,
      chatSeconds: 1,
      ackTimeoutMs: 5000,
      settleMs: 300,
      api,
      quiet: true,
    };
    result = await runBench(options);
  });

  it.each(['project', 'baseline'] as const)(
    'welcomes every %s client and delivers every fan-out click to each',
    (target) => {
      expect(roundsOf(result, target, CLIENTS).map((r) => r.round)).toEqual([0, 1]);
      const point = pointAt(target);
      expect(point.error).toBeUndefined();
      expect(point.serverUp).toBe(true);
      expect(point.connect?.welcomed).toBe(CLIENTS);
      // Connected and let go before the measured clients, under names of their own.
      expect(point.firstConnects).toEqual({
        clients: DEFAULTS.warmConnects,
        allWelcomedMs: expect.any(Number),
      });
      const fanout = present(point.fanout, `${target} fanout`);
      expect(fanout.expected).toBe(5 * CLIENTS);
      expect(fanout.delivered).toBe(fanout.expected);
      expect(fanout.latency.p99).toBeGreaterThan(0);
      expect(point.memory?.rssAfterKiB).toBeGreaterThan(0);
      // Only when asked for: the GC would change what the later scenarios find.
      expect(point.memory?.liveHeap).toBeUndefined();
    },
  );

  it.each(['project', 'baseline'] as const)(
    'delivers every %s chat message to every client',
    (target) => {
      const chat = present(pointAt(target).chat, `${target} chat`);
      expect(chat.acked).toBe(3 * 2);
      expect(chat.delivered).toBe(chat.acked * CLIENTS);
    },
  );

  it.each(['project', 'baseline'] as const)(
    'acks every %s storm click and ends on the exact count',
    (target) => {
      const storm = present(pointAt(target).storm, `${target} storm`);
      expect(storm.offered).toBe(2 * CLIENTS);
      expect(storm.acked).toBe(storm.offered);
      expect(storm.countDelta).toBe(storm.acked);
      expect(storm.exact).toBe(true);
      expect(storm.converged).toBe(CLIENTS);
    },
  );

  it('prints the side-by-side table, the target checks and a chart', () => {
    const report = formatReport(result);
    expect(report).toMatch(/fanout p99 \(ms\)/);
    expect(report).toMatch(/median of 2 rounds/);
    expect(report).toMatch(
      /storm count exact\s+yes \(\+40 \/ 40 acked\)\s+yes \(\+40 \/ 40 acked\)/,
    );
    expect(checkTargets(result).map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'storm',
        'fanout p99',
        'chat p99',
        'connect (all welcomed)',
        'memory per connection',
      ]),
    );
    expect(renderChart(result)).toMatch(
      /^<svg[\s\S]*project p99[\s\S]*baseline p99[\s\S]*<\/svg>\n$/,
    );
  });
});

/** A flood of a few seconds: 1 s alone, 2 s under 5 attack loops. */
const SHORT_FLOOD: BenchOptions = {
  ...DEFAULTS,
  scenarios: ['flood'],
  rounds: 1,
  workers: 1,
  floodQuietSeconds: 1,
  floodSeconds: 2,
  floodConcurrency: 5,
  ackTimeoutMs: 5000,
  api,
  quiet: true,
};

describe('bench flood run (both servers, short)', () => {
  let result: BenchResult;
  const floodAt = (target: Target) => present(floodOf(result, target), `${target} flood`);

  beforeAll(async () => {
    result = await runBench(SHORT_FLOOD);
  });

  it('runs the flood alone: no load points', () => {
    expect(result.points).toEqual([]);
    expect(result.floods.map((f) => f.target)).toEqual(['project', 'baseline']);
  });

  it.each(['project', 'baseline'] as const)(
    'counts every %s victim click, alone and under the flood, and none is refused',
    (target) => {
      const flood = floodAt(target);
      expect(flood.error).toBeUndefined();
      expect(flood.serverUp).toBe(true);
      expect(flood.seeded).toBe(60);
      const victim = present(flood.victim, `${target} victim`);
      // 10 clicks/s: 1 s alone, 2 s under the flood.
      expect([victim.quiet.sent, victim.flood.sent]).toEqual([10, 20]);
      for (const phase of [victim.quiet, victim.flood]) {
        expect(phase.acked + phase.refused + phase.timedOut).toBe(phase.sent);
        expect(phase.ackLatency.count).toBe(phase.acked);
        expect(phase.refused).toBe(0);
      }
      expect(victim.quiet.acked).toBeGreaterThan(0);
      expect(victim.allAcked).toBe(
        victim.quiet.acked === victim.quiet.sent && victim.flood.acked === victim.flood.sent,
      );
      expect(victim.p99Ratio).toBeGreaterThan(0);
    },
  );

  it.each(['project', 'baseline'] as const)(
    'reports what the attacker did to %s and what it cost the server',
    (target) => {
      const { attacker, server } = floodAt(target);
      const attack = present(attacker, `${target} attacker`);
      expect(attack.attempts).toBeGreaterThan(0);
      expect(attack.admitted).toBeGreaterThan(0);
      expect(attack.admitted + attack.refused + attack.refusedHttp).toBeLessThanOrEqual(
        attack.attempts,
      );
      expect(attack.eventsSent).toBe(attack.admitted * BURST.length);
      expect(server?.cpuSeconds).toBeGreaterThan(0);
      expect(server?.rssAfterKiB).toBeGreaterThan(0);
    },
  );

  it("refuses some of the attacker's connections to the project, none to the baseline", () => {
    const project = present(floodAt('project').attacker, 'project attacker');
    expect(project.refused + project.refusedHttp).toBeGreaterThan(0);
    const baseline = present(floodAt('baseline').attacker, 'baseline attacker');
    expect(baseline.refused + baseline.refusedHttp).toBe(0);
  });

  it('prints the flood table with the project/baseline ratio of the p99 under flood', () => {
    const report = formatReport(result);
    expect(report).toMatch(/victim ack p99 quiet → flood \(ms\)/);
    expect(report).toMatch(/victim ack p99 under flood \(ms\)\s+\S+\s+\S+\s+\d+\.\d\d×/);
    expect(report).toMatch(/attacker refused: CONNECT \/ HTTP/);
    expect(report).not.toMatch(/fanout/);
  });

  it("judges the victim's p99 under the flood against its p99 alone", () => {
    expect(checkTargets(result)).toEqual([
      {
        name: 'flood',
        target: 'victim ack p99 under flood ≤ 2× alone, all acked',
        measured: expect.stringMatching(/^\d+\.\d\d×, (all acked|NOT all acked)$/),
        met: expect.any(Boolean),
      },
    ]);
  });
});

describe('bench flood run against a decoy (project only, short)', () => {
  let result: BenchResult;

  beforeAll(async () => {
    result = await runBench({ ...SHORT_FLOOD, targets: ['project'], floodAt: 'decoy' });
  });

  it('sends the attacker to the decoy: the server admits and refuses none of it', () => {
    const flood = present(floodOf(result, 'project'), 'project flood');
    expect(flood.error).toBeUndefined();
    const attack = present(flood.attacker, 'attacker');
    expect(attack.attempts).toBeGreaterThan(0);
    expect([attack.admitted, attack.refused, attack.errors]).toEqual([0, 0, 0]);
    // All answered 429 but each loop's last, cut when the time is up.
    expect(attack.refusedHttp).toBeGreaterThanOrEqual(
      attack.attempts - SHORT_FLOOD.floodConcurrency,
    );
    expect(attack.refusedHttpStatus).toBe(429);
    expect(flood.decoy?.cpuPct).toBeGreaterThan(0);
    const victim = present(flood.victim, 'victim');
    expect([victim.quiet.acked, victim.flood.acked]).toEqual([10, 20]);
  });

  it('says in the report that the decoy was flooded, with its CPU', () => {
    const report = formatReport(result);
    expect(report).toMatch(/connect to a decoy beside the server/);
    expect(report).toMatch(/decoy CPU under flood \(% of a core\)\s+\d+/);
    expect(checkTargets(result).map((check) => check.name)).toEqual(['flood, attacker on a decoy']);
  });
});

describe('bench rooms run (both servers, short)', () => {
  let result: BenchResult;
  const roomsAt = (target: Target) => present(roomsOf(result, target), `${target} rooms`);

  beforeAll(async () => {
    result = await runBench({
      ...DEFAULTS,
      scenarios: ['rooms'],
      rounds: 1,
      workers: 2,
      warmup: 2,
      rooms: 4,
      roomClients: 5,
      roomsSeconds: 2,
      ackTimeoutMs: 5000,
      settleMs: 300,
      api,
      quiet: true,
    });
  });

  it('runs the rooms alone: no load points, no flood', () => {
    expect(result.points).toEqual([]);
    expect(result.floods).toEqual([]);
    expect(result.rooms.map((r) => r.target)).toEqual(['project', 'baseline']);
  });

  it.each(['project', 'baseline'] as const)(
    'acks every %s click and counts each room exactly, apart from the others',
    (target) => {
      const rooms = roomsAt(target);
      expect(rooms.error).toBeUndefined();
      expect(rooms.serverUp).toBe(true);
      expect(rooms.welcomed).toBe(20);
      // 20 clients × 1 click/s × 2 s.
      expect(rooms.clicks).toMatchObject({ sent: 40, acked: 40, timedOut: 0, refused: 0 });
      expect(rooms.counts).toEqual({ exactRooms: 4, exact: true, converged: 20 });
    },
  );

  it.each(['project', 'baseline'] as const)(
    "delivers every %s message to its own room's clients and nothing to another room",
    (target) => {
      const rooms = roomsAt(target);
      // Clients 0, 5, 10 and 15 chat, one in each room, 1 message/s for 2 s, to 5 clients each.
      expect(rooms.messages).toEqual({ sent: 8, acked: 8, delivered: 40, expected: 40 });
      expect(rooms.crossRoom).toEqual({ clicks: 0, messages: 0, none: true });
      expect(rooms.server?.deliveries).toBeGreaterThan(0);
      expect(rooms.server?.cpuSeconds).toBeGreaterThan(0);
    },
  );

  it('prints the rooms table and judges its targets', () => {
    const report = formatReport(result);
    expect(report).toMatch(/cross-room deliveries: clicks \/ messages\s+\d+ \/ \d+\s+0 \/ 0/);
    expect(report).toMatch(/rooms with the exact count\s+\d\/4\s+4\/4/);
    expect(report).toMatch(/CPU s \/ 1000 deliveries\s+\S+\s+\S+\s+\d+\.\d\d×/);
    expect(report).not.toMatch(/fanout/);
    expect(checkTargets(result).map((c) => c.name)).toEqual(['rooms', 'rooms CPU per delivery']);
  });
});

describe('bench replica run (each setup, short)', () => {
  let result: BenchResult;
  const setupAt = (setup: ReplicaPoint['setup']) =>
    present(replicaOf(result, setup), `${setup} replica point`);

  beforeAll(async () => {
    result = await runBench({
      ...DEFAULTS,
      scenarios: ['replica'],
      rounds: 1,
      workers: 1,
      replicaClients: 10,
      replicaRoomClients: 5,
      replicaRate: 5,
      replicaSeconds: 1,
      ackTimeoutMs: 5000,
      api,
      quiet: true,
    });
  });

  it('runs the replica scenario alone: no load points, rooms or flood', () => {
    expect(result.points).toEqual([]);
    expect(result.rooms).toEqual([]);
    expect(result.floods).toEqual([]);
    expect(result.replicas.map((x) => x.setup)).toEqual([
      'with-replica',
      'without-replica',
      'baseline',
    ]);
  });

  it.each(['with-replica', 'without-replica', 'baseline'] as const)(
    'acks every %s click and the counts grow by exactly them',
    (setup) => {
      const point = setupAt(setup);
      expect(point.error).toBeUndefined();
      expect(point.serverUp).toBe(true);
      expect(point.welcomed).toBe(10);
      expect(point.clicks).toMatchObject({ sent: 50, acked: 50, timedOut: 0, refused: 0 });
      expect(point.counts).toEqual({ added: 50, exact: true });
    },
  );

  it('waits for the replica only when there is one', () => {
    expect(setupAt('with-replica').waits).toBeGreaterThan(0);
    expect(setupAt('without-replica').waits).toBe(0);
    expect(setupAt('baseline').waits).toBeUndefined();
  });

  it('prints the replica table with the difference and ratio of each ack percentile', () => {
    const report = formatReport(result);
    expect(report).toMatch(/with replica\s+without replica\s+with − without\s+with \/ without/);
    expect(report).toMatch(/click ack p99 \(ms\)\s+\S+\s+\S+\s+[+−]\S+\s+\d+\.\d\d×\s+\S+/);
    expect(report).not.toMatch(/fanout/);
    expect(checkTargets(result)).toEqual([]);
  });
});

describe('bench browser run (the project, short)', () => {
  let result: BenchResult;

  beforeAll(async () => {
    result = await runBench({
      ...DEFAULTS,
      scenarios: ['browser'],
      rounds: 1,
      workers: 1,
      browserLoadClients: 20,
      browserSeconds: 5,
      ackTimeoutMs: 5000,
      api,
      quiet: true,
    });
  }, 60_000);

  it('runs the browser scenario alone, on the project only', () => {
    expect(result.points).toEqual([]);
    expect(result.replicas).toEqual([]);
    expect(result.browsers?.map((x) => x.target)).toEqual(['project']);
  });

  it("counts the page's clicks and records what the page saw of them", () => {
    const x = present(browserOf(result), 'browser point');
    expect(x.error).toBeUndefined();
    expect(x.serverUp).toBe(true);
    expect(x.welcomed).toBe(20);
    expect(x.supported).toEqual(expect.arrayContaining(['event', 'first-input', 'longtask']));
    expect(x.clicks).toEqual({ clicked: 5, failed: 0, seen: 5, acked: 5 });
    // The first input is always reported, whatever its duration.
    expect(x.eventTiming?.count).toBe(5);
    expect(x.eventTiming?.withEntry).toBeGreaterThanOrEqual(1);
    expect(x.painted?.count).toBe(5);
    expect(x.painted?.p50).toBeGreaterThan(0);
    expect(x.longTasks?.sharePct).toBeGreaterThanOrEqual(0);
    expect(x.memory?.samples.length).toBeGreaterThanOrEqual(2);
    expect(x.memory?.samples[0].heapBytes).toBeGreaterThan(0);
    expect(x.memory?.samples[0].nodes).toBeGreaterThan(0);
    expect(x.load).toMatchObject({ timedOut: 0, refused: 0 });
    expect(x.load?.acked).toBe(x.load?.sent);
  });

  it('prints the browser table and judges its three goals', () => {
    const report = formatReport(result);
    expect(report).toMatch(/page clicks seen by the page \/ acked\s+5 \/ 5/);
    expect(report).toMatch(/click → count painted p50 \/ p95 \/ max \(ms\)/);
    expect(report).not.toMatch(/fanout/);
    expect(checkTargets(result).map((c) => c.name)).toEqual([
      'browser click painted',
      'browser long tasks',
      'browser memory',
    ]);
  });
});

describe('parseOptions', () => {
  it('defaults to the target configuration', () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({
      clients: 1000,
      workers: 2,
      stormRate: 1,
      stormSeconds: 6,
      fanoutClicks: 40,
      floodSeconds: 8,
      floodConcurrency: 20,
    });
    expect(options.scenarios).toEqual([...LOAD_SCENARIOS, 'rooms']);
    expect(options).toMatchObject({ rooms: 200, roomClients: 5, roomsSeconds: 10 });
  });

  it('reads the memory after a full GC only when asked', () => {
    expect(parseOptions([]).memoryAfterGc).toBe(false);
    expect(parseOptions(['--memory-after-gc']).memoryAfterGc).toBe(true);
  });

  it('connects 20 clients first on each fresh server unless told otherwise', () => {
    expect(parseOptions([]).warmConnects).toBe(20);
    expect(parseOptions(['--warm-connects', '0']).warmConnects).toBe(0);
    expect(() => parseOptions(['--warm-connects', '-1'])).toThrow(/--warm-connects/);
  });

  it('reads the rooms flags', () => {
    const options = parseOptions([
      '--scenarios',
      'rooms',
      '--rooms',
      '50',
      '--room-clients',
      '8',
      '--rooms-seconds',
      '4',
    ]);
    expect(options).toMatchObject({
      scenarios: ['rooms'],
      rooms: 50,
      roomClients: 8,
      roomsSeconds: 4,
    });
  });

  it('reads the flood flags', () => {
    const options = parseOptions([
      '--scenarios',
      'flood',
      '--flood-seconds',
      '3',
      '--flood-quiet-seconds',
      '2',
      '--flood-concurrency',
      '7',
      '--flood-at',
      'decoy',
    ]);
    expect(options).toMatchObject({
      scenarios: ['flood'],
      floodSeconds: 3,
      floodQuietSeconds: 2,
      floodConcurrency: 7,
      floodAt: 'decoy',
    });
    expect(parseOptions([]).floodAt).toBe('server');
    expect(() => parseOptions(['--flood-at', 'victim'])).toThrow(
      '--flood-at: unknown "victim" (one of server, decoy)',
    );
  });

  it('reads the replica flags, and leaves the replica out unless asked for', () => {
    expect(parseOptions([])).toMatchObject({
      replicaClients: 200,
      replicaRoomClients: 5,
      replicaRate: 5,
      replicaSeconds: 6,
    });
    expect(parseOptions([]).scenarios).not.toContain('replica');
    const options = parseOptions([
      '--scenarios',
      'replica',
      '--replica-clients',
      '50',
      '--replica-room-clients',
      '10',
      '--replica-rate',
      '2.5',
      '--replica-seconds',
      '3',
    ]);
    expect(options).toMatchObject({
      scenarios: ['replica'],
      replicaClients: 50,
      replicaRoomClients: 10,
      replicaRate: 2.5,
      replicaSeconds: 3,
    });
    expect(() => parseOptions(['--replica-rate', '0'])).toThrow(
      /--replica-rate must be a positive number/,
    );
    expect(() => parseOptions(['--replica-clients', '1.5'])).toThrow(
      /--replica-clients must be a positive integer/,
    );
  });

  it('reads the browser flags, and leaves the browser out unless asked for', () => {
    expect(parseOptions([])).toMatchObject({ browserSeconds: 300, browserLoadClients: 1000 });
    expect(parseOptions([]).scenarios).not.toContain('browser');
    expect(
      parseOptions([
        '--scenarios',
        'browser',
        '--browser-seconds',
        '30',
        '--browser-load-clients',
        '200',
      ]),
    ).toMatchObject({ scenarios: ['browser'], browserSeconds: 30, browserLoadClients: 200 });
    expect(() => parseOptions(['--browser-seconds', '0'])).toThrow(
      /--browser-seconds must be a positive integer/,
    );
    expect(() => parseOptions(['--browser-load-clients', 'many'])).toThrow(
      /--browser-load-clients must be a positive integer/,
    );
  });

  it('refuses a bad value with the flag named', () => {
    expect(() => parseOptions(['--clients', '0'])).toThrow(/--clients must be a positive integer/);
    expect(() => parseOptions(['--scenarios', 'fanout,nope'])).toThrow(/unknown "nope"/);
    expect(() => parseOptions(['--flood-concurrency', '1.5'])).toThrow(
      /--flood-concurrency must be a positive integer/,
    );
  });
});

describe('the project server as the bench starts it', () => {
  it('admits more clients from one address than the per-address cap allows by default', async () => {
    const server = await startServer('project', { api });
    const clients = Array.from({ length: 150 }, () =>
      io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true }),
    );
    try {
      const welcomed = await Promise.all(
        clients.map(
          (client) =>
            new Promise<boolean>((done) => {
              client.once('welcome', () => done(true));
              client.once('connect_error', () => done(false));
            }),
        ),
      );
      expect(welcomed.filter(Boolean)).toHaveLength(150);
    } finally {
      clients.forEach((client) => client.close());
      await server.stop();
    }
  }, 30_000);
});

describe('plan', () => {
  const options = { ...DEFAULTS, clients: 1000, sweep: [250], rounds: 3 };
  const label = (step: Step) =>
    `${step.round}:${step.kind === 'replica' ? step.setup : step.target}${step.kind === 'load' ? '' : ` ${step.kind}`}`;
  const at = (steps: Step[], clients: number) =>
    steps.filter((step) => step.kind === 'load' && step.clients === clients);

  it('runs every round at the main count, alternating which server goes first', () => {
    const main = at(plan(options), 1000);
    expect(main.map(label)).toEqual([
      '0:project',
      '0:baseline',
      '1:baseline',
      '1:project',
      '2:project',
      '2:baseline',
    ]);
    expect(main).toEqual(main.map((step) => ({ ...step, scenarios: LOAD_SCENARIOS })));
  });

  it('runs a sweep count once, connect and fanout only', () => {
    expect(at(plan(options), 250)).toEqual([
      { kind: 'load', target: 'project', clients: 250, round: 0, scenarios: ['connect', 'fanout'] },
      {
        kind: 'load',
        target: 'baseline',
        clients: 250,
        round: 0,
        scenarios: ['connect', 'fanout'],
      },
    ]);
  });

  it('leaves the flood out unless asked for', () => {
    expect(plan(options).some((step) => step.kind === 'flood')).toBe(false);
  });

  it('goes on from each round with the rooms of each server, on servers of their own', () => {
    const steps = plan({ ...options, scenarios: ['storm', 'rooms', 'flood'], rounds: 2 });
    expect(
      steps.filter((step) => step.kind !== 'load' || step.clients === 1000).map(label),
    ).toEqual([
      '0:project',
      '0:baseline',
      '0:project rooms',
      '0:baseline rooms',
      '0:project flood',
      '0:baseline flood',
      '1:baseline',
      '1:project',
      '1:baseline rooms',
      '1:project rooms',
      '1:baseline flood',
      '1:project flood',
    ]);
  });

  it('runs the rooms alone without sweeping', () => {
    expect(plan({ ...options, scenarios: ['rooms'], rounds: 2 }).map(label)).toEqual([
      '0:project rooms',
      '0:baseline rooms',
      '1:baseline rooms',
      '1:project rooms',
    ]);
  });

  it('ends each round with a flood of each server, on servers of their own, in the same order', () => {
    const steps = plan({ ...options, scenarios: ['fanout', 'flood'] });
    expect(
      steps.filter((step) => step.kind !== 'load' || step.clients === 1000).map(label),
    ).toEqual([
      '0:project',
      '0:baseline',
      '0:project flood',
      '0:baseline flood',
      '1:baseline',
      '1:project',
      '1:baseline flood',
      '1:project flood',
      '2:project',
      '2:baseline',
      '2:project flood',
      '2:baseline flood',
    ]);
  });

  it('runs each replica setup alone without sweeping, the order alternating by round', () => {
    expect(plan({ ...options, scenarios: ['replica'] }).map(label)).toEqual([
      '0:with-replica replica',
      '0:without-replica replica',
      '0:baseline replica',
      '1:baseline replica',
      '1:without-replica replica',
      '1:with-replica replica',
      '2:with-replica replica',
      '2:without-replica replica',
      '2:baseline replica',
    ]);
  });

  it('ends each round with the replica setups, the baseline only if it is a target', () => {
    const steps = plan({ ...options, scenarios: ['flood', 'replica'], rounds: 1 });
    expect(steps.map(label)).toEqual([
      '0:project flood',
      '0:baseline flood',
      '0:with-replica replica',
      '0:without-replica replica',
      '0:baseline replica',
    ]);
    expect(
      plan({ ...options, scenarios: ['replica'], targets: ['project'], rounds: 1 }).map(label),
    ).toEqual(['0:with-replica replica', '0:without-replica replica']);
  });

  it('ends each round with the browser on the project only, without sweeping', () => {
    expect(plan({ ...options, scenarios: ['replica', 'browser'], rounds: 2 }).map(label)).toEqual([
      '0:with-replica replica',
      '0:without-replica replica',
      '0:baseline replica',
      '0:project browser',
      '1:baseline replica',
      '1:without-replica replica',
      '1:with-replica replica',
      '1:project browser',
    ]);
    expect(plan({ ...options, scenarios: ['browser'], targets: ['baseline'] })).toEqual([]);
  });

  it('runs the flood alone without connecting clients or sweeping', () => {
    expect(plan({ ...options, scenarios: ['flood'] }).map(label)).toEqual([
      '0:project flood',
      '0:baseline flood',
      '1:baseline flood',
      '1:project flood',
      '2:project flood',
      '2:baseline flood',
    ]);
  });
});

describe('roundRatios', () => {
  const point = (target: 'project' | 'baseline', round: number, kib: number): PointResult =>
    ({
      target,
      clients: 10,
      round,
      serverUp: true,
      memory: { rssBeforeKiB: 0, rssAfterKiB: 0, perConnectionKiB: kib },
    }) as PointResult;

  it('pairs each round with its own baseline and quotes the median ratio', () => {
    const result = {
      options: { ...DEFAULTS, clients: 10 },
      points: [
        point('project', 0, 30),
        point('baseline', 0, 20),
        point('baseline', 1, 20),
        point('project', 1, 10),
        point('project', 2, 22),
        point('baseline', 2, 20),
      ],
      floods: [],
      rooms: [],
    } as unknown as BenchResult;
    const { perRound, median } = roundRatios(result, 10, (p) => p.memory?.perConnectionKiB);
    expect(perRound).toEqual([1.5, 0.5, 1.1]);
    expect(median).toBe(1.1);
    expect(checkTargets(result).find((c) => c.name === 'memory per connection')).toMatchObject({
      met: true,
      measured: expect.stringContaining('1.10× (rounds 1.50 0.50 1.10)'),
    });
  });
});

describe('the replica table', () => {
  const point = (
    setup: ReplicaPoint['setup'],
    round: number,
    p99: number,
    waits?: number,
  ): ReplicaPoint => ({
    setup,
    round,
    serverUp: true,
    clients: 10,
    welcomed: 10,
    clicks: {
      sent: 100,
      acked: 100,
      timedOut: 0,
      refused: 0,
      ackLatency: { count: 100, p50: p99 / 4, p90: p99 / 2, p99, max: p99, mean: p99 / 4 },
    },
    counts: { added: 100, exact: true },
    waits,
  });

  it('shows the medians side by side and what the replica costs, as medians of the rounds', () => {
    const result = {
      startedAt: '2026-12-02T00:00:00.000Z',
      machine: { cpus: 2, node: 'v20', platform: 'linux-x64' },
      options: { ...DEFAULTS, replicaClients: 10 },
      points: [],
      floods: [],
      rooms: [],
      replicas: [
        point('with-replica', 0, 12, 40),
        point('without-replica', 0, 8, 0),
        point('baseline', 0, 2),
        point('baseline', 1, 4),
        point('without-replica', 1, 10, 0),
        point('with-replica', 1, 30, 60),
      ],
    } as unknown as BenchResult;
    const report = formatReport(result);
    // p99: with 12 and 30 (median 21), without 8 and 10 (9); differences 4 and 20 (median 12),
    // ratios 1.5 and 3 (median 2.25); the baseline's 2 and 4 (3).
    expect(report).toMatch(/click ack p99 \(ms\)\s+21\.0\s+9\.00\s+\+12\.0\s+2\.25×\s+3\.00\n/);
    expect(report).toMatch(/WAITs sent to Redis\s+50\s+0\s+–\n/);
    expect(report).toMatch(/clicks acked per WAIT\s+2\.0\s+–\s+–\n/);
    expect(report).toMatch(/counts grew by the acked clicks\s+yes \(\+100 \/ 100\)/);
    expect(report).toMatch(/^2\s+with replica\s+7\.50\s+15\.0\s+30\.0\s+100\.0%\s+0\s+0\s+60\s*$/m);
  });
});

// Enough connections to outweigh what else a server's heap gains meanwhile (~0.1 MB seen).
const LIVE_HEAP_CLIENTS = 100;

describe('memory after a full GC (100 clients, both servers)', () => {
  let result: BenchResult;

  beforeAll(async () => {
    result = await runBench({
      ...DEFAULTS,
      clients: LIVE_HEAP_CLIENTS,
      rounds: 1,
      sweep: [],
      scenarios: ['connect'],
      warmConnects: 0,
      memoryAfterGc: true,
      settleMs: 300,
      api,
      quiet: true,
    });
  });

  it.each(['project', 'baseline'] as const)(
    'collects the %s server’s garbage through its inspector, with the clients and without',
    (target) => {
      const point = present(pointOf(result, target, LIVE_HEAP_CLIENTS), `${target} point`);
      expect(point.error).toBeUndefined();
      const liveHeap = present(point.memory?.liveHeap, `${target} live heap`);
      // A hundred connections hold something, and a server's heap is megabytes.
      expect(liveHeap.withClientsBytes).toBeGreaterThan(liveHeap.withoutBytes);
      expect(liveHeap.withoutBytes).toBeGreaterThan(1_000_000);
      expect(liveHeap.perConnectionKiB).toBeCloseTo(
        (liveHeap.withClientsBytes - liveHeap.withoutBytes) / 1024 / LIVE_HEAP_CLIENTS,
      );
      expect(formatReport(result)).toMatch(/live heap per connection, after a full GC \(KiB\)/);
    },
  );
});
