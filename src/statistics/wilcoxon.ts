import { twoSidedNormalPValue } from "./normal.js";
import { averageRanks } from "./ranks.js";
import type { TestResult } from "./testResult.js";

/**
 * Wilcoxon (1945) signed-rank test that the CARs are centred on zero. Zeros are dropped; the absolute
 * values are ranked (ties averaged) and `W+` sums the ranks of the positive ones. The statistic reported
 * is the standardised `z = (W+ - n(n+1)/4) / sqrt(n(n+1)(2n+1)/24 - sum(t^3 - t)/48)` (`t` the tie group
 * sizes). The p-value is exact (the null distribution of `W+` counted over all 2^n sign patterns) when
 * n <= 50 and there are no ties, as in scipy's default; otherwise from the normal approximation.
 *
 * @example wilcoxonSignedRank([1, 2, 3]) // W+ = 6 of at most 6: exact two-sided p = 2/8 = 0.25
 */
export function wilcoxonSignedRank(values: readonly number[]): TestResult {
  const nonZero = values.filter((x) => x !== 0);
  const n = nonZero.length;
  if (n === 0) return { statistic: Number.NaN, p: Number.NaN, n };
  const ranks = averageRanks(nonZero.map(Math.abs));
  let wPlus = 0;
  for (let i = 0; i < n; i++) if (nonZero[i]! > 0) wPlus += ranks[i]!;
  const tieCorrection = tieGroupSizes(ranks).reduce((sum, t) => sum + t ** 3 - t, 0);
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieCorrection / 48;
  const statistic = (wPlus - mean) / Math.sqrt(variance);
  const p = tieCorrection === 0 && n <= 50 ? exactTwoSidedP(wPlus, n) : twoSidedNormalPValue(statistic);
  return { statistic, p, n };
}

function tieGroupSizes(ranks: Float64Array): number[] {
  const counts = new Map<number, number>();
  for (const rank of ranks) counts.set(rank, (counts.get(rank) ?? 0) + 1);
  return [...counts.values()].filter((t) => t > 1);
}

/** `2 * min(P(W+ <= w), P(W+ >= w))`, capped at 1, from the counts of sign patterns per rank sum. */
function exactTwoSidedP(wPlus: number, n: number): number {
  const maxSum = (n * (n + 1)) / 2;
  const counts = new Float64Array(maxSum + 1);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let sum = maxSum; sum >= rank; sum--) counts[sum]! += counts[sum - rank]!;
  }
  const total = 2 ** n;
  let lower = 0;
  let upper = 0;
  for (let sum = 0; sum <= maxSum; sum++) {
    if (sum <= wPlus) lower += counts[sum]!;
    if (sum >= wPlus) upper += counts[sum]!;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}
