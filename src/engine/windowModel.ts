import { carVariance } from "../statistics/predictionErrorVariance.js";
import type { ModelName } from "../models/expectedReturnModel.js";
import { factorCarVariance, factorSums, factorWindowSum, fitFactorsOnWindow, type FactorSums } from "../models/factorFit.js";
import { isFactorModel, type FactorReturns } from "../models/factorModel.js";
import { fitOnWindow, marketSum, returnSums, type ReturnSums } from "../models/windowFit.js";

/** A firm's aligned series and running sums, as `prepareFirm` builds them (factor sums for the factor models). */
export interface FitInput {
  returns: { firm: Float64Array; market: Float64Array; factors?: FactorReturns | undefined };
  sums: ReturnSums;
  factorSums?: FactorSums | undefined;
}

/**
 * A model fitted on one event's estimation window, as the batch reads it (indices into the firm's series):
 * the abnormal return `AR_t = R_t - E[R_t]` and the expected return of a day, and the prediction-error
 * variances of one day's AR and of a window's CAR. `beta` is the market beta (the slope on Mkt-RF for
 * the factor models), `betas` the model's slopes (`[beta]` for the market models, one per factor for the others).
 */
export interface WindowModel {
  alpha: number;
  beta: number;
  betas: Float64Array;
  s2: number;
  df: number;
  nEstimation: number;
  abnormal(t: number): number;
  expected(t: number): number;
  dayVariance(t: number): number;
  windowVariance(first: number, last: number): number;
}

/** The running sums of a firm's fits: of its and its market's returns, and with factor returns of the factors and `R - RF`. */
export function fitSums(returns: FitInput["returns"]): Pick<FitInput, "sums" | "factorSums"> {
  const sums = returnSums(returns.firm, returns.market);
  const { factors } = returns;
  if (factors === undefined) return { sums };
  return { sums, factorSums: factorSums(Float64Array.from(returns.firm, (r, t) => r - factors.rf[t]!), factors.values) };
}

/**
 * A day's abnormal return (an estimation-window residual, or an event day's AR) under fitted coefficients:
 * `R_t - alpha - beta R_mt` for the market models, `R_t - RF_t - alpha - sum_j b_j f_jt` for the factor models
 * (the returns carry factors only for them). The slopes are `betas[from]`, `betas[from + 1]`, ...
 */
export function abnormalReturn(returns: FitInput["returns"], alpha: number, betas: ArrayLike<number>, from: number, t: number): number {
  const { firm, market, factors } = returns;
  if (factors === undefined) return firm[t]! - alpha - betas[from]! * market[t]!;
  let residual = firm[t]! - factors.rf[t]! - alpha;
  for (let j = 0; j < factors.values.length; j++) residual -= betas[from + j]! * factors.values[j]![t]!;
  return residual;
}

/**
 * Fits `model` on the estimation window `[first, last]` in O(1) per event from running sums: the market
 * models by `fitOnWindow` with `carVariance` (MacKinlay 1997), the factor models by `fitFactorsOnWindow` with
 * `factorCarVariance` on the excess return `R - RF`, whose expected return is `RF + a + b'f`.
 */
export function fitWindowModel(model: ModelName, input: FitInput, first: number, last: number): WindowModel {
  const { firm, market, factors } = input.returns;
  if (!isFactorModel(model)) {
    const fitted = fitOnWindow(model, input.sums, first, last);
    const { alpha, beta } = fitted;
    const betas = Float64Array.of(beta);
    return {
      alpha,
      beta,
      betas,
      s2: fitted.s2,
      df: fitted.df,
      nEstimation: fitted.nEstimation,
      abnormal: (t) => abnormalReturn(input.returns, alpha, betas, 0, t),
      expected: (t) => alpha + beta * market[t]!,
      dayVariance: (t) => carVariance(fitted, 1, market[t]!),
      windowVariance: (a, b) => carVariance(fitted, b - a + 1, marketSum(input.sums, a, b)),
    };
  }
  const sums = input.factorSums;
  if (sums === undefined || factors === undefined) throw new Error(`the ${model} model needs the firm's factor returns (prepareFirm with factors)`);
  const fit = fitFactorsOnWindow(sums, first, last);
  const { alpha, betas } = fit;
  const k = betas.length;
  const expected = (t: number) => {
    let value = factors.rf[t]! + alpha;
    for (let j = 0; j < k; j++) value += betas[j]! * factors.values[j]![t]!;
    return value;
  };
  const day = new Float64Array(k);
  const windowSums = new Float64Array(k);
  return {
    alpha,
    beta: betas[0]!,
    betas,
    s2: fit.s2,
    df: fit.df,
    nEstimation: fit.nEstimation,
    abnormal: (t) => abnormalReturn(input.returns, alpha, betas, 0, t),
    expected,
    dayVariance: (t) => {
      for (let j = 0; j < k; j++) day[j] = factors.values[j]![t]!;
      return factorCarVariance(fit, 1, day);
    },
    windowVariance: (a, b) => {
      for (let j = 0; j < k; j++) windowSums[j] = factorWindowSum(sums, j, a, b);
      return factorCarVariance(fit, b - a + 1, windowSums);
    },
  };
}
