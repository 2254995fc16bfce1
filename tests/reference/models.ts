import type { FittedModel, MarketModelName } from "../../src/models/expectedReturnModel.js";
import { ols } from "../helpers/ols.js";
import { dimsonReference, scholesWilliamsReference } from "./thinTrading.js";

/*
 * Reference implementations of the expected-return models: each fitted directly from the estimation
 * window's returns (O(L1) per event). The product fits them in O(1) from running sums (`fitOnWindow`);
 * the tests check both against hand computations and against each other.
 */

/**
 * Market model `R_it = a_i + b_i R_mt + e_it`, fitted by OLS over the estimation window:
 * `b = sum (R_m - Rm_bar)(R_i - Ri_bar) / Smm`, `a = Ri_bar - b Rm_bar`, `s^2 = sum e^2 / (L1 - 2)`.
 *
 * Reference: MacKinlay (1997), "Event Studies in Economics and Finance", J. Econ. Lit. 35(1), eq. (7)-(9);
 * Campbell, Lo & MacKinlay (1997), ch. 4.3. Assumes jointly normal, i.i.d. returns.
 *
 * @example fitMarketModel([0.01, 0.03, 0.05], [0.01, 0.02, 0.03]) // beta 2, alpha -0.01, s2 0
 */
export function fitMarketModel(firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel {
  const { n, alpha, beta, s2, mx, sxx } = ols(firm, market);
  return { model: "market", alpha, beta, s2, df: n - 2, nEstimation: n, marketMean: mx, marketSumSquares: sxx, estimatedMean: true, estimatedSlope: true };
}

/** The mean of `values` and the sum of squared deviations from it. */
function centred(values: ArrayLike<number>): { mean: number; sumSquares: number } {
  let sum = 0;
  for (let t = 0; t < values.length; t++) sum += values[t]!;
  const mean = sum / values.length;
  let sumSquares = 0;
  for (let t = 0; t < values.length; t++) sumSquares += (values[t]! - mean) ** 2;
  return { mean, sumSquares };
}

/**
 * Constant-mean-return model: `E[R_it] = mean_est(R_i)`, `s^2 = sum (R_i - mean)^2 / (L1 - 1)`.
 *
 * Reference: MacKinlay (1997), section 4.1; Brown & Warner (1985), J. Financ. Econ. 14(1).
 *
 * @example fitMeanAdjusted([0.01, 0.03], [0, 0]) // alpha 0.02, s2 0.0002
 */
export function fitMeanAdjusted(firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel {
  const n = firm.length;
  const { mean, sumSquares } = centred(firm);
  const m = centred(market);
  return { model: "mean-adjusted", alpha: mean, beta: 0, s2: sumSquares / (n - 1), df: n - 1, nEstimation: n, marketMean: m.mean, marketSumSquares: m.sumSquares, estimatedMean: true, estimatedSlope: false };
}

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
  const { sumSquares } = centred(Array.from({ length: n }, (_, t) => firm[t]! - market[t]!));
  const m = centred(market);
  return { model: "market-adjusted", alpha: 0, beta: 1, s2: sumSquares / (n - 1), df: n - 1, nEstimation: n, marketMean: m.mean, marketSumSquares: m.sumSquares, estimatedMean: false, estimatedSlope: false };
}

const FITTERS: Record<MarketModelName, (firm: ArrayLike<number>, market: ArrayLike<number>) => FittedModel> = {
  market: fitMarketModel,
  "market-adjusted": fitMarketAdjusted,
  "mean-adjusted": fitMeanAdjusted,
  "scholes-williams": scholesWilliamsReference,
  dimson: dimsonReference,
};

/** Fits the named model on estimation-window firm and market returns. */
export function fitModel(model: MarketModelName, firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel {
  return FITTERS[model](firm, market);
}

/** The expected return of a fitted model given the market's return. */
export function expectedReturn(model: FittedModel, marketReturn: number): number {
  return model.alpha + model.beta * marketReturn;
}
