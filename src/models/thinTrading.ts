import { dimson } from "./dimson.js";
import type { FittedModel } from "./expectedReturnModel.js";
import type { LagMoments } from "./lagMoments.js";
import { scholesWilliams } from "./scholesWilliams.js";

/** The thin-trading models: betas from lagged and leading market returns (DESIGN §9). */
export type ThinTradingModelName = "scholes-williams" | "dimson";

export const THIN_TRADING_BETAS: ReadonlyMap<string, (moments: LagMoments) => { alpha: number; beta: number }> = new Map([
  ["scholes-williams", scholesWilliams],
  ["dimson", dimson],
]);

export function isThinTradingModel(model: string): model is ThinTradingModelName {
  return THIN_TRADING_BETAS.has(model);
}

/**
 * A thin-trading model fitted from its intercept and beta: `AR = R - a - b Rm`, `s^2 = SSE / (L1 - 2)` with the
 * SSE of those ARs over all L1 estimation days (not only the L1 - 2 regression days), `L1 - 2` degrees of
 * freedom, and no prediction-error correction: `Var(AR) = s^2`, `Var(CAR) = L2 s^2` (the fit estimated neither a
 * mean nor a slope in `carVariance`'s sense). `marketMean` and `Smm` are the market's over all L1 days.
 *
 * Reference: Scholes & Williams (1977), J. Financ. Econ. 5(3); Dimson (1979), J. Financ. Econ. 7(2); DESIGN §9.
 */
export function thinTradingModel(
  model: ThinTradingModelName,
  coefficients: { alpha: number; beta: number },
  fit: { sse: number; nEstimation: number; marketMean: number; marketSumSquares: number },
): FittedModel {
  const df = fit.nEstimation - 2;
  return { model, ...coefficients, s2: fit.sse / df, df, nEstimation: fit.nEstimation, marketMean: fit.marketMean, marketSumSquares: fit.marketSumSquares, estimatedMean: false, estimatedSlope: false };
}
