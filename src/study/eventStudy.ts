import type { AlignedPrices } from "../calendar/alignment.js";
import { InputError } from "../errors.js";
import { expectedReturn, type FittedModel, type ModelName } from "../models/expectedReturnModel.js";
import { fitModel } from "../models/fitModel.js";
import type { ReturnKind } from "../returns/returns.js";
import { periodReturns } from "../returns/returns.js";
import { buyAndHoldAbnormalReturn } from "../statistics/buyAndHold.js";
import { carVariance } from "../statistics/predictionErrorVariance.js";
import { twoSidedTPValue } from "../statistics/studentT.js";

export interface AbnormalReturnRow {
  offset: number;
  date: string;
  ret: number;
  marketRet: number;
  ar: number;
  sar: number;
}

export interface WindowResult {
  start: number;
  end: number;
  startDate: string;
  endDate: string;
  car: number;
  variance: number;
  t: number;
  p: number;
  df: number;
  bhar: number;
}

export interface EventAnalysis {
  day0: string;
  model: ModelName;
  alpha: number;
  beta: number;
  sigma: number;
  df: number;
  nEstimation: number;
  estimation: { start: string; end: string };
  abnormalReturns: AbnormalReturnRow[];
  windows: WindowResult[];
}

export interface EventStudyOptions {
  model: ModelName;
  returns: ReturnKind;
  estimationWindow: readonly [number, number];
  minEstimationObservations: number;
  eventWindows: readonly (readonly [number, number])[];
}

/** Firm and market returns on an aligned calendar, `returns[t]` spanning dates `t-1` to `t`. */
export interface AlignedReturns {
  dates: readonly string[];
  firm: Float64Array;
  market: Float64Array;
}

export function alignedReturns(prices: AlignedPrices, kind: ReturnKind): AlignedReturns {
  return {
    dates: prices.dates,
    firm: periodReturns(prices.firm.map((bar) => bar.adjClose), kind),
    market: periodReturns(prices.market.map((bar) => bar.adjClose), kind),
  };
}

/**
 * One firm's event study around day 0 (an index into the aligned calendar): the model fitted on the
 * estimation window, abnormal returns over the span of the event windows with their standardised values
 * `SAR_t = AR_t / sqrt(Var(AR_t))`, and per window CAR, its exact variance, `t = CAR / sqrt(Var(CAR))`,
 * the two-sided Student-t p-value with the model's degrees of freedom, and BHAR.
 *
 * Reference: MacKinlay (1997), sections 4-5; Campbell, Lo & MacKinlay (1997), ch. 4.4.
 * Throws an `InputError` naming the symbol when the data cannot support the windows.
 */
export function analyseEvent(symbol: string, data: AlignedReturns, day0: number, options: EventStudyOptions): EventAnalysis {
  const { dates } = data;
  const [estimationStart, estimationEnd] = options.estimationWindow;
  const first = Math.max(1, day0 + estimationStart);
  const last = day0 + estimationEnd;
  const nEstimation = Math.max(0, last - first + 1);
  if (nEstimation < options.minEstimationObservations) {
    throw new InputError(
      `${symbol}: only ${nEstimation} estimation observations in [${estimationStart}, ${estimationEnd}] before day 0 ${dates[day0]} (prices start ${dates[0]}); at least ${options.minEstimationObservations} needed`,
    );
  }
  const spanStart = Math.min(...options.eventWindows.map(([start]) => start));
  const spanEnd = Math.max(...options.eventWindows.map(([, end]) => end));
  if (day0 + spanEnd >= dates.length) {
    throw new InputError(`${symbol}: event window ends ${spanEnd} trading days after day 0 ${dates[day0]}, but the prices end ${dates[dates.length - 1]}`);
  }
  if (day0 + spanStart < 1) {
    throw new InputError(`${symbol}: event window starts ${-spanStart} trading days before day 0 ${dates[day0]}, before the prices start`);
  }

  const fitted = fitModel(options.model, data.firm.subarray(first, last + 1), data.market.subarray(first, last + 1));
  const abnormal = new Float64Array(spanEnd - spanStart + 1);
  const abnormalReturns: AbnormalReturnRow[] = [];
  for (let offset = spanStart; offset <= spanEnd; offset++) {
    const t = day0 + offset;
    const ret = data.firm[t]!;
    const marketRet = data.market[t]!;
    const ar = ret - expectedReturn(fitted, marketRet);
    abnormal[offset - spanStart] = ar;
    abnormalReturns.push({ offset, date: dates[t]!, ret, marketRet, ar, sar: ar / Math.sqrt(carVariance(fitted, 1, marketRet)) });
  }

  const windows = options.eventWindows.map(([start, end]) => windowResult(fitted, data, day0, abnormal, spanStart, start, end, options.returns));
  return {
    day0: dates[day0]!,
    model: fitted.model,
    alpha: fitted.alpha,
    beta: fitted.beta,
    sigma: Math.sqrt(fitted.s2),
    df: fitted.df,
    nEstimation,
    estimation: { start: dates[first]!, end: dates[last]! },
    abnormalReturns,
    windows,
  };
}

function windowResult(
  fitted: FittedModel,
  data: AlignedReturns,
  day0: number,
  abnormal: Float64Array,
  spanStart: number,
  start: number,
  end: number,
  kind: ReturnKind,
): WindowResult {
  let car = 0;
  let marketSum = 0;
  const firm = data.firm.subarray(day0 + start, day0 + end + 1);
  const expected = new Float64Array(firm.length);
  for (let offset = start; offset <= end; offset++) {
    const marketRet = data.market[day0 + offset]!;
    car += abnormal[offset - spanStart]!;
    marketSum += marketRet;
    expected[offset - start] = expectedReturn(fitted, marketRet);
  }
  const variance = carVariance(fitted, end - start + 1, marketSum);
  const t = car / Math.sqrt(variance);
  return {
    start,
    end,
    startDate: data.dates[day0 + start]!,
    endDate: data.dates[day0 + end]!,
    car,
    variance,
    t,
    p: twoSidedTPValue(t, fitted.df),
    df: fitted.df,
    bhar: buyAndHoldAbnormalReturn(firm, expected, kind),
  };
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
