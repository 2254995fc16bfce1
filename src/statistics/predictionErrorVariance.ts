import type { FittedModel } from "../models/expectedReturnModel.js";

/**
 * Variance of a sum of `L2` consecutive abnormal returns, corrected for the sampling error of the fitted
 * parameters (MacKinlay 1997, eq. (8) and (14); Campbell, Lo & MacKinlay 1997, eq. 4.4.15):
 *
 * `Var(CAR) = s^2 * (L2 + L2^2/L1 + (sum_window R_m - L2 * Rm_bar)^2 / Smm)`
 *
 * For one day (`L2 = 1`) this is `Var(AR_t) = s^2 (1 + 1/L1 + (R_mt - Rm_bar)^2 / Smm)`. The `L2^2/L1`
 * term is present only when the model estimated a mean and the last term only when it estimated a
 * slope: the mean-adjusted model keeps `s^2 (L2 + L2^2/L1)`, the market-adjusted model `s^2 L2`.
 * Assumes i.i.d. normal disturbances, uncorrelated across days.
 *
 * @example
 * // s2 = 1, L1 = 4, Rm_bar = 0, Smm = 2, one day with R_m = 1: 1 + 1/4 + 1/2
 * carVariance({ s2: 1, nEstimation: 4, marketMean: 0, marketSumSquares: 2, estimatedMean: true, estimatedSlope: true }, 1, 1) // 1.75
 */
export function carVariance(
  model: Pick<FittedModel, "s2" | "nEstimation" | "marketMean" | "marketSumSquares" | "estimatedMean" | "estimatedSlope">,
  windowLength: number,
  windowMarketSum: number,
): number {
  let factor = windowLength;
  if (model.estimatedMean) factor += (windowLength * windowLength) / model.nEstimation;
  if (model.estimatedSlope) {
    const deviation = windowMarketSum - windowLength * model.marketMean;
    factor += (deviation * deviation) / model.marketSumSquares;
  }
  return model.s2 * factor;
}
