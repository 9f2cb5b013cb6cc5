import { median } from './median-point';

/** What one setup's figure costs over another's, round by round, and the medians to quote. */
export interface PairedCost {
  /** Each round measured in both: its figure with minus without, and with over without. */
  perRound: { round: number; difference: number; ratio: number | undefined }[];
  /** The median of the rounds' differences. */
  difference: number;
  /** The median of the rounds' ratios (rounds whose `without` is 0 have none). */
  ratio: number;
}

/**
 * `pick`'s figure of each `withIt` round against the `without` round of the same number: the
 * two were measured one after the other, so pairing them cancels a machine that gets busier or
 * quieter between rounds. Rounds missing either figure are left out.
 */
export function pairedCost<T extends { round?: number }>(
  withIt: readonly T[],
  without: readonly T[],
  pick: (point: T) => number | undefined,
): PairedCost {
  const perRound = withIt.flatMap((w) => {
    const o = without.find((x) => x.round === w.round);
    const wv = pick(w);
    const ov = o && pick(o);
    if (wv === undefined || ov === undefined || !Number.isFinite(wv) || !Number.isFinite(ov))
      return [];
    return [{ round: w.round ?? 0, difference: wv - ov, ratio: ov > 0 ? wv / ov : undefined }];
  });
  return {
    perRound,
    difference: median(perRound.map((r) => r.difference)),
    ratio: median(perRound.flatMap((r) => (r.ratio === undefined ? [] : [r.ratio]))),
  };
}
