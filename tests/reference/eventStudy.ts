import type { FittedModel, MarketModelName } from "../../src/models/expectedReturnModel.js";
import type { ReturnKind } from "../../src/returns/returns.js";
import type { AbnormalReturnRow, AlignedReturns, EventAnalysis, EventStudyOptions, WindowResult } from "../../src/engine/eventStudy.js";
import { expectedReturn, fitModel } from "./models.js";
import { fUpperTail, twoSidedT } from "./pValues.js";
import { sqReference } from "./rankAndQuantileTests.js";

/*
 * The reference single-firm event study: every event on its own, the model refitted over its estimation window
 * (O(L1) per event), every statistic written out here from its formula (p-values from jStat), results built as
 * objects. The product (`analyseEvents`) must equal it (tests/batchEngine.test.ts); the bench measures it as the
 * baseline.
 */

/** The estimation-window mean and sd (n-1) of log volume `ln(1 + volume)` over the days with volume. */
interface LogVolumeBaseline {
  mean: number;
  sd: number;
  days: number;
}

/**
 * The straightforward single-firm event study (MacKinlay 1997, sections 4-5): for every event, the model is refitted
 * from scratch over its estimation window and each window's CAR, variance, BHAR, SQ test, volatility ratio and
 * abnormal volume are computed from their definitions. The caller has checked the event with `eventProblem`.
 */
export function analyseEventDirectly(data: AlignedReturns, day0: number, options: EventStudyOptions): EventAnalysis {
  const { dates } = data;
  const first = Math.max(1, day0 + options.estimationWindow[0]);
  const last = day0 + options.estimationWindow[1];
  // The market models only; the factor models' reference is multipleRegression.ts.
  const fitted = fitModel(options.model as MarketModelName, data.firm.subarray(first, last + 1), data.market.subarray(first, last + 1));
  const spanStart = Math.min(...options.eventWindows.map(([start]) => start));
  const spanEnd = Math.max(...options.eventWindows.map(([, end]) => end));
  const baseline = logVolumeBaseline(data.volume, first, last);
  const logVolume = (t: number) => (data.volume !== undefined && data.volume[t]! > 0 ? Math.log(1 + data.volume[t]!) : Number.NaN);
  const abnormalReturns: AbnormalReturnRow[] = [];
  for (let offset = spanStart; offset <= spanEnd; offset++) {
    const t = day0 + offset;
    const ret = data.firm[t]!;
    const marketRet = data.market[t]!;
    const ar = ret - expectedReturn(fitted, marketRet);
    abnormalReturns.push({ offset, date: dates[t]!, ret, marketRet, ar, sar: ar / Math.sqrt(windowVariance(fitted, [marketRet])), av: logVolume(t) - baseline.mean });
  }
  const residuals: number[] = [];
  for (let t = first; t <= last; t++) residuals.push(data.firm[t]! - expectedReturn(fitted, data.market[t]!));
  const windows = options.eventWindows.map(([start, end]): WindowResult => {
    const rows = abnormalReturns.slice(start - spanStart, end - spanStart + 1);
    const car = rows.reduce((sum, row) => sum + row.ar, 0);
    const variance = windowVariance(fitted, rows.map((row) => row.marketRet));
    const t = car / Math.sqrt(variance);
    const expected = rows.map((row) => expectedReturn(fitted, row.marketRet));
    const bhar = buyAndHoldAbnormalReturn(rows.map((row) => row.ret), expected, options.returns);
    // Abnormal volatility: mean AR^2 over s^2, F(L2, df) under the null (DESIGN section 9).
    const ratio = rows.reduce((sum, row) => sum + row.ar * row.ar, 0) / rows.length / fitted.s2;
    return { start, end, startDate: dates[day0 + start]!, endDate: dates[day0 + end]!, car, variance, t, p: twoSidedT(t, fitted.df), df: fitted.df, bhar,
      sq: sqReference(residuals, end - start + 1, car),
      volatility: { ratio, p: fUpperTail(ratio, rows.length, fitted.df) },
      volume: cumulativeAbnormalVolume(rows.map((row) => row.av), baseline),
    };
  });
  return {
    day0: dates[day0]!,
    model: fitted.model,
    alpha: fitted.alpha,
    beta: fitted.beta,
    sigma: Math.sqrt(fitted.s2),
    df: fitted.df,
    nEstimation: last - first + 1,
    estimation: { start: dates[first]!, end: dates[last]! },
    abnormalReturns,
    windows,
  };
}

