import { dayNumber } from "../calendar/dayNumber.js";
import type { ModelName } from "../models/expectedReturnModel.js";
import type { FactorSums } from "../models/factorFit.js";
import { factorsOf, isFactorModel, type FactorReturns } from "../models/factorModel.js";
import type { ReturnSums } from "../models/windowFit.js";
import { abnormalReturn, fitSums, fitWindowModel } from "./windowModel.js";
import { estimationRange, eventSpan, type EventStudyOptions } from "./eventWindows.js";
import { abnormalVolume, cumulativeAbnormalVolume, volumeBaseline } from "../statistics/abnormalVolume.js";
import { sqTest } from "../statistics/sqTest.js";
import { volatilityRatio } from "../statistics/volatilityRatio.js";
import { eventColumns, type BatchLayout, type EventColumns } from "./eventColumns.js";
import { twoSidedTPValue } from "../statistics/studentT.js";

/** Firm and market returns on an aligned calendar, `returns[t]` spanning dates `t-1` to `t`, and the firm's volume. */
export interface AlignedReturns {
  dates: readonly string[];
  firm: Float64Array;
  market: Float64Array;
  /** Shares traded on each date (0 or absent: no volume data). */
  volume?: Float64Array;
  /** The factor models' factor returns and risk-free rate on the same dates. */
  factors?: FactorReturns | undefined;
}

/** A firm's aligned returns prepared for many events: running sums for O(1) fits, dates as day numbers. */
export interface PreparedFirm {
  symbol: string;
  market: string;
  returns: AlignedReturns;
  sums: ReturnSums;
  factorSums?: FactorSums | undefined;
  /** Days since 1970-01-01 of each date, for matching calendars across firms. */
  dayNumbers: Int32Array;
}

export function prepareFirm(symbol: string, market: string, returns: AlignedReturns): PreparedFirm {
  const dayNumbers = Int32Array.from(returns.dates, dayNumber);
  return { symbol, market, returns, ...fitSums(returns), dayNumbers };
}

/** The number of slopes each model fits (the width of the `betas` column). */
export function betaCount(model: ModelName): number {
  return isFactorModel(model) ? factorsOf(model).length : 1;
}

/** Event `k`'s model residual on day `t` of its firm's returns (`abnormalReturn` with the event's coefficients). */
export function residualAt(columns: EventColumns, k: number, firm: PreparedFirm, t: number): number {
  return abnormalReturn(firm.returns, columns.alpha[k]!, columns.betas, k * columns.betaCount, t);
}

/** The layout of the columns of `count` events studied with `options`. */
export function batchLayout(count: number, options: EventStudyOptions): BatchLayout {
  const [spanStart, spanEnd] = eventSpan(options.eventWindows);
  return { count, estimationWindow: options.estimationWindow, windows: options.eventWindows, spanStart, spanLength: spanEnd - spanStart + 1, betaCount: betaCount(options.model) };
}

/**
 * Single-firm event statistics for a batch of events (each a firm and a day 0 that `eventProblem`
 * accepts): the model fitted on the estimation window in O(1) from running sums, then per day of the
 * span `AR_t = R_t - alpha - beta R_mt` and `SAR_t = AR_t / sqrt(Var(AR_t))`, and per window
 * `CAR`, `Var(CAR)` (prediction-error corrected, `carVariance`), `t = CAR / sqrt(Var(CAR))`, the
 * two-sided Student-t p with the model's degrees of freedom, and BHAR (`prod(1+R) - prod(1+E[R])`,
 * `exp` of sums for log returns), and the SQ test of the CAR against the estimation residuals' window sums
 * (`sqTest`), and the window's abnormal volatility (`volatilityRatio`); and the CAR path, the CAR and
 * `Var(CAR)` of each cumulative window `[s, t]` of the span `[s, e]`, `Var(CAR(s, t)) = s^2 (L2 + L2^2/L1 +
 * (sum R_m - L2 Rm_bar)^2 / Smm)`, `L2 = t - s + 1` (MacKinlay 1997, eq. (14)). The fit is O(1) per event
 * from running sums; the SQ test reads the L1 estimation residuals. The results are columns (`EVENT_COLUMNS`).
 *
 * Reference: MacKinlay (1997), sections 4-5; Campbell, Lo & MacKinlay (1997), ch. 4.4.
 */
