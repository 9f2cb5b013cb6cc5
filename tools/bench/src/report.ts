import { BROWSER_LOAD_RATE } from './browser';
import { EVENT_TIMING_THRESHOLD_MS } from './browser-figures';
import { BURST } from './flood-attacker';
import { ATTACKER_ADDRESS, VICTIM_CLICKS_PER_SEC } from './flood';
import { REPLICA_SETUPS, type ReplicaSetup } from './options';
import {
  browserOf,
  browserRoundsOf,
  floodOf,
  floodRatios,
  floodRoundsOf,
  pointOf,
  replicaCost,
  replicaOf,
  replicaRoundsOf,
  roomsOf,
  roomsRatios,
  roomsRoundsOf,
  roundRatios,
  roundsOf,
  type BenchResult,
  type BrowserPoint,
  type FloodPoint,
  type PointResult,
  type ReplicaPoint,
  type RoomsPoint,
  type AckFigures,
} from './results';
import { ROOM_CLICKS_PER_SEC, ROOM_MESSAGES_PER_SEC } from './rooms';

/** One of the issue's targets, judged on a run. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean | undefined;
}

const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1);
const num = (v: number | undefined, digits = 0) =>
  v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b === 0
    ? undefined
    : a / b;
const showRatio = (r: number | undefined) => (r === undefined ? '–' : `${r.toFixed(2)}×`);
const definedRatio = (r: number | undefined) =>
  r === undefined || Number.isNaN(r) ? undefined : r;
const pct = (part: number, whole: number) => `${part}/${whole} (${num((100 * part) / whole, 1)}%)`;
const mib = (kib: number) => num(kib / 1024, 1);
/** Rounds in the order they ran (a median over rounds has none). */
const byRound = (x: { round?: number }, y: { round?: number }) => (x.round ?? 0) - (y.round ?? 0);
const cpu = (v: number | undefined) => num(v, 4);
const crossRoomOf = (x: RoomsPoint) => x.crossRoom && x.crossRoom.clicks + x.crossRoom.messages;

/** Each round's ratio, when there are several: " (rounds 1.02 0.97 1.10)". */
const perRound = (ratios: number[]) =>
  ratios.length > 1 ? ` (rounds ${ratios.map((x) => x.toFixed(2)).join(' ')})` : '';

/** A figure's project/baseline ratio judged against `limit`, with each round's when several. */
function relativeCheck(
  name: string,
  limit: number,
  values: { project: number | undefined; baseline: number | undefined; unit: string },
  ratios: { perRound: number[]; median: number },
  fmt = ms,
): TargetCheck {
  const r = Number.isNaN(ratios.median) ? undefined : ratios.median;
  return {
    name,
    target: `≤ ${limit.toFixed(1)}× baseline`,
    measured: `${fmt(values.project)} vs ${fmt(values.baseline)} ${values.unit} = ${showRatio(r)}${perRound(ratios.perRound)}`,
    met: r === undefined ? undefined : r <= limit,
  };
}

