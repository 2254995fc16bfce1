/**
 * What the thin-trading regressions need, over the regression days: the estimation days `t` whose neighbours
 * `t-1` and `t+1` are also estimation days (L1 - 2 days, DESIGN §9). With the regressors in the order
 * `Rm_{t-1}, Rm_t, Rm_{t+1}`: their means, the firm's mean, the sums of cross-products of deviations
 * `Sxx[j][k]` and `Sxy[k]` (with `R_t`).
 */
type Triple = readonly [number, number, number];

export interface LagMoments {
  days: number;
  firmMean: number;
  marketMeans: readonly [number, number, number];
  sxx: readonly [Triple, Triple, Triple];
  sxy: readonly [number, number, number];
}
