import { twoSidedNormalPValue } from "./normal.js";
import type { TestResult } from "./testResult.js";

/**
 * Cowan (1992) generalized sign test (Rev. Quant. Finance Account. 2(4)): with `w` the number of
 * positive CARs among N and `p_hat` the share of positive abnormal returns over the estimation windows,
 * `Z = (w - N p_hat) / sqrt(N p_hat (1 - p_hat))`, standard normal for large N.
 *
 * @example generalizedSignZ([0.1, 0.2, -0.1, 0.3], 0.5).statistic // (3 - 2) / 1 = 1
 */
export function generalizedSignZ(cars: readonly number[], positiveShare: number): TestResult {
  const n = cars.length;
  const positives = cars.filter((car) => car > 0).length;
  const statistic = (positives - n * positiveShare) / Math.sqrt(n * positiveShare * (1 - positiveShare));
  return { statistic, p: twoSidedNormalPValue(statistic), n };
}