/**
 * Variance of the sum of a window's abnormal returns with the prediction-error correction (MacKinlay 1997, eq. (14)):
 * `s^2 (L2 + L2^2/L1 + (sum Rm - L2 Rm_bar)^2 / Smm)`, the second term only when the model estimated a mean and the
 * third only when it estimated a slope.
 */
function windowVariance(fitted: FittedModel, marketReturns: readonly number[]): number {
  const length = marketReturns.length;
  const marketSum = marketReturns.reduce((sum, r) => sum + r, 0);
  const meanTerm = fitted.estimatedMean ? (length * length) / fitted.nEstimation : 0;
  const slopeTerm = fitted.estimatedSlope ? (marketSum - length * fitted.marketMean) ** 2 / fitted.marketSumSquares : 0;
  return fitted.s2 * (length + meanTerm + slopeTerm);
}

/** Campbell & Wasley (1996): the estimation days with volume and their log volume's mean and sd. */
function logVolumeBaseline(volume: ArrayLike<number> | undefined, first: number, last: number): LogVolumeBaseline {
  const values: number[] = [];
  for (let t = first; t <= last; t++) if (volume !== undefined && volume[t]! > 0) values.push(Math.log(1 + volume[t]!));
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
  return { mean, sd, days: values.length };
}

/** Campbell & Wasley (1996): `CAV = sum AV` over the window days with volume, `t = CAV / (s_V sqrt(days))`, df = baseline days - 1. */
function cumulativeAbnormalVolume(abnormal: readonly number[], baseline: LogVolumeBaseline): WindowResult["volume"] {
  const withVolume = abnormal.filter((av) => !Number.isNaN(av));
  const df = Math.max(0, baseline.days - 1);
  if (withVolume.length === 0 || df === 0) return { cav: Number.NaN, t: Number.NaN, p: Number.NaN, df, days: withVolume.length };
  const cav = withVolume.reduce((sum, av) => sum + av, 0);
  const t = cav / (baseline.sd * Math.sqrt(withVolume.length));
  return { cav, t, p: twoSidedT(t, df), df, days: withVolume.length };
}

/**
 * Buy-and-hold abnormal return over a window: `prod(1 + R_it) - prod(1 + E[R_it])`
 * (Barber & Lyon 1997, J. Financ. Econ. 43(3); Lyon, Barber & Tsai 1999, J. Finance 54(1)).
 * With log returns the products are `exp(sum R)`.
 *
 * @example buyAndHoldAbnormalReturn([0.1, 0.1], [0, 0]) // 0.21
 */
export function buyAndHoldAbnormalReturn(returns: readonly number[], expected: readonly number[], kind: ReturnKind = "simple"): number {
  const growth = (values: readonly number[]) =>
    kind === "log" ? Math.exp(values.reduce((sum, r) => sum + r, 0)) : values.reduce((product, r) => product * (1 + r), 1);
  return growth(returns) - growth(expected);
}

/** A firm's estimation-window abnormal returns (model residuals), by calendar date and event-time offset. */
export interface EstimationResiduals {
  dates: string[];
  offsets: Int32Array;
  residuals: Float64Array;
}

/**
 * The abnormal returns `R_t - alpha - beta R_mt` over the estimation window of an analysed event:
 * the residuals that cross-firm tests need (residual correlation, rank test, generalized sign).
 */
export function estimationResiduals(data: AlignedReturns, day0: number, estimationWindow: readonly [number, number], analysis: EventAnalysis): EstimationResiduals {
  const first = Math.max(1, day0 + estimationWindow[0]);
  const last = day0 + estimationWindow[1];
  const n = last - first + 1;
  const offsets = new Int32Array(n);
  const residuals = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const t = first + k;
    offsets[k] = t - day0;
    residuals[k] = data.firm[t]! - analysis.alpha - analysis.beta * data.market[t]!;
  }
  return { dates: data.dates.slice(first, last + 1), offsets, residuals };
}

/** An analysed event with what the cross-firm tests need beyond its JSON result. */
export interface EventSample {
  symbol: string;
  market: string;
  analysis: EventAnalysis;
  estimation: EstimationResiduals;
}
