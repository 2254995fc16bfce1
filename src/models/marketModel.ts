import type { FittedModel } from "./expectedReturnModel.js";

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
  const n = firm.length;
  let sumFirm = 0;
  let sumMarket = 0;
  for (let t = 0; t < n; t++) {
    sumFirm += firm[t]!;
    sumMarket += market[t]!;
  }
  const firmMean = sumFirm / n;
  const marketMean = sumMarket / n;
  let smm = 0;
  let smf = 0;
  for (let t = 0; t < n; t++) {
    const dm = market[t]! - marketMean;
    smm += dm * dm;
    smf += dm * (firm[t]! - firmMean);
  }
  const beta = smf / smm;
  const alpha = firmMean - beta * marketMean;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const e = firm[t]! - alpha - beta * market[t]!;
    sse += e * e;
  }
  return { model: "market", alpha, beta, s2: sse / (n - 2), df: n - 2, nEstimation: n, marketMean, marketSumSquares: smm, estimatedMean: true, estimatedSlope: true };
}
