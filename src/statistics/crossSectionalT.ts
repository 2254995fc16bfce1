import { mean, sampleStandardDeviation } from "simple-statistics";
import { twoSidedTPValue } from "./studentT.js";
import type { TestResult } from "./testResult.js";

/**
 * Cross-sectional t test of the mean CAR (Brown & Warner 1985, J. Financ. Econ. 14(1), section 3.2):
 * `t = CAAR / (sd(CAR_i) / sqrt(N))`, Student t with N - 1 degrees of freedom. Robust to event-induced
 * variance, not to cross-correlation of the CARs.
 *
 * @example crossSectionalT([0.01, 0.02, 0.03]).statistic // 0.02 / (0.01 / sqrt(3)) ≈ 3.4641
 */
export function crossSectionalT(cars: readonly number[]): TestResult {
  const n = cars.length;
  if (n < 2) return { statistic: Number.NaN, p: Number.NaN, n };
  const statistic = mean(cars as number[]) / (sampleStandardDeviation(cars as number[]) / Math.sqrt(n));
  return { statistic, p: twoSidedTPValue(statistic, n - 1), n };
}
