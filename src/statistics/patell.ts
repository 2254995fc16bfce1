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
