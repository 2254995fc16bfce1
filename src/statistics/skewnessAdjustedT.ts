import { twoSidedNormalPValue } from "./normal.js";
import type { TestResult } from "./testResult.js";

/**
 * Skewness-adjusted t statistic for the mean BHAR (Lyon, Barber & Tsai 1999, J. Finance 54(1), eq. 5;
 * after Johnson 1978): with `S = mean / sd` and `g = sum (x - mean)^3 / (n sd^3)`,
 * `t_sa = sqrt(n) (S + g S^2 / 3 + g / (6 n))`, compared with the standard normal. `sd` is the sample
 * standard deviation (n - 1).
 *
 * @example skewnessAdjustedT([1, 2, 3]).statistic // g = 0: sqrt(3) * 2 = 3.4641
 */
export function skewnessAdjustedT(values: readonly number[]): TestResult {
  const n = values.length;
  if (n < 2) return { statistic: Number.NaN, p: Number.NaN, n };
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  for (const x of values) {
    m2 += (x - mean) ** 2;
    m3 += (x - mean) ** 3;
  }
  const sd = Math.sqrt(m2 / (n - 1));
  const s = mean / sd;
  const g = m3 / (n * sd ** 3);
  const statistic = Math.sqrt(n) * (s + (g * s * s) / 3 + g / (6 * n));
  return { statistic, p: twoSidedNormalPValue(statistic), n };
}
