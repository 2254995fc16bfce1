import { dayNumber } from "../../src/calendar/dayNumber.js";
import type { MarketModelName } from "../../src/models/expectedReturnModel.js";
import { compoundReturn, type ReturnKind } from "../../src/returns/returns.js";
import { carVariance } from "../../src/statistics/predictionErrorVariance.js";
import { sqTest } from "../../src/statistics/sqTest.js";
import { twoSidedTPValue } from "../../src/statistics/studentT.js";
import { volatilityRatio } from "../../src/statistics/volatilityRatio.js";
import { abnormalVolume, cumulativeAbnormalVolume, volumeBaseline } from "../../src/statistics/abnormalVolume.js";
import { crossSectionOf, type Aggregate } from "../../src/study/crossSection.js";
import type { AbnormalReturnRow, AlignedReturns, EventAnalysis, EventStudyOptions, WindowResult } from "../../src/engine/eventStudy.js";
import { expectedReturn, fitModel } from "./models.js";

/*
 * The reference single-firm event study and its object-form cross-section: every event on its own, the
 * model refitted over its estimation window (O(L1) per event), results built as objects. The product
 * (`analyseEvents`, `crossSectionOf` over columns) must equal it (tests/batchEngine.test.ts); the bench
 * measures it as the baseline.
 */

/**
 * The straightforward single-firm event study: for every event, the model is refitted from scratch over
 * its estimation window (O(L1) per event) and the results are built as objects. Same formulas as `analyseEvents` (MacKinlay 1997, sections 4-5); the caller has checked
 * the event with `eventProblem`.
 */
export function analyseEventDirectly(data: AlignedReturns, day0: number, options: EventStudyOptions): EventAnalysis {
  const { dates } = data;
  const first = Math.max(1, day0 + options.estimationWindow[0]);
  const last = day0 + options.estimationWindow[1];
  // The market models only; the factor models' reference is multipleRegression.ts.
  const fitted = fitModel(options.model as MarketModelName, data.firm.subarray(first, last + 1), data.market.subarray(first, last + 1));
  const spanStart = Math.min(...options.eventWindows.map(([start]) => start));
  const spanEnd = Math.max(...options.eventWindows.map(([, end]) => end));
  const volume = data.volume ?? new Float64Array(0);
  const baseline = volumeBaseline(volume, first, last);
  const abnormalReturns: AbnormalReturnRow[] = [];
  for (let offset = spanStart; offset <= spanEnd; offset++) {
    const t = day0 + offset;
    const ret = data.firm[t]!;
    const marketRet = data.market[t]!;
    const ar = ret - expectedReturn(fitted, marketRet);
    abnormalReturns.push({ offset, date: dates[t]!, ret, marketRet, ar, sar: ar / Math.sqrt(carVariance(fitted, 1, marketRet)), av: abnormalVolume(volume[t] ?? 0, baseline) });
  }
  const residuals: number[] = [];
  for (let t = first; t <= last; t++) residuals.push(data.firm[t]! - expectedReturn(fitted, data.market[t]!));
  const windows = options.eventWindows.map(([start, end]): WindowResult => {
    let car = 0;
    let marketSum = 0;
    const expected: number[] = [];
    for (let offset = start; offset <= end; offset++) {
      const marketRet = data.market[day0 + offset]!;
      car += abnormalReturns[offset - spanStart]!.ar;
      marketSum += marketRet;
      expected.push(expectedReturn(fitted, marketRet));
    }
    const variance = carVariance(fitted, end - start + 1, marketSum);
    const t = car / Math.sqrt(variance);
    const bhar = buyAndHoldAbnormalReturn(data.firm.subarray(day0 + start, day0 + end + 1), expected, options.returns);
    return { start, end, startDate: dates[day0 + start]!, endDate: dates[day0 + end]!, car, variance, t, p: twoSidedTPValue(t, fitted.df), df: fitted.df, bhar,
      sq: sqTest(residuals, end - start + 1, car),
      volatility: volatilityRatio(abnormalReturns.slice(start - spanStart, end - spanStart + 1).map((row) => row.ar), fitted.s2, fitted.df),
      volume: cumulativeAbnormalVolume(abnormalReturns.slice(start - spanStart, end - spanStart + 1).map((row) => row.av), baseline),
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
 * Buy-and-hold abnormal return over a window: `prod(1 + R_it) - prod(1 + E[R_it])`
 * (Barber & Lyon 1997, J. Financ. Econ. 43(3); Lyon, Barber & Tsai 1999, J. Finance 54(1)).
 * With log returns the products are `exp(sum R)`.
 *
 * @example buyAndHoldAbnormalReturn([0.1, 0.1], [0, 0]) // 0.21
 */
export function buyAndHoldAbnormalReturn(returns: ArrayLike<number>, expected: ArrayLike<number>, kind: ReturnKind = "simple"): number {
  return compoundReturn(returns, kind) - compoundReturn(expected, kind);
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

/** The cross-firm statistics of analysed event objects (see `crossSectionOf`); all share `eventWindows`. */
export function crossSection(samples: readonly EventSample[], eventWindows: readonly (readonly [number, number])[]): Aggregate {
  let firstOffset = Number.POSITIVE_INFINITY;
  let lastOffset = Number.NEGATIVE_INFINITY;
  for (const { estimation } of samples) {
    firstOffset = Math.min(firstOffset, estimation.offsets[0]!);
    lastOffset = Math.max(lastOffset, estimation.offsets[estimation.offsets.length - 1]!);
  }
  const first = samples[0]!.analysis.abnormalReturns;
  const estimations = samples.map((s) => ({ days: s.estimation.dates.map(dayNumber), offsets: s.estimation.offsets, residuals: s.estimation.residuals }));
  return crossSectionOf({
    count: samples.length,
    estimationWindow: [firstOffset, lastOffset],
    windows: eventWindows,
    spanStart: first[0]!.offset,
    spanLength: first.length,
    car: samples.flatMap((s) => s.analysis.windows.map((w) => w.car)),
    variance: samples.flatMap((s) => s.analysis.windows.map((w) => w.variance)),
    bhar: samples.flatMap((s) => s.analysis.windows.map((w) => w.bhar)),
    cav: samples.flatMap((s) => s.analysis.windows.map((w) => w.volume.cav)),
    ar: samples.flatMap((s) => s.analysis.abnormalReturns.map((row) => row.ar)),
    sar: samples.flatMap((s) => s.analysis.abnormalReturns.map((row) => row.sar)),
    s2: samples.map((s) => s.analysis.sigma ** 2),
    df: samples.map((s) => s.analysis.df),
    symbol: (k) => samples[k]!.symbol,
    market: (k) => samples[k]!.market,
    day0: (k) => samples[k]!.analysis.day0,
    spanDays: (k) => {
      const rows = samples[k]!.analysis.abnormalReturns;
      return [dayNumber(rows[0]!.date), dayNumber(rows[rows.length - 1]!.date)];
    },
    estimation: (k) => estimations[k]!,
  });
}
