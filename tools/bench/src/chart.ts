import type { Target } from './options';
import { pointOf, type BenchResult } from './results';

const COLORS: Record<Target, string> = { project: '#1f6feb', baseline: '#d9480f' };
const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Fan-out latency percentiles (p50 dashed, p99 solid) against client count, project vs
 * baseline, as a standalone SVG. Log scales on both axes: counts and latencies span decades.
 */
export function renderChart(result: BenchResult): string {
  const counts = [...new Set(result.points.filter((p) => p.fanout).map((p) => p.clients))].sort(
    (a, b) => a - b,
  );
  const width = 720;
  const height = 420;
  const m = { left: 70, right: 170, top: 40, bottom: 55 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const values = result.points
    .flatMap((p) => (p.fanout ? [p.fanout.latency.p50, p.fanout.latency.p99] : []))
    .filter((v) => v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values, 1))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values, 10))));
  const xMin = Math.min(...counts);
  const xMax = Math.max(...counts);
  const x = (c: number) =>
    counts.length < 2
      ? m.left + plotW / 2
      : m.left + ((Math.log(c) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin))) * plotW;
  const y = (v: number) =>
    m.top +
    plotH -
    ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${m.left}" y="22" font-size="15" font-weight="600">Fan-out latency vs clients (${result.options.workers} workers, ${result.machine.cpus} CPUs)</text>`,
  );
  for (let decade = lo; decade <= hi; decade *= 10) {
    for (const k of [1, 2, 5]) {
      const v = decade * k;
      if (v > hi) break;
      const yy = y(v).toFixed(1);
      out.push(
        `<line x1="${m.left}" x2="${m.left + plotW}" y1="${yy}" y2="${yy}" stroke="${k === 1 ? '#ccc' : '#eee'}"/>`,
      );
      out.push(
        `<text x="${m.left - 8}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="#555">${v}</text>`,
      );
    }
  }
  for (const c of counts) {
    const xx = x(c).toFixed(1);
    out.push(`<line x1="${xx}" x2="${xx}" y1="${m.top}" y2="${m.top + plotH}" stroke="#eee"/>`);
    out.push(
      `<text x="${xx}" y="${m.top + plotH + 18}" text-anchor="middle" fill="#555">${c}</text>`,
    );
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
    `<text x="${m.left + plotW / 2}" y="${height - 12}" text-anchor="middle">connected clients</text>`,
    `<text transform="translate(18 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">latency (ms, log scale)</text>`,
  );
  let legendY = m.top + 10;
  for (const target of result.options.targets) {
    for (const [pct, dash] of [
      ['p99', ''],
      ['p50', '6 4'],
    ] as const) {
      const pts = counts
        .map((c) => [c, pointOf(result, target, c)?.fanout?.latency[pct]] as const)
        .filter(
          (pair): pair is readonly [number, number] =>
            pair[1] !== undefined && !Number.isNaN(pair[1]),
        );
      if (!pts.length) continue;
      const path = pts
        .map(([c, v], i) => `${i ? 'L' : 'M'}${x(c).toFixed(1)},${y(v).toFixed(1)}`)
        .join(' ');
      out.push(
        `<path d="${path}" fill="none" stroke="${COLORS[target]}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''}/>`,
      );
      for (const [c, v] of pts) {
        out.push(
          `<circle cx="${x(c).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${COLORS[target]}"><title>${escapeXml(`${target} ${pct} at ${c}: ${v.toFixed(1)} ms`)}</title></circle>`,
        );
      }
      const lx = m.left + plotW + 15;
      out.push(
        `<line x1="${lx}" x2="${lx + 30}" y1="${legendY}" y2="${legendY}" stroke="${COLORS[target]}" stroke-width="2" ${dash ? `stroke-dasharray="${dash}"` : ''}/>`,
        `<text x="${lx + 38}" y="${legendY}" dominant-baseline="middle">${target} ${pct}</text>`,
      );
      legendY += 20;
    }
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
