import type { LagMoments } from "./lagMoments.js";
import { THIN_TRADING_BETAS, thinTradingModel, type ThinTradingModelName } from "./thinTrading.js";
import type { FittedModel } from "./expectedReturnModel.js";

/**
 * Running sums of lagged cross-products of the centred returns `u_t = R_mt - cx`, `v_t = R_t - cy` (the centres of
 * `ReturnSums`): `marketLag1[k] = sum_{t<k} u_{t-1} u_t`, `marketLag2[k] = sum_{t<k} u_{t-2} u_t`,
 * `marketLagFirm[k] = sum_{t<k} u_{t-1} v_t`, `firmLagMarket[k] = sum_{t<k} v_{t-1} u_t`. Products that would reach
 * back to index 0 (no return) are left out.
 */
export interface LaggedSums {
  marketLag1: Float64Array;
  marketLag2: Float64Array;
  marketLagFirm: Float64Array;
  firmLagMarket: Float64Array;
}

export function laggedSums(firm: ArrayLike<number>, market: ArrayLike<number>, cx: number, cy: number): LaggedSums {
  const n = firm.length;
  const sums: LaggedSums = { marketLag1: new Float64Array(n + 1), marketLag2: new Float64Array(n + 1), marketLagFirm: new Float64Array(n + 1), firmLagMarket: new Float64Array(n + 1) };
  const { marketLag1, marketLag2, marketLagFirm, firmLagMarket } = sums;
  for (let t = 1; t < n; t++) {
    const u = market[t]! - cx;
    const lagged = t >= 2;
    marketLag1[t + 1] = marketLag1[t]! + (lagged ? (market[t - 1]! - cx) * u : 0);
    marketLag2[t + 1] = marketLag2[t]! + (t >= 3 ? (market[t - 2]! - cx) * u : 0);
    marketLagFirm[t + 1] = marketLagFirm[t]! + (lagged ? (market[t - 1]! - cx) * (firm[t]! - cy) : 0);
    firmLagMarket[t + 1] = firmLagMarket[t]! + (lagged ? (firm[t - 1]! - cy) * u : 0);
  }
  return sums;
}

/** The centred running sums a thin-trading window fit reads (see `ReturnSums`). */
interface CentredSums {
  cx: number;
  cy: number;
  x: Float64Array;
  y: Float64Array;
  xx: Float64Array;
  xy: Float64Array;
  lagged: LaggedSums;
}

/** The full estimation window's moments, as `fitOnWindow` computes them. */
interface WindowMoments {
  n: number;
  firmMean: number;
  marketMean: number;
  syy: number;
  smf: number;
  smm: number;
}

/**
 * Fits a thin-trading model on the estimation window `[first, last]` in O(1), with the same estimates as the
 * direct fit (`fitThinTrading`): the regression days are `[first+1, last-1]` (m = L1 - 2 days), regressor `j` of
 * `Rm_{t-1}, Rm_t, Rm_{t+1}` covers `[first+j, last-2+j]`, and every sum of cross-products over those days is a
 * difference of running sums (lagged ones for `Rm_{t-1} R_t`, `R_t Rm_{t+1}`, `Rm_{t-1} Rm_t`, `Rm_t Rm_{t+1}` and
 * `Rm_{t-1} Rm_{t+1}`), centred as `S_ab - S_a S_b / m`. The SSE over all L1 days is
 * `Syy - 2 b Smf + b^2 Smm + L1 (Ri_bar - a - b Rm_bar)^2`. References as for the models (Scholes & Williams 1977,
 * Dimson 1979).
 */
export function fitThinTradingOnWindow(model: ThinTradingModelName, sums: CentredSums, window: WindowMoments, first: number, last: number): FittedModel {
  const range = (values: Float64Array, from: number, to: number): number => values[to + 1]! - values[from]!;
  const days = last - first - 1;
  const su = [0, 1, 2].map((j) => range(sums.x, first + j, last - 2 + j)) as [number, number, number];
  const square = [0, 1, 2].map((j) => range(sums.xx, first + j, last - 2 + j));
  const sv = range(sums.y, first + 1, last - 1);
  const lag1 = range(sums.lagged.marketLag1, first + 1, last - 1);
  const lead1 = range(sums.lagged.marketLag1, first + 2, last);
  const lag2 = range(sums.lagged.marketLag2, first + 2, last);
  const raw = [
    [square[0]!, lag1, lag2],
    [lag1, square[1]!, lead1],
    [lag2, lead1, square[2]!],
  ];
  const row = (j: number): [number, number, number] => [0, 1, 2].map((k) => raw[j]![k]! - (su[j]! * su[k]!) / days) as [number, number, number];
  const rawFirm = [range(sums.lagged.marketLagFirm, first + 1, last - 1), range(sums.xy, first + 1, last - 1), range(sums.lagged.firmLagMarket, first + 2, last)];
  const moments: LagMoments = {
    days,
    firmMean: sums.cy + sv / days,
    marketMeans: su.map((s) => sums.cx + s / days) as [number, number, number],
    sxx: [row(0), row(1), row(2)],
    sxy: rawFirm.map((value, j) => value - (su[j]! * sv) / days) as [number, number, number],
  };
  const coefficients = THIN_TRADING_BETAS.get(model)!(moments);
  const offset = window.firmMean - coefficients.alpha - coefficients.beta * window.marketMean;
  const sse = window.syy - 2 * coefficients.beta * window.smf + coefficients.beta ** 2 * window.smm + window.n * offset * offset;
  return thinTradingModel(model, coefficients, { sse, nEstimation: window.n, marketMean: window.marketMean, marketSumSquares: window.smm });
}
