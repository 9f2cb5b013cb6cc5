import { pairedCost } from './paired-cost';

const at = (round: number, p99?: number) => ({ round, p99 });

describe('pairedCost', () => {
  it('pairs each round with the same round of the other setup, whatever their order', () => {
    const cost = pairedCost(
      [at(0, 12), at(1, 9), at(2, 20)],
      [at(2, 10), at(0, 8), at(1, 6)],
      (x) => x.p99,
    );
    expect(cost.perRound).toEqual([
      { round: 0, difference: 4, ratio: 1.5 },
      { round: 1, difference: 3, ratio: 1.5 },
      { round: 2, difference: 10, ratio: 2 },
    ]);
    expect(cost.difference).toBe(4);
    expect(cost.ratio).toBe(1.5);
  });

  it('quotes the median of the rounds, the mean of the middle two for an even count', () => {
    const cost = pairedCost([at(0, 3), at(1, 9)], [at(0, 2), at(1, 3)], (x) => x.p99);
    expect(cost.difference).toBe(3.5);
    expect(cost.ratio).toBe(2.25);
  });

  it('keeps a difference but no ratio for a round whose other figure is 0', () => {
    const cost = pairedCost([at(0, 5), at(1, 4)], [at(0, 0), at(1, 2)], (x) => x.p99);
    expect(cost.perRound).toEqual([
      { round: 0, difference: 5, ratio: undefined },
      { round: 1, difference: 2, ratio: 2 },
    ]);
    expect(cost.ratio).toBe(2);
  });

  it('leaves out rounds missing either figure, and has NaN medians with none left', () => {
    const cost = pairedCost(
      [at(0, 5), at(1, undefined), at(2, NaN), at(3, 7)],
      [at(0, 4), at(1, 2), at(2, 1)],
      (x) => x.p99,
    );
    expect(cost.perRound).toEqual([{ round: 0, difference: 1, ratio: 1.25 }]);
    expect(pairedCost([at(0, 1)], [], (x) => x.p99)).toEqual({
      perRound: [],
      difference: NaN,
      ratio: NaN,
    });
  });
});
