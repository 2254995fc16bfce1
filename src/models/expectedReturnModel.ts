import type { FactorModelName } from "./factorModel.js";

/** The models of the expected return from the market's return (DESIGN section 4). */
export type MarketModelName = "market" | "market-adjusted" | "mean-adjusted";
/** Every model of the expected return: the market models and the factor models (DESIGN section 9). */
export type ModelName = MarketModelName | FactorModelName;

/**
 * A model fitted on an estimation window: `E[R_t] = alpha + beta * R_mt`, the residual variance `s2` with
 * its degrees of freedom, and what the prediction-error variance needs (MacKinlay 1997, section 4.4):
 * `L1`, the market's mean `Rm_bar` and sum of squared deviations `Smm` over the window, and which
 * parameters were estimated (the mean, the slope).
 */
export interface FittedModel {
  model: MarketModelName;
  alpha: number;
  beta: number;
  s2: number;
  df: number;
  nEstimation: number;
  marketMean: number;
  marketSumSquares: number;
  estimatedMean: boolean;
  estimatedSlope: boolean;
}