export function analyseEvents(firms: readonly PreparedFirm[], events: { firm: Int32Array; day0: Int32Array }, options: EventStudyOptions): EventColumns {
  const count = events.firm.length;
  const columns = eventColumns(batchLayout(count, options), events);
  const { spanStart, spanLength } = columns;
  const windowCount = options.eventWindows.length;
  const noVolume = new Float64Array(0);
  const residuals = new Float64Array(Math.max(0, options.estimationWindow[1] - options.estimationWindow[0] + 1));
  const log = options.returns === "log";
  for (let k = 0; k < count; k++) {
    const prepared = firms[events.firm[k]!]!;
    const { firm } = prepared.returns;
    const day0 = events.day0[k]!;
    const [first, last] = estimationRange(day0, options.estimationWindow);
    const fitted = fitWindowModel(options.model, prepared, first, last);
    columns.alpha[k] = fitted.alpha;
    columns.betas.set(fitted.betas, k * columns.betaCount);
    columns.s2[k] = fitted.s2;
    columns.df[k] = fitted.df;
    columns.nEstimation[k] = fitted.nEstimation;
    const estimation = residuals.subarray(0, last - first + 1);
    for (let t = first; t <= last; t++) estimation[t - first] = fitted.abnormal(t);

    const volume = prepared.returns.volume ?? noVolume;
    const baseline = volumeBaseline(volume, first, last);
    columns.volumeDf[k] = Math.max(0, baseline.days - 1);
    const spanBase = k * spanLength;
    let pathCar = 0;
    for (let i = 0; i < spanLength; i++) {
      const t = day0 + spanStart + i;
      const ar = fitted.abnormal(t);
      pathCar += ar;
      columns.ar[spanBase + i] = ar;
      columns.sar[spanBase + i] = ar / Math.sqrt(fitted.dayVariance(t));
      columns.av[spanBase + i] = abnormalVolume(volume[t] ?? 0, baseline);
      columns.pathCar[spanBase + i] = pathCar;
      columns.pathVariance[spanBase + i] = fitted.windowVariance(day0 + spanStart, t);
    }

    for (let w = 0; w < windowCount; w++) {
      const [start, end] = options.eventWindows[w]!;
      let car = 0;
      let growth = log ? 0 : 1;
      let expectedGrowth = log ? 0 : 1;
      for (let offset = start; offset <= end; offset++) {
        const t = day0 + offset;
        const expected = fitted.expected(t);
        car += columns.ar[spanBase + offset - spanStart]!;
        if (log) {
          growth += firm[t]!;
          expectedGrowth += expected;
        } else {
          growth *= 1 + firm[t]!;
          expectedGrowth *= 1 + expected;
        }
      }
      const variance = fitted.windowVariance(day0 + start, day0 + end);
      const t = car / Math.sqrt(variance);
      const cell = k * windowCount + w;
      columns.car[cell] = car;
      columns.variance[cell] = variance;
      columns.t[cell] = t;
      columns.p[cell] = twoSidedTPValue(t, fitted.df);
      columns.bhar[cell] = log ? Math.exp(growth) - Math.exp(expectedGrowth) : growth - expectedGrowth;
      const sq = sqTest(estimation, end - start + 1, car);
      columns.sqP[cell] = sq.p;
      columns.sqQuantile[cell] = sq.quantile;
      columns.sqMinP[cell] = sq.minP;
      const volatility = volatilityRatio(columns.ar.subarray(spanBase + start - spanStart, spanBase + end - spanStart + 1), fitted.s2, fitted.df);
      columns.volatilityRatio[cell] = volatility.ratio;
      columns.volatilityP[cell] = volatility.p;
      const volumeWindow = cumulativeAbnormalVolume(columns.av.subarray(spanBase + start - spanStart, spanBase + end - spanStart + 1), baseline);
      columns.cav[cell] = volumeWindow.cav;
      columns.cavT[cell] = volumeWindow.t;
      columns.cavP[cell] = volumeWindow.p;
      columns.cavDays[cell] = volumeWindow.days;
    }
  }
  return columns;
}