/** Judges the bench's goals (project at `clients` against the baseline in the same run, and at 5000). */
export function checkTargets(result: BenchResult): TargetCheck[] {
  const n = result.options.clients;
  const p = pointOf(result, 'project', n);
  const b = pointOf(result, 'baseline', n);
  const checks: TargetCheck[] = [];
  if (p?.storm) {
    const s = p.storm;
    checks.push({
      name: 'storm',
      target: '≥ 95% acked, ack p99 ≤ 25 ms, count exact',
      measured: `${num(s.ackedPct, 1)}% acked, p99 ${ms(s.ackLatency.p99)} ms, ${s.exact ? 'exact' : 'NOT exact'}`,
      met: s.ackedPct >= 95 && s.ackLatency.p99 <= 25 && s.exact,
    });
  }
  const relative = (
    name: string,
    limit: number,
    pick: (point: PointResult) => number | undefined,
    unit: string,
  ) => {
    if (!p || !b || pick(p) === undefined) return;
    checks.push(
      relativeCheck(
        name,
        limit,
        { project: pick(p), baseline: pick(b), unit },
        roundRatios(result, n, pick),
      ),
    );
  };
  relative('fanout p99', 1.0, (x) => x.fanout?.latency.p99, 'ms');
  relative('chat p99', 1.0, (x) => x.chat?.latency.p99, 'ms');
  relative('connect (all welcomed)', 1.2, (x) => x.connect?.allWelcomedMs, 'ms');
  relative('memory per connection', 1.2, (x) => x.memory?.perConnectionKiB, 'KiB');
  const rp = roomsOf(result, 'project');
  const rb = roomsOf(result, 'baseline');
  if (rp?.clicks && rp.crossRoom && rp.counts) {
    const p99 = rp.clicks.ackLatency.p99;
    // A leak in any round is a leak: the most in one round, not the median.
    const crossRoom = Math.max(...roomsRoundsOf(result, 'project').map((x) => crossRoomOf(x) ?? 0));
    checks.push({
      name: 'rooms',
      target: 'ack p99 ≤ 25 ms, 0 cross-room deliveries, every count exact',
      measured: `p99 ${ms(p99)} ms, ${crossRoom} cross-room, ${rp.counts.exact ? 'exact' : `NOT exact (${rp.counts.exactRooms}/${rp.rooms} rooms)`}`,
      met: p99 <= 25 && rp.crossRoom.none && rp.counts.exact,
    });
  }
  const cpuPerDelivery = (x: RoomsPoint) => x.server?.cpuSecondsPer1000Deliveries;
  if (rp && rb && cpuPerDelivery(rp) !== undefined) {
    checks.push(
      relativeCheck(
        'rooms CPU per delivery',
        1.2,
        { project: cpuPerDelivery(rp), baseline: cpuPerDelivery(rb), unit: 'CPU s / 1000' },
        roomsRatios(result, cpuPerDelivery),
        cpu,
      ),
    );
  }
  checks.push(...floodChecks(result));
  checks.push(...browserChecks(result));
  const big = pointOf(result, 'project', 5000);
  if (big) {
    checks.push({
      name: '5000 clients',
      target: 'server up, all welcomed, fanout p99 < 250 ms',
      measured: `${big.serverUp ? 'up' : 'DOWN'}, ${big.connect?.welcomed ?? 0}/5000 welcomed, p99 ${ms(big.fanout?.latency.p99)} ms`,
      met:
        big.serverUp &&
        big.connect?.welcomed === 5000 &&
        (big.fanout?.latency.p99 ?? Infinity) < 250,
    });
  }
  return checks;
}

/** The victim's p99 under the flood over its p99 alone, each round's and their median. */
function floodChecks(result: BenchResult): TargetCheck[] {
  const rounds = floodRoundsOf(result, 'project');
  const median = floodOf(result, 'project')?.victim?.p99Ratio;
  if (median === undefined) return [];
  const ratios = rounds.map((x) => x.victim?.p99Ratio ?? Number.NaN);
  const allAcked = rounds.every((x) => x.victim?.allAcked === true);
  return [
    {
      name: result.options.floodAt === 'decoy' ? 'flood, attacker on a decoy' : 'flood',
      target: 'victim ack p99 under flood ≤ 2× alone, all acked',
      measured: `${showRatio(median)}${perRound(ratios)}, ${allAcked ? 'all acked' : 'NOT all acked'}`,
      met: median <= 2 && allAcked,
    },
  ];
}

/** Goals for the page under load: a click painted quickly, few long tasks, a flat heap. */
export const BROWSER_GOALS = {
  /** Event Timing duration p95 of the page's clicks, ms. */
  clickP95Ms: 50,
  /** Long tasks' share of the time, %. */
  longTaskPct: 5,
  /** JS heap growth after a garbage collection, MB (10^6 bytes) per minute. */
  heapMBPerMinute: 1,
};

/** An Event Timing figure: 0 stands for a click with no entry, under the 16 ms threshold. */
const eventMs = (v: number | undefined) =>
  v === undefined || Number.isNaN(v)
    ? '–'
    : v < EVENT_TIMING_THRESHOLD_MS
      ? `< ${EVENT_TIMING_THRESHOLD_MS}`
      : ms(v);

/** MB with its sign, per minute. */
const perMinute = (v: number | undefined, digits: number) =>
  v === undefined || Number.isNaN(v) ? '–' : `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(digits)}`;

/** The browser scenario's goals, judged on its median over the rounds. */
function browserChecks(result: BenchResult): TargetCheck[] {
  const x = browserOf(result);
  if (!x) return [];
  const checks: TargetCheck[] = [];
  const e = x.eventTiming;
  if (e && e.count > 0) {
    checks.push({
      name: 'browser click painted',
      target: `Event Timing p95 ≤ ${BROWSER_GOALS.clickP95Ms} ms`,
      measured: `p95 ${eventMs(e.p95)} ms, max ${eventMs(e.max)} ms (${e.withEntry}/${e.count} clicks ≥ ${EVENT_TIMING_THRESHOLD_MS} ms)`,
      met: e.p95 <= BROWSER_GOALS.clickP95Ms,
    });
  }
  const l = x.longTasks;
  if (l) {
    checks.push({
      name: 'browser long tasks',
      target: `< ${BROWSER_GOALS.longTaskPct}% of the time`,
      measured: `${num(l.sharePct, 2)}% (${l.count}, longest ${ms(l.longestMs)} ms)`,
      met: Number.isNaN(l.sharePct) ? undefined : l.sharePct < BROWSER_GOALS.longTaskPct,
    });
  }
  const m = x.memory;
  if (m) {
    const growth = m.heapMB.perMinute;
    checks.push({
      name: 'browser memory',
      target: `flat: JS heap after GC < ${BROWSER_GOALS.heapMBPerMinute} MB/min`,
      measured: `${perMinute(growth, 2)} MB/min (${num(m.heapMB.first, 1)} → ${num(m.heapMB.last, 1)} MB), DOM nodes ${perMinute(m.nodes.perMinute, 0)}/min`,
      met: Number.isNaN(growth) ? undefined : growth < BROWSER_GOALS.heapMBPerMinute,
    });
  }
  return checks;
}

