import { twoSidedNormalPValue } from "./normal.js";
import type { TestResult } from "./testResult.js";

/**
 * Patell (1976) Z on standardised CARs (J. Accounting Res. 14(2)): `SCAR_i = CAR_i / sqrt(Var(CAR_i))`
 * with the prediction-error-corrected variance, each a Student t with `df_i` degrees of freedom and so of
 * variance `df_i / (df_i - 2)` (`(L1-2)/(L1-4)` for the market model):
 * `Z = sum SCAR_i / sqrt(sum df_i / (df_i - 2))`, standard normal under the null of independent events
 * and no event-induced variance; undefined (NaN) when some `df_i <= 2`.
 *
 * @example patellZ([1, 2], [10, 10]).statistic // 3 / sqrt(2 * 10/8) ≈ 1.8974
 */
export function patellZ(scars: readonly number[], dfs: readonly number[]): TestResult {
  const n = scars.length;
  if (n === 0) return { statistic: Number.NaN, p: Number.NaN, n };
  let sum = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    if (!(dfs[i]! > 2)) return { statistic: Number.NaN, p: Number.NaN, n };
    sum += scars[i]!;
    variance += dfs[i]! / (dfs[i]! - 2);
  }
  const statistic = sum / Math.sqrt(variance);
  return { statistic, p: twoSidedNormalPValue(statistic), n };
}

/**
 * Kolari & Pynnönen (2010) adjusted Patell test for cross-correlation of abnormal returns (Rev. Financ. Stud. 23(11),
 * eq. 14): `Z_adj = Z_Patell * sqrt(1 / (1 + (N - 1) r))`, `r` the mean pairwise correlation of estimation-window
 * residuals (as for the KP-adjusted BMP); standard normal under the null.
 *
 * @example adjustedPatellZ([1, 2], [10, 10], 0.25).statistic // 1.8974 * sqrt(1 / 1.25) ≈ 1.6971
 */
export function adjustedPatellZ(scars: readonly number[], dfs: readonly number[], r: number): TestResult {
  const patell = patellZ(scars, dfs);
  const statistic = patell.statistic * Math.sqrt(1 / (1 + (patell.n - 1) * r));
  return { statistic, p: twoSidedNormalPValue(statistic), n: patell.n };
}
