import { z } from "zod";
import { jsonNumber } from "../jsonNumber.js";

/** The SQ test's p-value, where the CAR falls among the estimation-window sums, and the smallest p it can give. */
export const sqResultSchema = z.object({ p: jsonNumber, quantile: jsonNumber, minP: jsonNumber });

export type SqResult = z.output<typeof sqResultSchema>;

/**
 * The SQ ("sample quantile") test of Gelbach, Helland & Klick (2013), "Valid inference in single-firm, single-event
 * studies", Am. Law Econ. Rev. 15(2): the null distribution of a window's CAR is the empirical distribution of the
 * `M = L1 - L2 + 1` sums `S_j` of `L2` consecutive estimation-window residuals (in trading-day order), so no normality
 * is assumed. `p_lower = (1 + #{S_j <= CAR})/(M+1)`, `p_upper = (1 + #{S_j >= CAR})/(M+1)` (a tie counts in both),
 * `p = min(1, 2 min(p_lower, p_upper))`, `quantile = #{S_j < CAR}/M`, `minP = min(1, 2/(M+1))` (DESIGN §9).
 * Assumes the residuals are stationary; NaN everywhere when the window is longer than the estimation window.
 *
 * @example sqTest([1, -1, 2, 0], 2, 5) // sums [0, 1, 2]: p_upper = 1/4, p = 0.5, quantile 1, minP 0.5
 */
export function sqTest(residuals: ArrayLike<number>, windowLength: number, car: number): SqResult {
  const m = residuals.length - windowLength + 1;
  if (!(windowLength >= 1) || m < 1 || Number.isNaN(car)) return { p: Number.NaN, quantile: Number.NaN, minP: Number.NaN };
  let sum = 0;
  for (let i = 0; i < windowLength; i++) sum += residuals[i]!;
  let atOrBelow = 0;
  let atOrAbove = 0;
  let below = 0;
  for (let j = 0; j < m; j++) {
    if (j > 0) sum += residuals[j + windowLength - 1]! - residuals[j - 1]!;
    if (sum <= car) atOrBelow++;
    if (sum >= car) atOrAbove++;
    if (sum < car) below++;
  }
  const p = Math.min(1, (2 * (1 + Math.min(atOrBelow, atOrAbove))) / (m + 1));
  return { p, quantile: below / m, minP: Math.min(1, 2 / (m + 1)) };
}
