/**
 * The browser scenario's figures, worked out from what the page recorded: pure functions, no
 * browser needed.
 */

/** The Event Timing entry names that make up a click: input to the next paint after it. */
export const CLICK_EVENT_NAMES: readonly string[] = ['pointerdown', 'pointerup', 'click'];

/**
 * The browser reports an event only when its duration reaches this (the smallest threshold it
 * accepts); durations are rounded to 8 ms.
 */
export const EVENT_TIMING_THRESHOLD_MS = 16;

/** An Event Timing entry as the page keeps it: [name, startTime, duration] in page time (ms). */
export type EventEntry = readonly [name: string, startTime: number, duration: number];

/** A long task as the page keeps it: [startTime, duration] in page time (ms). */
export type LongTask = readonly [startTime: number, duration: number];

/** A span of page time (ms). */
export interface Span {
  from: number;
  to: number;
}

/** Nearest-rank percentile of the values (NaN for none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** p50, p95 and max of some durations (ms), and how many there were. */
export interface Spread {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : NaN,
  };
}

/**
 * The page's clicks as Event Timing saw them. A click's duration is the longest of its
 * pointerdown, pointerup and click entries: from the input to the next paint after the page
 * handled it. A click with no entry took under the threshold and counts as 0 here: a
 * percentile of 0 reads "under 16 ms".
 */
export interface ClickDurations extends Spread {
  /** Clicks that had at least one entry (took 16 ms or more). */
  withEntry: number;
}

/**
 * How long before a click's own timestamp its pointerdown may start and still be its own: the
 * page clicks once a second, so nothing of the click before comes this close.
 */
const POINTER_LEAD_MS = 500;

/**
 * Matches each click (its `click` event's timestamp, page time) with the entries of that
 * interaction: those named in CLICK_EVENT_NAMES that start at most POINTER_LEAD_MS before it
 * and not after it (1 ms of slack for rounding).
 */
export function clickDurations(
  clickTimes: readonly number[],
  entries: readonly EventEntry[],
): ClickDurations {
  const durations = clickTimes.map((at) => {
    let longest = 0;
    for (const [name, startTime, duration] of entries) {
      if (!CLICK_EVENT_NAMES.includes(name)) continue;
      if (startTime < at - POINTER_LEAD_MS || startTime > at + 1) continue;
      longest = Math.max(longest, duration);
    }
    return longest;
  });
  return { ...spreadOf(durations), withEntry: durations.filter((d) => d > 0).length };
}

/** Long tasks over a span of page time. */
export interface LongTaskShare {
  count: number;
  totalMs: number;
  longestMs: number;
  /** Their time as a share of the span, in %. */
  sharePct: number;
  /** Long tasks left out because they overlapped one of the bench's own garbage collections. */
  leftOut: number;
}

const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;

/**
 * The long tasks within `span` (the part of each inside it), as a share of its length; those
 * overlapping an `exclude` span (the bench forcing a garbage collection to read the heap) are
 * left out and counted apart.
 */
export function longTaskShare(
  tasks: readonly LongTask[],
  span: Span,
  exclude: readonly Span[] = [],
): LongTaskShare {
  let count = 0;
  let totalMs = 0;
  let longestMs = 0;
  let leftOut = 0;
  for (const [startTime, duration] of tasks) {
    const task = { from: startTime, to: startTime + duration };
    if (!overlaps(task, span)) continue;
    if (exclude.some((x) => overlaps(task, x))) {
      leftOut++;
      continue;
    }
    const inside = Math.min(task.to, span.to) - Math.max(task.from, span.from);
    count++;
    totalMs += inside;
    longestMs = Math.max(longestMs, duration);
  }
  const length = span.to - span.from;
  return {
    count,
    totalMs,
    longestMs,
    sharePct: length > 0 ? (100 * totalMs) / length : NaN,
    leftOut,
  };
}

/** Least-squares slope of `value` over `at` (value per unit of `at`); NaN for under two points. */
export function slope(points: readonly { at: number; value: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const meanAt = points.reduce((s, p) => s + p.at, 0) / n;
  const meanValue = points.reduce((s, p) => s + p.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.at - meanAt) * (p.value - meanValue);
    den += (p.at - meanAt) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/** One reading of the page: seconds since the measurement began, JS heap after a GC, DOM nodes. */
export interface MemorySample {
  atS: number;
  heapBytes: number;
  nodes: number;
}

/** First, last and largest reading of a figure and its growth per minute (least squares). */
export interface Trend {
  first: number;
  last: number;
  max: number;
  perMinute: number;
}

export function trendOf(
  samples: readonly MemorySample[],
  pick: (s: MemorySample) => number,
): Trend {
  const values = samples.map(pick);
  return {
    first: values.length ? values[0] : NaN,
    last: values.length ? values[values.length - 1] : NaN,
    max: values.length ? Math.max(...values) : NaN,
    perMinute: slope(samples.map((s) => ({ at: s.atS / 60, value: pick(s) }))),
  };
}

/** The page's JS heap in MB (10^6 bytes) and its DOM nodes, over the readings. */
export function memoryTrends(samples: readonly MemorySample[]): { heapMB: Trend; nodes: Trend } {
  return {
    heapMB: trendOf(samples, (s) => s.heapBytes / 1e6),
    nodes: trendOf(samples, (s) => s.nodes),
  };
}
