/** The median of finite numbers (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function combine(values: unknown[]): unknown {
  const present = values.filter((v) => v !== undefined);
  if (present.length === 0) return undefined;
  const [first] = present;
  if (typeof first === 'number') return median(present as number[]);
  // A yes/no holds for the rounds only if it held in every one (count exact, server up).
  if (typeof first === 'boolean') return present.every(Boolean);
  if (Array.isArray(first)) return present.flat();
  if (first !== null && typeof first === 'object') {
    const keys = [...new Set(present.flatMap((v) => Object.keys(v as object)))];
    return Object.fromEntries(
      keys.map((key) => [key, combine(present.map((v) => (v as Record<string, unknown>)[key]))]),
    );
  }
  return first;
}

/**
 * One point standing for several rounds of the same measurement (a target at a client count, or
 * a target's flood): every figure is the median over the rounds, a yes/no is yes only if every
 * round said yes, an error is the first round's.
 */
export function medianPoint<T extends { round?: number; error?: string }>(rounds: readonly T[]): T {
  if (rounds.length === 1) return rounds[0];
  const point = combine([...rounds]) as T;
  point.error = rounds.find((r) => r.error)?.error;
  point.round = undefined;
  return point;
}
