import type { FittedModel } from "./expectedReturnModel.js";

/**
 * Constant-mean-return model: `E[R_it] = mean_est(R_i)`, `s^2 = sum (R_i - mean)^2 / (L1 - 1)`.
 *
 * Reference: MacKinlay (1997), section 4.1; Brown & Warner (1985), J. Financ. Econ. 14(1).
 *
 * @example fitMeanAdjusted([0.01, 0.03], [0, 0]) // alpha 0.02, s2 0.0002
 */
export function fitMeanAdjusted(firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel {
  const n = firm.length;
  let sum = 0;
  let sumMarket = 0;
  for (let t = 0; t < n; t++) {
    sum += firm[t]!;
    sumMarket += market[t]!;
  }
  const mean = sum / n;
  const marketMean = sumMarket / n;
  let ss = 0;
  let smm = 0;
  for (let t = 0; t < n; t++) {
    ss += (firm[t]! - mean) ** 2;
    smm += (market[t]! - marketMean) ** 2;
  }
  return { model: "mean-adjusted", alpha: mean, beta: 0, s2: ss / (n - 1), df: n - 1, nEstimation: n, marketMean, marketSumSquares: smm, estimatedMean: true, estimatedSlope: false };
}