/** The browser scenario's table (median of its rounds), and one line per round when several. */
function formatBrowser(result: BenchResult): string[] {
  const o = result.options;
  const x = browserOf(result);
  if (!x) return [];
  const rows: string[][] = [];
  const row = (label: string, value: string | undefined) => {
    if (value !== undefined) rows.push([label, value]);
  };
  const three = (a: number, b: number, c: number, fmt: (v: number) => string) =>
    `${fmt(a)} / ${fmt(b)} / ${fmt(c)}`;
  const c = x.clicks;
  row('page clicks done / failed', c && `${c.clicked} / ${c.failed}`);
  row('page clicks seen by the page / acked', c && `${c.seen} / ${c.acked}`);
  const e = x.eventTiming;
  row(
    `clicks with an Event Timing entry (≥ ${EVENT_TIMING_THRESHOLD_MS} ms)`,
    e && `${e.withEntry}/${e.count}`,
  );
  row('click input → next paint p50 / p95 / max (ms)', e && three(e.p50, e.p95, e.max, eventMs));
  const d = x.painted;
  row('clicks whose count was painted', d && c && `${d.count}/${c.seen}`);
  row('click → count painted p50 / p95 / max (ms)', d && three(d.p50, d.p95, d.max, ms));
  const l = x.longTasks;
  row('long tasks: share of the time (%)', l && num(l.sharePct, 2));
  row('long tasks: count / longest (ms)', l && `${num(l.count)} / ${ms(l.longestMs)}`);
  row('long tasks left out (during a forced GC)', l && num(l.leftOut));
  const m = x.memory;
  row(
    'JS heap after GC first / last / max (MB)',
    m && three(m.heapMB.first, m.heapMB.last, m.heapMB.max, (v) => num(v, 2)),
  );
  row('JS heap growth (MB/min)', m && perMinute(m.heapMB.perMinute, 3));
  row('DOM nodes first / last / max', m && three(m.nodes.first, m.nodes.last, m.nodes.max, num));
  row('DOM nodes growth (/min)', m && perMinute(m.nodes.perMinute, 1));
  row('memory readings', m && `${m.samples.length}`);
  const load = x.load;
  row('load clicks acked', load && pct(load.acked, load.sent));
  row(
    'load click ack p50 / p99 (ms)',
    load && `${ms(load.ackLatency.p50)} / ${ms(load.ackLatency.p99)}`,
  );
  row('load click timeouts / refused', load && `${load.timedOut} / ${load.refused}`);
  row('server CPU (% of a core)', x.serverCpuPct === undefined ? undefined : num(x.serverCpuPct));
  row(
    'load-generator busy (%)',
    x.loadGeneratorBusy === undefined ? undefined : num(100 * x.loadGeneratorBusy),
  );
  const parts = [
    `Browser: a page in headless Chromium, in the lobby, clicks the count button once a second for ${o.browserSeconds} s while`,
    `${o.browserLoadClients} clients in the lobby over ${o.workers} workers click ${BROWSER_LOAD_RATE}/s each with an ack (the project only: the baseline serves no page).`,
    `Event Timing: input to the next paint, in 8 ms steps; a click under ${EVENT_TIMING_THRESHOLD_MS} ms has no entry and counts as "< ${EVENT_TIMING_THRESHOLD_MS}".`,
    'Count painted: from the click to the frame showing a count at least the one its ack carries.',
    `Memory: read every 10 s after a forced garbage collection; "flat" is a JS heap growing under ${BROWSER_GOALS.heapMBPerMinute} MB a minute.`,
    '',
    table(['browser', 'measured'], rows),
  ];
  const rounds = browserRoundsOf(result);
  if (rounds.length > 1) {
    parts.push(
      '',
      table(
        ['round', 'input → paint p95', 'painted p95', 'long tasks %', 'heap MB/min', ''],
        rounds.map((r: BrowserPoint) => [
          `${(r.round ?? 0) + 1}`,
          eventMs(r.eventTiming?.p95),
          ms(r.painted?.p95),
          num(r.longTasks?.sharePct, 2),
          perMinute(r.memory?.heapMB.perMinute, 3),
          r.error ? `error: ${r.error}` : r.serverUp ? '' : 'server died',
        ]),
      ),
    );
  }
  for (const r of rounds) {
    if (r.load?.firstRefusal)
      parts.push(`browser: a load click was refused: ${r.load.firstRefusal}`);
    if (r.error && rounds.length === 1) parts.push(`browser: ${r.error}`);
  }
  return parts;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Rows of one figure per line, project and baseline side by side, with the ratio `ratioOf` gives
 * for a figure (the median of the rounds' ratios).
 */
function sideBySide<T>(
  p: T | undefined,
  b: T | undefined,
  ratioOf: (pick: (x: T) => number | undefined) => number | undefined,
) {
  const rows: string[][] = [];
  const row = (label: string, pick: (x: T) => number | undefined, fmt = ms, withRatio = true) => {
    const pv = p ? pick(p) : undefined;
    const bv = b ? pick(b) : undefined;
    if (pv === undefined && bv === undefined) return;
    rows.push([label, fmt(pv), fmt(bv), withRatio ? showRatio(definedRatio(ratioOf(pick))) : '']);
  };
  const text = (label: string, pick: (x: T) => string | undefined) => {
    const pv = p ? pick(p) : undefined;
    const bv = b ? pick(b) : undefined;
    if (pv === undefined && bv === undefined) return;
    rows.push([label, pv ?? '–', bv ?? '–', '']);
  };
  return { rows, row, text };
}

/** The flood's table (median of its rounds), and one line per round when there are several. */
function formatFlood(result: BenchResult): string[] {
  const o = result.options;
  const { rows, row, text } = sideBySide(
    floodOf(result, 'project'),
    floodOf(result, 'baseline'),
    (pick) => floodRatios(result, pick).median,
  );
  const quietToFlood = (pick: (phase: AckFigures) => number) => (x: FloodPoint) =>
    x.victim && `${ms(pick(x.victim.quiet))} → ${ms(pick(x.victim.flood))}`;
  text(
    'victim ack p50 quiet → flood (ms)',
    quietToFlood((phase) => phase.ackLatency.p50),
  );
  text(
    'victim ack p90 quiet → flood (ms)',
    quietToFlood((phase) => phase.ackLatency.p90),
  );
  text(
    'victim ack p99 quiet → flood (ms)',
    quietToFlood((phase) => phase.ackLatency.p99),
  );
  row('victim ack p90 under flood (ms)', (x) => x.victim?.flood.ackLatency.p90);
  row('victim ack p99 under flood (ms)', (x) => x.victim?.flood.ackLatency.p99);
  row(
    'victim p99 flood / quiet',
    (x) => x.victim?.p99Ratio,
    (v) => (v === undefined ? '–' : `${num(v, 2)}×`),
    false,
  );
  text(
    'victim clicks acked under flood',
    (x) => x.victim && pct(x.victim.flood.acked, x.victim.flood.sent),
  );
  text(
    'victim clicks all acked',
    (x) =>
      x.victim &&
      (x.victim.allAcked
        ? 'yes'
        : `NO: ${x.victim.quiet.refused + x.victim.flood.refused} refused, ${x.victim.quiet.timedOut + x.victim.flood.timedOut} timed out`),
  );
  row('attacker connects tried', (x) => x.attacker?.attempts, num, false);
  text('attacker admitted', (x) => x.attacker && pct(x.attacker.admitted, x.attacker.attempts));
  text(
    'attacker refused: CONNECT / HTTP',
    (x) =>
      x.attacker &&
      `${x.attacker.refused} / ${x.attacker.refusedHttp}${x.attacker.refusedHttpStatus ? ` (${x.attacker.refusedHttpStatus})` : ''}`,
  );
  row('attacker events sent', (x) => x.attacker?.eventsSent, num, false);
  row('attacker errors', (x) => x.attacker?.errors, num, false);
  row('attacker busy (%)', (x) => x.attacker && 100 * x.attacker.busy, num, false);
  row('server CPU under flood (% of a core)', (x) => x.server?.cpuPct, num);
  if (o.floodAt === 'decoy') {
    row('decoy CPU under flood (% of a core)', (x) => x.decoy?.cpuPct, num, false);
  }
  text(
    'server RSS before → after (MiB)',
    (x) => x.server && `${mib(x.server.rssBeforeKiB)} → ${mib(x.server.rssAfterKiB)}`,
  );
  const parts = [
    `Flood: one client clicks ${VICTIM_CLICKS_PER_SEC}/s with acks, alone for ${o.floodQuietSeconds} s, then for ${o.floodSeconds} s while`,
    o.floodAt === 'decoy'
      ? `${o.floodConcurrency} loops from ${ATTACKER_ADDRESS} each connect to a decoy beside the server, get a 429 and close, again and again:\nthe server does nothing for the flood, so the victim's loss is the cost of sharing the machine with it.`
      : `${o.floodConcurrency} loops from ${ATTACKER_ADDRESS} each connect, send ${BURST.length} events at once and close, again and again.`,
    '',
    table(['flood', 'project', 'baseline', 'ratio'], rows),
  ];
  const severalRounds =
    floodRoundsOf(result, 'project').length > 1 || floodRoundsOf(result, 'baseline').length > 1;
  if (severalRounds) {
    parts.push(
      '',
      table(
        [
          'round',
          'target',
          'quiet p99',
          'flood p90',
          'flood p99',
          'flood/quiet',
          'acked',
          'admitted',
          'refused',
          'CPU %',
          '',
        ],
        [...result.floods]
          .sort(byRound)
          .map((x) => [
            `${(x.round ?? 0) + 1}`,
            x.target,
            ms(x.victim?.quiet.ackLatency.p99),
            ms(x.victim?.flood.ackLatency.p90),
            ms(x.victim?.flood.ackLatency.p99),
            x.victim ? `${num(x.victim.p99Ratio, 2)}×` : '–',
            x.victim ? `${num((100 * x.victim.flood.acked) / x.victim.flood.sent, 1)}%` : '–',
            num(x.attacker?.admitted),
            x.attacker ? num(x.attacker.refused + x.attacker.refusedHttp) : '–',
            num(x.server?.cpuPct),
            x.error ? `error: ${x.error}` : x.serverUp ? '' : 'server died',
          ]),
      ),
    );
  }
  for (const x of result.floods) {
    const refusal = x.victim?.quiet.firstRefusal ?? x.victim?.flood.firstRefusal;
    if (refusal) parts.push(`${x.target}: a victim click was refused: ${refusal}`);
    // With several rounds, the per-round table shows the errors.
    if (x.error && !severalRounds) parts.push(`${x.target} flood: ${x.error}`);
  }
  return parts;
}

/** The rooms scenario's table (median of its rounds), and one line per round when there are several. */
function formatRooms(result: BenchResult): string[] {
  const o = result.options;
  const { rows, row, text } = sideBySide(
    roomsOf(result, 'project'),
    roomsOf(result, 'baseline'),
    (pick) => roomsRatios(result, pick).median,
  );
  row('click ack p50 (ms)', (x) => x.clicks?.ackLatency.p50);
  row('click ack p90 (ms)', (x) => x.clicks?.ackLatency.p90);
  row('click ack p99 (ms)', (x) => x.clicks?.ackLatency.p99);
  text('clicks acked', (x) => x.clicks && pct(x.clicks.acked, x.clicks.sent));
  row('click ack timeouts', (x) => x.clicks?.timedOut, num, false);
  text(
    'messages delivered/expected',
    (x) => x.messages && `${x.messages.delivered}/${x.messages.expected}`,
  );
  text(
    'cross-room deliveries: clicks / messages',
    (x) => x.crossRoom && `${x.crossRoom.clicks} / ${x.crossRoom.messages}`,
  );
  text('rooms with the exact count', (x) => x.counts && `${x.counts.exactRooms}/${x.rooms}`);
  text('clients holding their room count', (x) => x.counts && `${x.counts.converged}/${x.clients}`);
  row('deliveries while clicking', (x) => x.server?.deliveries, num, false);
  row('server CPU (% of a core)', (x) => x.server?.cpuPct, num, false);
  row('CPU s / 1000 deliveries', (x) => x.server?.cpuSecondsPer1000Deliveries, cpu);
  row(
    'load-generator busy (%)',
    (x) => x.loadGeneratorBusy && 100 * x.loadGeneratorBusy,
    num,
    false,
  );
  const parts = [
    `Rooms: ${o.rooms} rooms × ${o.roomClients} clients over ${o.workers} workers, each clicking ${ROOM_CLICKS_PER_SEC}/s with an ack and every fifth`,
    `also sending ${ROOM_MESSAGES_PER_SEC} message/s, for ${o.roomsSeconds} s; every delivery checked against its receiver's room.`,
    '',
    table(['rooms', 'project', 'baseline', 'ratio'], rows),
  ];
  const severalRounds =
    roomsRoundsOf(result, 'project').length > 1 || roomsRoundsOf(result, 'baseline').length > 1;
  if (severalRounds) {
    parts.push(
      '',
      table(
        ['round', 'target', 'ack p99', 'acked', 'cross-room', 'exact rooms', 'CPU s / 1000', ''],
        [...result.rooms]
          .sort(byRound)
          .map((x) => [
            `${(x.round ?? 0) + 1}`,
            x.target,
            ms(x.clicks?.ackLatency.p99),
            x.clicks ? `${num((100 * x.clicks.acked) / x.clicks.sent, 1)}%` : '–',
            num(crossRoomOf(x)),
            x.counts ? `${x.counts.exactRooms}/${x.rooms}` : '–',
            cpu(x.server?.cpuSecondsPer1000Deliveries),
            x.error ? `error: ${x.error}` : x.serverUp ? '' : 'server died',
          ]),
      ),
    );
  }
  for (const x of result.rooms) {
    if (x.clicks?.firstRefusal)
      parts.push(`${x.target}: a rooms click was refused: ${x.clicks.firstRefusal}`);
    // With several rounds, the per-round table shows the errors.
    if (x.error && !severalRounds) parts.push(`${x.target} rooms: ${x.error}`);
  }
  return parts;
}

/** How the replica scenario's tables name its setups. */
const SETUP_LABELS: Record<ReplicaSetup, string> = {
  'with-replica': 'with replica',
  'without-replica': 'without replica',
  baseline: 'baseline (no store)',
};

/** A difference with its sign, `fmt` formatting its size. */
const signed = (v: number, fmt: (v: number) => string) =>
  Number.isNaN(v) ? '–' : `${v < 0 ? '−' : '+'}${fmt(Math.abs(v))}`;

/**
 * The replica scenario's table (medians of its rounds): with a replica and without side by
 * side, what the replica costs (with − without, with / without), and the baseline for
 * reference; and one line per round when there are several.
 */
function formatReplica(result: BenchResult): string[] {
  const o = result.options;
  const setups = REPLICA_SETUPS.map((setup) => replicaOf(result, setup));
  const rows: string[][] = [];
  const row = (
    label: string,
    pick: (x: ReplicaPoint) => number | undefined,
    fmt = ms,
    withCost = true,
  ) => {
    const [withIt, without, baseline] = setups.map((x) => (x ? pick(x) : undefined));
    if ([withIt, without, baseline].every((v) => v === undefined)) return;
    const cost = withCost ? replicaCost(result, pick) : undefined;
    rows.push([
      label,
      fmt(withIt),
      fmt(without),
      cost ? signed(cost.difference, fmt) : '',
      cost ? showRatio(definedRatio(cost.ratio)) : '',
      fmt(baseline),
    ]);
  };
  const text = (label: string, pick: (x: ReplicaPoint) => string | undefined) => {
    const [withIt, without, baseline] = setups.map((x) => (x ? pick(x) : undefined));
    if ([withIt, without, baseline].every((v) => v === undefined)) return;
    rows.push([label, withIt ?? '–', without ?? '–', '', '', baseline ?? '–']);
  };
  row('click ack p50 (ms)', (x) => x.clicks?.ackLatency.p50);
  row('click ack p90 (ms)', (x) => x.clicks?.ackLatency.p90);
  row('click ack p99 (ms)', (x) => x.clicks?.ackLatency.p99);
  text('clicks acked', (x) => x.clicks && pct(x.clicks.acked, x.clicks.sent));
  row('click ack timeouts', (x) => x.clicks?.timedOut, num, false);
  row('clicks refused', (x) => x.clicks?.refused, num, false);
  row('WAITs sent to Redis', (x) => x.waits, num, false);
  row(
    'clicks acked per WAIT',
    (x) => (x.waits && x.clicks ? x.clicks.acked / x.waits : undefined),
    (v) => num(v, 1),
    false,
  );
  text(
    'counts grew by the acked clicks',
    (x) =>
      x.counts &&
      x.clicks &&
      `${x.counts.exact ? 'yes' : 'no'} (+${x.counts.added} / ${x.clicks.acked})`,
  );
  row('server CPU (% of a core)', (x) => x.cpu?.serverPct, num);
  row('Redis primary CPU (% of a core)', (x) => x.cpu?.redisPrimaryPct, num);
  row('Redis replica CPU (% of a core)', (x) => x.cpu?.redisReplicaPct, num, false);
  row(
    'load-generator busy (%)',
    (x) => (x.loadGeneratorBusy === undefined ? undefined : 100 * x.loadGeneratorBusy),
    num,
    false,
  );
  const parts = [
    `Replica: ${o.replicaClients} clients in rooms of ${o.replicaRoomClients} over ${o.workers} workers, each clicking ${o.replicaRate}/s with an ack for ${o.replicaSeconds} s.`,
    'The project in cluster mode (REDIS_WAIT_REPLICAS=1) on a Redis primary of its own (append-only file, fsync always):',
    'with a replica, a click is acked once the replica has it (WAIT); without, the primary is alone and no WAIT is sent.',
    "The baseline is plain Socket.IO, with no store. with − without and with / without are the medians of the rounds' own.",
    '',
    table(
      [
        'replica',
        SETUP_LABELS['with-replica'],
        SETUP_LABELS['without-replica'],
        'with − without',
        'with / without',
        SETUP_LABELS.baseline,
      ],
      rows,
    ),
  ];
  const severalRounds = REPLICA_SETUPS.some((setup) => replicaRoundsOf(result, setup).length > 1);
  if (severalRounds) {
    parts.push(
      '',
      table(
        [
          'round',
          'setup',
          'ack p50',
          'ack p90',
          'ack p99',
          'acked',
          'timeouts',
          'refused',
          'WAITs',
          '',
        ],
        [...result.replicas]
          .sort(byRound)
          .map((x) => [
            `${(x.round ?? 0) + 1}`,
            SETUP_LABELS[x.setup],
            ms(x.clicks?.ackLatency.p50),
            ms(x.clicks?.ackLatency.p90),
            ms(x.clicks?.ackLatency.p99),
            x.clicks ? `${num((100 * x.clicks.acked) / x.clicks.sent, 1)}%` : '–',
            num(x.clicks?.timedOut),
            num(x.clicks?.refused),
            num(x.waits),
            x.error ? `error: ${x.error}` : x.serverUp ? '' : 'server died',
          ]),
      ),
    );
  }
  for (const x of result.replicas) {
    if (x.clicks?.firstRefusal)
      parts.push(`${SETUP_LABELS[x.setup]}: a click was refused: ${x.clicks.firstRefusal}`);
    // With several rounds, the per-round table shows the errors.
    if (x.error && !severalRounds) parts.push(`${SETUP_LABELS[x.setup]}: ${x.error}`);
  }
  return parts;
}

/** The side-by-side table of a run, as plain text (also valid inside a Markdown code block). */
export function formatReport(result: BenchResult): string {
  const o = result.options;
  const n = o.clients;
  const p = pointOf(result, 'project', n);
  const b = pointOf(result, 'baseline', n);
  const rounds = Math.max(
    roundsOf(result, 'project', n).length,
    roundsOf(result, 'baseline', n).length,
    roomsRoundsOf(result, 'project').length,
    roomsRoundsOf(result, 'baseline').length,
    floodRoundsOf(result, 'project').length,
    floodRoundsOf(result, 'baseline').length,
    ...REPLICA_SETUPS.map((setup) => replicaRoundsOf(result, setup).length),
    browserRoundsOf(result).length,
  );
  const { rows, row, text } = sideBySide(p, b, (pick) =>
    rounds > 1 ? roundRatios(result, n, pick).median : ratio(p && pick(p), b && pick(b)),
  );
  row('connect: first clients, fresh server (ms)', (x) => x.firstConnects?.allWelcomedMs);
  row('connect: all connected (ms)', (x) => x.connect?.allConnectedMs);
  row('connect: all welcomed (ms)', (x) => x.connect?.allWelcomedMs);
  row(
    'memory per connection (KiB)',
    (x) => x.memory?.perConnectionKiB,
    (v) => num(v, 1),
  );
  row(
    'live heap per connection, after a full GC (KiB)',
    (x) => x.memory?.liveHeap?.perConnectionKiB,
    (v) => num(v, 1),
  );
  row('fanout p50 (ms)', (x) => x.fanout?.latency.p50);
  row('fanout p90 (ms)', (x) => x.fanout?.latency.p90);
  row('fanout p99 (ms)', (x) => x.fanout?.latency.p99);
  row('fanout max (ms)', (x) => x.fanout?.latency.max);
  row('fanout first receipt p50 (ms)', (x) => x.fanout?.firstReceipt.p50);
  row('fanout first → last p50 (ms)', (x) => x.fanout?.spread.p50);
  row('fanout first → last max (ms)', (x) => x.fanout?.spread.max);
  text(
    'fanout delivered/expected',
    (x) => x.fanout && `${x.fanout.delivered}/${x.fanout.expected}`,
  );
  row(
    'fanout CPU s / 1000 deliveries',
    (x) => x.fanout?.cpuSecondsPer1000Deliveries,
    (v) => num(v, 4),
  );
  row(
    'fanout load-generator busy (%)',
    (x) => x.fanout && 100 * x.fanout.loadGeneratorBusy,
    (v) => num(v),
    false,
  );
  row('chat p50 (ms)', (x) => x.chat?.latency.p50);
  row('chat p99 (ms)', (x) => x.chat?.latency.p99);
  text('chat delivered/expected', (x) => x.chat && `${x.chat.delivered}/${x.chat.expected}`);
  row(
    'storm acked (% of offered)',
    (x) => x.storm?.ackedPct,
    (v) => num(v, 1),
  );
  row(
    'storm acked during load (/s)',
    (x) => x.storm?.ackedInWindowPerSec,
    (v) => num(v, 0),
  );
  row('storm ack p50 (ms)', (x) => x.storm?.ackLatency.p50);
  row('storm ack p99 (ms)', (x) => x.storm?.ackLatency.p99);
  row(
    'storm ack timeouts',
    (x) => x.storm?.timedOut,
    (v) => num(v),
    false,
  );
  row(
    'storm deliveries/s',
    (x) => x.storm?.deliveriesPerSec,
    (v) => num(v, 0),
  );
  text(
    'storm count exact',
    (x) =>
      x.storm &&
      `${x.storm.exact ? 'yes' : 'no'} (+${x.storm.countDelta} / ${x.storm.acked} acked)`,
  );
  text('storm clients converged', (x) => x.storm && `${x.storm.converged}/${x.clients}`);
  row(
    'storm server CPU (% of a core)',
    (x) => x.storm?.serverCpuPct,
    (v) => num(v),
    false,
  );
  row(
    'storm load-generator busy (%)',
    (x) => x.storm && 100 * x.storm.loadGeneratorBusy,
    (v) => num(v),
    false,
  );
  row(
    'storm CPU s / 1000 deliveries',
    (x) => x.storm?.cpuSecondsPer1000Deliveries,
    (v) => num(v, 4),
  );

  const load = result.points.length ? `${n} clients over ${o.workers} workers, ` : '';
  const parts = [
    `Live counter bench — ${load}${result.machine.cpus} CPUs, Node ${result.machine.node}, ${result.startedAt}`,
    ...(rounds > 1 && (result.points.length || result.rooms.length || result.floods.length)
      ? [
          `Each figure is the median of ${rounds} rounds (a fresh server each, the two servers' order alternating);`,
          "a ratio is the median of the rounds' project/baseline ratios.",
        ]
      : rounds > 1
        ? [
            `Each figure is the median of ${rounds} rounds (fresh servers each, the setups' order alternating).`,
          ]
        : []),
    ...(rows.length ? ['', table(['', 'project', 'baseline', 'ratio'], rows)] : []),
  ];
  if (rounds > 1 && result.points.length) {
    const roundRows = result.points
      .filter((x) => x.clients === n)
      .sort(byRound)
      .map((x) => [
        `${(x.round ?? 0) + 1}`,
        x.target,
        ms(x.connect?.allWelcomedMs),
        num(x.memory?.perConnectionKiB, 1),
        ms(x.fanout?.latency.p99),
        ms(x.chat?.latency.p99),
        ms(x.storm?.ackLatency.p99),
        x.storm ? `${num(x.storm.ackedPct, 1)}%` : '–',
        x.error ? `error: ${x.error}` : '',
      ]);
    parts.push(
      '',
      table(
        [
          'round',
          'target',
          'connect ms',
          'KiB/conn',
          'fanout p99',
          'chat p99',
          'storm ack p99',
          'acked',
          '',
        ],
        roundRows,
      ),
    );
  }
  const counts = [...new Set(result.points.map((x) => x.clients))].sort((a, c) => a - c);
  if (counts.length > 1) {
    const sweepRows = counts.flatMap((c) =>
      o.targets.map((t) => {
        const x = pointOf(result, t, c);
        return [
          `${t} n=${c}`,
          x?.connect ? `${x.connect.welcomed}/${c}` : '–',
          ms(x?.connect?.allWelcomedMs),
          num(x?.memory?.perConnectionKiB, 1),
          ms(x?.fanout?.latency.p50),
          ms(x?.fanout?.latency.p99),
          x?.error ? `error: ${x.error}` : x?.serverUp === false ? 'server died' : '',
        ];
      }),
    );
    parts.push(
      '',
      table(
        ['sweep', 'welcomed', 'connect ms', 'KiB/conn', 'fanout p50', 'fanout p99', ''],
        sweepRows,
      ),
    );
  }
  for (const x of result.points) {
    if (x.error && counts.length === 1) parts.push(`${x.target} n=${x.clients}: ${x.error}`);
    if (x.storm?.firstRefusal)
      parts.push(`${x.target}: a storm click was refused: ${x.storm.firstRefusal}`);
  }
  if (result.rooms.length) parts.push('', ...formatRooms(result));
  if (result.floods.length) parts.push('', ...formatFlood(result));
  if (result.replicas.length) parts.push('', ...formatReplica(result));
  if (browserRoundsOf(result).length) parts.push('', ...formatBrowser(result));
  const checks = checkTargets(result);
  if (checks.length) {
    parts.push(
      '',
      table(
        ['target', 'goal', 'measured', 'met'],
        checks.map((c) => [
          c.name,
          c.target,
          c.measured,
          c.met === undefined ? '?' : c.met ? 'yes' : 'NO',
        ]),
      ),
    );
  }
  return parts.join('\n');
}
