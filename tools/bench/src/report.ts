import { pointOf, roundRatios, roundsOf, type BenchResult, type PointResult } from './results';

/** One of the targets, judged on a run. */
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

/** Checks the targets (project at `clients` against the baseline in the same run, and at 5000). */
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
    const { perRound, median } = roundRatios(result, n, pick);
    const r = Number.isNaN(median) ? undefined : median;
    const rounds =
      perRound.length > 1 ? ` (rounds ${perRound.map((x) => x.toFixed(2)).join(' ')})` : '';
    checks.push({
      name,
      target: `≤ ${limit.toFixed(1)}× baseline`,
      measured: `${ms(pick(p))} vs ${ms(pick(b))} ${unit} = ${showRatio(r)}${rounds}`,
      met: r === undefined ? undefined : r <= limit,
    });
  };
  relative('fanout p99', 1.0, (x) => x.fanout?.latency.p99, 'ms');
  relative('chat p99', 1.0, (x) => x.chat?.latency.p99, 'ms');
  relative('connect (all welcomed)', 1.2, (x) => x.connect?.allWelcomedMs, 'ms');
  relative('memory per connection', 1.2, (x) => x.memory?.perConnectionKiB, 'KiB');
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

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
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
  );
  const rows: string[][] = [];
  const row = (
    label: string,
    pick: (x: PointResult) => number | undefined,
    fmt = ms,
    withRatio = true,
  ) => {
    const pv = p ? pick(p) : undefined;
    const bv = b ? pick(b) : undefined;
    if (pv === undefined && bv === undefined) return;
    const r = rounds > 1 ? roundRatios(result, n, pick).median : ratio(pv, bv);
    rows.push([
      label,
      fmt(pv),
      fmt(bv),
      withRatio ? showRatio(Number.isNaN(r) ? undefined : r) : '',
    ]);
  };
  const text = (label: string, pick: (x: PointResult) => string | undefined) => {
    const pv = p ? pick(p) : undefined;
    const bv = b ? pick(b) : undefined;
    if (pv === undefined && bv === undefined) return;
    rows.push([label, pv ?? '–', bv ?? '–', '']);
  };
  row('connect: all connected (ms)', (x) => x.connect?.allConnectedMs);
  row('connect: all welcomed (ms)', (x) => x.connect?.allWelcomedMs);
  row(
    'memory per connection (KiB)',
    (x) => x.memory?.perConnectionKiB,
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

  const parts = [
    `Live counter bench — ${n} clients over ${o.workers} workers, ${result.machine.cpus} CPUs, Node ${result.machine.node}, ${result.startedAt}`,
    ...(rounds > 1
      ? [
          `Each figure is the median of ${rounds} rounds (a fresh server each, the two servers' order alternating);`,
          "a ratio is the median of the rounds' project/baseline ratios.",
        ]
      : []),
    '',
    table(['', 'project', 'baseline', 'ratio'], rows),
  ];
  if (rounds > 1) {
    const roundRows = result.points
      .filter((x) => x.clients === n)
      .sort((x, y) => (x.round ?? 0) - (y.round ?? 0))
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
