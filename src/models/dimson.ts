import type { LagMoments } from "./lagMoments.js";

/**
 * Dimson's aggregated-coefficients beta for thinly traded stocks: the multiple OLS regression
 * `R_t = a + b_-1 Rm_{t-1} + b_0 Rm_t + b_+1 Rm_{t+1} + e_t` over the regression days, `b = b_-1 + b_0 + b_+1`,
 * `a` the regression's intercept. The slopes solve the normal equations `Sxx b = Sxy` on deviations from the
 * means (Cramer's rule on the 3 x 3 system); `a = mean(R) - sum_k b_k mean(Rm_k)`.
 *
 * Reference: Dimson (1979), "Risk measurement when shares are subject to infrequent trading", J. Financ. Econ.
 * 7(2), 197-226, eq. (9) with one lag and one lead. Assumes the stock's nonsynchronous trading spans at most a day.
 *
 * @example
 * // uncorrelated regressors (Sxx diagonal 1, 2, 4) and Sxy = 0.5, 2, 1: slopes 0.5, 1, 0.25, b = 1.75
 */
export function dimson(moments: LagMoments): { alpha: number; beta: number } {
  const [r0, r1, r2] = moments.sxx;
  const det3 = (c0: readonly number[], c1: readonly number[], c2: readonly number[]): number =>
    c0[0]! * (c1[1]! * c2[2]! - c2[1]! * c1[2]!) - c1[0]! * (c0[1]! * c2[2]! - c2[1]! * c0[2]!) + c2[0]! * (c0[1]! * c1[2]! - c1[1]! * c0[2]!);
  const columns = [r0, r1, r2];
  const determinant = det3(r0, r1, r2);
  let beta = 0;
  let alpha = moments.firmMean;
  for (let k = 0; k < 3; k++) {
    const replaced = columns.map((column, j) => (j === k ? moments.sxy : column));
    const slope = det3(replaced[0]!, replaced[1]!, replaced[2]!) / determinant;
    beta += slope;
    alpha -= slope * moments.marketMeans[k]!;
  }
  return { alpha, beta };
}
