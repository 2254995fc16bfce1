import type { FittedModel, MarketModelName } from "./expectedReturnModel.js";
import { fitThinTradingOnWindow, laggedSums, type LaggedSums } from "./laggedWindowFit.js";
import { isThinTradingModel } from "./thinTrading.js";

/**
 * Running sums of a firm's and its market's returns, centred on their full-sample means so that window
 * sums keep their precision: `x[k] = sum_{t<k} (R_mt - cx)`, likewise `y` for the firm, and the squares
 * and cross-products, and the lagged cross-products the thin-trading models read. Index 0 of the returns (no
 * previous price) is left out of every sum.
 */
export interface ReturnSums {
  cx: number;
  cy: number;
  x: Float64Array;
  y: Float64Array;
  xx: Float64Array;
  yy: Float64Array;
  xy: Float64Array;
  lagged: LaggedSums;
}

/** Builds the running sums of aligned firm and market returns (`returns[0]` is NaN and skipped). */
export function returnSums(firm: ArrayLike<number>, market: ArrayLike<number>): ReturnSums {
  const n = firm.length;
  let cx = 0;
  let cy = 0;
  for (let t = 1; t < n; t++) {
    cx += market[t]!;
    cy += firm[t]!;
  }
  cx = n > 1 ? cx / (n - 1) : 0;
  cy = n > 1 ? cy / (n - 1) : 0;
  // The lagged sums only the thin-trading models read: built on their first fit, not for every firm.
  let lagged: LaggedSums | undefined;
  const sums: ReturnSums = {
    cx,
    cy,
    x: new Float64Array(n + 1),
    y: new Float64Array(n + 1),
    xx: new Float64Array(n + 1),
    yy: new Float64Array(n + 1),
    xy: new Float64Array(n + 1),
    get lagged() {
      return (lagged ??= laggedSums(firm, market, cx, cy));
    },
  };
  const { x, y, xx, yy, xy } = sums;
  for (let t = 1; t < n; t++) {
    const u = market[t]! - cx;
    const v = firm[t]! - cy;
    x[t + 1] = x[t]! + u;
    y[t + 1] = y[t]! + v;
    xx[t + 1] = xx[t]! + u * u;
    yy[t + 1] = yy[t]! + v * v;
    xy[t + 1] = xy[t]! + u * v;
  }
  return sums;
}

/**
 * Fits a model on the estimation window `[first, last]` (indices into the returns, `L1 = n` days) in O(1)
 * from running sums: with centred window sums `Su, Sv, Suu, Svv, Suv`, `Smm = Suu - Su^2/n`,
 * `Smf = Suv - Su Sv/n`, `Sff = Svv - Sv^2/n`,
 * - market model `R_it = a + b R_mt + e_it` by OLS: `b = Smf/Smm`, `a = Ri_bar - b Rm_bar`,
 *   `s^2 = (Sff - b Smf) / (L1 - 2)` (MacKinlay 1997, J. Econ. Lit. 35(1), eq. (7)-(9); Campbell, Lo &
 *   MacKinlay 1997, ch. 4.3; assumes jointly normal, i.i.d. returns);
 * - mean-adjusted `E[R_it] = Ri_bar` (beta 0): `s^2 = Sff / (L1 - 1)` (MacKinlay 1997, section 4.1;
 *   Brown & Warner 1985, J. Financ. Econ. 14(1));
 * - market-adjusted `E[R_it] = R_mt` (alpha 0, beta 1, nothing estimated): `s^2` the sample variance of
 *   `R_i - R_m`, `(Sff - 2 Smf + Smm) / (L1 - 1)` (MacKinlay 1997, section 4.2; Brown & Warner 1985);
 * - scholes-williams and dimson (thin trading) from the lagged sums too: `fitThinTradingOnWindow`.
 *
 * The direct O(L1) fits in tests/reference/models.ts give the same estimates (tests/batchEngine.test.ts).
 *
 * @example fitOnWindow("market", returnSums([NaN, 0.01, 0.03, 0.05], [NaN, 0.01, 0.02, 0.03]), 1, 3) // beta 2, alpha -0.01, s2 0
 */
export function fitOnWindow(model: MarketModelName, sums: ReturnSums, first: number, last: number): FittedModel {
  const n = last - first + 1;
  const su = sums.x[last + 1]! - sums.x[first]!;
  const sv = sums.y[last + 1]! - sums.y[first]!;
  const suu = sums.xx[last + 1]! - sums.xx[first]!;
  const svv = sums.yy[last + 1]! - sums.yy[first]!;
  const suv = sums.xy[last + 1]! - sums.xy[first]!;
  const marketMean = sums.cx + su / n;
  const firmMean = sums.cy + sv / n;
  const smm = suu - (su * su) / n;
  const syy = svv - (sv * sv) / n;
  const smf = suv - (su * sv) / n;
  if (isThinTradingModel(model)) return fitThinTradingOnWindow(model, sums, { n, firmMean, marketMean, syy, smf, smm }, first, last);
  const common = { nEstimation: n, marketMean, marketSumSquares: smm };
  if (model === "market") {
    const beta = smf / smm;
    return { model, alpha: firmMean - beta * marketMean, beta, s2: (syy - beta * smf) / (n - 2), df: n - 2, ...common, estimatedMean: true, estimatedSlope: true };
  }
  if (model === "mean-adjusted") {
    return { model, alpha: firmMean, beta: 0, s2: syy / (n - 1), df: n - 1, ...common, estimatedMean: true, estimatedSlope: false };
  }
  return { model, alpha: 0, beta: 1, s2: (syy - 2 * smf + smm) / (n - 1), df: n - 1, ...common, estimatedMean: false, estimatedSlope: false };
}

/** Sum of the market's returns over `[first, last]`, from the running sums. */
export function marketSum(sums: ReturnSums, first: number, last: number): number {
  return sums.x[last + 1]! - sums.x[first]! + (last - first + 1) * sums.cx;
}
