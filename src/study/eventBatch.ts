import { dayNumber } from "../calendar/dayNumber.js";
import type { FactorSums } from "../models/factorFit.js";
import { factorsOf, type FactorReturns } from "../models/factorModel.js";
import type { ReturnSums } from "../models/windowFit.js";
import type { ModelName } from "../models/expectedReturnModel.js";
import { fitSums, fitWindowModel, type WindowModel } from "../models/windowModel.js";
import type { ReturnKind } from "../returns/returns.js";
import { estimationRange, eventSpan, type EventStudyOptions } from "../engine/eventWindows.js";
import { abnormalVolume, cumulativeAbnormalVolume, volumeBaseline } from "../statistics/abnormalVolume.js";
import { sqTest } from "../statistics/sqTest.js";
import { volatilityRatio } from "../statistics/volatilityRatio.js";
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

/** Event `k`'s model refitted on its estimation window (O(1)): its abnormal returns on any day of the firm's calendar. */
export function eventModelAt(firms: readonly PreparedFirm[], columns: EventColumns, k: number): WindowModel {
  const [first, last] = estimationRange(columns.day0[k]!, columns.estimationWindow);
  return fitWindowModel(columns.model, firms[columns.firm[k]!]!, first, last);
}

/**
 * The results of many events as columns (typed arrays), event `k` of `count`: its firm and day 0, the
 * fitted model, abnormal returns and their standardised values over the event span (`spanLength` per
 * event), and per event window (`windows.length` per event) CAR, its variance, t, p, BHAR, the SQ test and the
 * abnormal-volatility ratio with its F p-value; abnormal log volume by day and per window (Campbell & Wasley 1996).
 */
export interface EventColumns {
  count: number;
  model: ModelName;
  firm: Int32Array;
  day0: Int32Array;
  alpha: Float64Array;
  beta: Float64Array;
  /** The factor models' slopes, one per factor of `factorsOf(model)` per event. */
  betas: Float64Array;
  s2: Float64Array;
  df: Int32Array;
  nEstimation: Int32Array;
  estimationWindow: readonly [number, number];
  spanStart: number;
  spanLength: number;
  ar: Float64Array;
  sar: Float64Array;
  windows: readonly (readonly [number, number])[];
  car: Float64Array;
  variance: Float64Array;
  t: Float64Array;
  p: Float64Array;
  bhar: Float64Array;
  sqP: Float64Array;
  sqQuantile: Float64Array;
  sqMinP: Float64Array;
  volatilityRatio: Float64Array;
  volatilityP: Float64Array;
  /** Abnormal log volume per day of the span; per window CAV, its t, p and days with volume; per event the volume df. */
  av: Float64Array;
  cav: Float64Array;
  cavT: Float64Array;
  cavP: Float64Array;
  cavDays: Int32Array;
  volumeDf: Int32Array;
}

/**
 * Single-firm event statistics for a batch of events (each a firm and a day 0 that `eventProblem`
 * accepts): the model fitted on the estimation window in O(1) from running sums, then per day of the
 * span `AR_t = R_t - alpha - beta R_mt` and `SAR_t = AR_t / sqrt(Var(AR_t))`, and per window
 * `CAR`, `Var(CAR)` (prediction-error corrected, `carVariance`), `t = CAR / sqrt(Var(CAR))`, the
 * two-sided Student-t p with the model's degrees of freedom, and BHAR (`prod(1+R) - prod(1+E[R])`,
 * `exp` of sums for log returns), and the SQ test of the CAR against the estimation residuals' window sums
 * (`sqTest`), and the window's abnormal volatility (`volatilityRatio`). The fit is O(1) per event from running sums; the SQ test reads the L1 estimation residuals.
 *
 * Reference: MacKinlay (1997), sections 4-5; Campbell, Lo & MacKinlay (1997), ch. 4.4.
 */
export function analyseEvents(firms: readonly PreparedFirm[], events: { firm: Int32Array; day0: Int32Array }, options: EventStudyOptions): EventColumns {
  const count = events.firm.length;
  const [spanStart, spanEnd] = eventSpan(options.eventWindows);
  const spanLength = spanEnd - spanStart + 1;
  const windowCount = options.eventWindows.length;
  const columns: EventColumns = {
    count,
    model: options.model,
    firm: events.firm,
    day0: events.day0,
    alpha: new Float64Array(count),
    beta: new Float64Array(count),
    betas: new Float64Array(count * factorsOf(options.model).length),
    s2: new Float64Array(count),
    df: new Int32Array(count),
    nEstimation: new Int32Array(count),
    estimationWindow: options.estimationWindow,
    spanStart,
    spanLength,
    ar: new Float64Array(count * spanLength),
    sar: new Float64Array(count * spanLength),
    windows: options.eventWindows,
    car: new Float64Array(count * windowCount),
    variance: new Float64Array(count * windowCount),
    t: new Float64Array(count * windowCount),
    p: new Float64Array(count * windowCount),
    bhar: new Float64Array(count * windowCount),
    sqP: new Float64Array(count * windowCount),
    sqQuantile: new Float64Array(count * windowCount),
    sqMinP: new Float64Array(count * windowCount),
    volatilityRatio: new Float64Array(count * windowCount),
    volatilityP: new Float64Array(count * windowCount),
    av: new Float64Array(count * spanLength),
    cav: new Float64Array(count * windowCount),
    cavT: new Float64Array(count * windowCount),
    cavP: new Float64Array(count * windowCount),
    cavDays: new Int32Array(count * windowCount),
    volumeDf: new Int32Array(count),
  };
  const noVolume = new Float64Array(0);
  const residuals = new Float64Array(Math.max(0, options.estimationWindow[1] - options.estimationWindow[0] + 1));
  const log = options.returns === "log";
  for (let k = 0; k < count; k++) {
    const prepared = firms[events.firm[k]!]!;
    const { firm, market } = prepared.returns;
    const day0 = events.day0[k]!;
    const [first, last] = estimationRange(day0, options.estimationWindow);
    const fitted = fitWindowModel(options.model, prepared, first, last);
    columns.alpha[k] = fitted.alpha;
    columns.beta[k] = fitted.beta;
    columns.betas.set(fitted.betas, k * fitted.betas.length);
    columns.s2[k] = fitted.s2;
    columns.df[k] = fitted.df;
    columns.nEstimation[k] = fitted.nEstimation;
    const estimation = residuals.subarray(0, last - first + 1);
    for (let t = first; t <= last; t++) estimation[t - first] = fitted.abnormal(t);

    const volume = prepared.returns.volume ?? noVolume;
    const baseline = volumeBaseline(volume, first, last);
    columns.volumeDf[k] = Math.max(0, baseline.days - 1);
    const spanBase = k * spanLength;
    for (let i = 0; i < spanLength; i++) {
      const t = day0 + spanStart + i;
      const ar = fitted.abnormal(t);
      columns.ar[spanBase + i] = ar;
      columns.sar[spanBase + i] = ar / Math.sqrt(fitted.dayVariance(t));
      columns.av[spanBase + i] = abnormalVolume(volume[t] ?? 0, baseline);
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
