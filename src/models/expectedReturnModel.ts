import { FACTOR_MODEL_NAMES } from "./factorModel.js";

/** The models of the expected return from the market's return alone (DESIGN sections 4 and 9: thin trading). */
export const MARKET_MODEL_NAMES = ["market", "market-adjusted", "mean-adjusted", "scholes-williams", "dimson"] as const;
export type MarketModelName = (typeof MARKET_MODEL_NAMES)[number];
/** Every model of the expected return: the market models and the factor models (DESIGN section 9). */
export const MODEL_NAMES = [...MARKET_MODEL_NAMES, ...FACTOR_MODEL_NAMES] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

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
