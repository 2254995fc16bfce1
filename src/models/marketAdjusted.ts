import type { FittedModel } from "./expectedReturnModel.js";

/**
 * Market-adjusted model: `E[R_it] = R_mt` (alpha 0, beta 1, nothing estimated), with `s^2` the sample
 * variance of the estimation-window abnormal returns `R_i - R_m` (L1 - 1 degrees of freedom).
 *
 * Reference: MacKinlay (1997), section 4.2; Brown & Warner (1985), J. Financ. Econ. 14(1).
 *
 * @example fitMarketAdjusted([0.02, 0.04], [0.01, 0.01]) // s2 0.0002
 */
export function fitMarketAdjusted(firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel {
  const n = firm.length;
  let sum = 0;
  let sumMarket = 0;
  for (let t = 0; t < n; t++) {
    sum += firm[t]! - market[t]!;
    sumMarket += market[t]!;
  }
  const mean = sum / n;
  const marketMean = sumMarket / n;
  let ss = 0;
  let smm = 0;
  for (let t = 0; t < n; t++) {
    ss += (firm[t]! - market[t]! - mean) ** 2;
    smm += (market[t]! - marketMean) ** 2;
  }
  return { model: "market-adjusted", alpha: 0, beta: 1, s2: ss / (n - 1), df: n - 1, nEstimation: n, marketMean, marketSumSquares: smm, estimatedMean: false, estimatedSlope: false };
}
