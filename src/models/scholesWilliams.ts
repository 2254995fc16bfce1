import type { LagMoments } from "./lagMoments.js";

/**
 * Scholes-Williams beta for thinly traded stocks: the three simple OLS slopes `b_-`, `b_0`, `b_+` of `R_t` on
 * `Rm_{t-1}`, `Rm_t`, `Rm_{t+1}` (each with an intercept) over the regression days, and `rho_m` the Pearson
 * correlation of `(Rm_t, Rm_{t-1})` over the same days:
 *
 * `b = (b_- + b_0 + b_+) / (1 + 2 rho_m)`, `a = mean(R) - b mean(Rm)` (means over the regression days).
 *
 * Reference: Scholes & Williams (1977), "Estimating betas from nonsynchronous data", J. Financ. Econ. 5(3),
 * 309-327, eq. (14)-(15). Assumes the market index is observed without the stock's nonsynchronous trading bias
 * beyond one day.
 *
 * @example
 * // slopes 0.2, 1, 0.3 on lag, same day and lead; rho_m = 0.1: b = 1.5 / 1.2 = 1.25
 */
export function scholesWilliams(moments: LagMoments): { alpha: number; beta: number } {
  const { sxx, sxy } = moments;
  const slopes = sxy[0] / sxx[0]![0]! + sxy[1] / sxx[1]![1]! + sxy[2] / sxx[2]![2]!;
  const rho = sxx[0]![1]! / Math.sqrt(sxx[0]![0]! * sxx[1]![1]!);
  const beta = slopes / (1 + 2 * rho);
  return { alpha: moments.firmMean - beta * moments.marketMeans[1], beta };
}
