import type { AlignedPrices } from "./alignment.js";
import { InputError } from "../errors.js";
import type { ModelName } from "../models/expectedReturnModel.js";
import { factorCalendar, factorsOf, type ModelFactors } from "../models/factorModel.js";
import type { ReturnKind } from "../returns/returns.js";
import { periodReturns } from "../returns/returns.js";
import type { AbnormalReturnRow, EventAnalysis, WindowResult } from "./eventAnalysisSchema.js";
import { estimationRange, eventProblem, type EventStudyOptions } from "./eventWindows.js";
import { analyseEvents, prepareFirm, type AlignedReturns, type PreparedFirm } from "./eventBatch.js";
import { cellOf, type ColumnName, type EventColumns } from "./eventColumns.js";

export type { AbnormalReturnRow, EventAnalysis, WindowResult } from "./eventAnalysisSchema.js";
export type { AlignedReturns } from "./eventBatch.js";
export type { EventStudyOptions } from "./eventWindows.js";

/**
 * Firm and market returns on their aligned calendar; with a factor model's factors, the calendar is first cut to
 * the dates the factor files have (DESIGN section 9) and the factor returns come along.
 */
export function alignedReturns(prices: AlignedPrices, kind: ReturnKind, factors?: ModelFactors): AlignedReturns {
  if (factors !== undefined) {
    const { keep, returns } = factorCalendar(prices.dates, factors);
    const kept = (values: Float64Array) => Float64Array.from(keep, (t) => values[t]!);
    return {
      dates: keep.map((t) => prices.dates[t]!),
      firm: periodReturns(kept(prices.firm.adjClose), kind),
      market: periodReturns(kept(prices.market.adjClose), kind),
      volume: kept(prices.firm.volume),
      factors: returns,
    };
  }
  return {
    dates: prices.dates,
    firm: periodReturns(prices.firm.adjClose, kind),
    market: periodReturns(prices.market.adjClose, kind),
    volume: prices.firm.volume,
  };
}

/**
 * One firm's event study around day 0 (an index into the aligned calendar): the model fitted on the
 * estimation window, abnormal returns over the span of the event windows with their standardised values
 * `SAR_t = AR_t / sqrt(Var(AR_t))`, and per window CAR, its exact variance, `t = CAR / sqrt(Var(CAR))`,
 * the two-sided Student-t p-value with the model's degrees of freedom, and BHAR (see `analyseEvents`).
 *
 * Reference: MacKinlay (1997), sections 4-5; Campbell, Lo & MacKinlay (1997), ch. 4.4.
 * Throws an `InputError` naming the symbol when the data cannot support the windows.
 */
export function analyseEvent(symbol: string, data: AlignedReturns, day0: number, options: EventStudyOptions): EventAnalysis {
  return analysePreparedEvent(prepareFirm(symbol, "", data), day0, options);
}

/** `analyseEvent` on a firm prepared once (see `prepareFirm`) for events on many days. */
export function analysePreparedEvent(firm: PreparedFirm, day0: number, options: EventStudyOptions): EventAnalysis {
  const problem = eventProblem(firm.symbol, firm.returns.dates, day0, options);
  if (problem !== null) throw new InputError("no-prices", problem);
  const columns = analyseEvents([firm], { firm: Int32Array.of(0), day0: Int32Array.of(day0) }, options);
  return eventAnalysisAt(columns, 0, firm, options.model);
}

/** Event `k` of a batch as a result object (the JSON edge of the columnar results). */
export function eventAnalysisAt(columns: EventColumns, k: number, firm: PreparedFirm, model: ModelName): EventAnalysis {
  const { dates, firm: returns, market } = firm.returns;
  const day0 = columns.day0[k]!;
  const [first, last] = estimationRange(day0, columns.estimationWindow);
  const cell = (name: ColumnName, i = 0) => cellOf(columns, name, k, i);
  const abnormalReturns: AbnormalReturnRow[] = [];
  for (let i = 0; i < columns.spanLength; i++) {
    const t = day0 + columns.spanStart + i;
    abnormalReturns.push({ offset: columns.spanStart + i, date: dates[t]!, ret: returns[t]!, marketRet: market[t]!, ar: cell("ar", i), sar: cell("sar", i), av: cell("av", i) });
  }
  const windows = columns.windows.map(([start, end], w): WindowResult => ({
    start,
    end,
    startDate: dates[day0 + start]!,
    endDate: dates[day0 + end]!,
    car: cell("car", w),
    variance: cell("variance", w),
    t: cell("t", w),
    p: cell("p", w),
    df: cell("df"),
    bhar: cell("bhar", w),
    sq: { p: cell("sqP", w), quantile: cell("sqQuantile", w), minP: cell("sqMinP", w) },
    volatility: { ratio: cell("volatilityRatio", w), p: cell("volatilityP", w) },
    volume: { cav: cell("cav", w), t: cell("cavT", w), p: cell("cavP", w), df: cell("volumeDf"), days: cell("cavDays", w) },
  }));
  return {
    day0: dates[day0]!,
    model,
    alpha: cell("alpha"),
    beta: cell("betas"),
    ...betasAt(columns, k, model),
    sigma: Math.sqrt(cell("s2")),
    df: cell("df"),
    nEstimation: cell("nEstimation"),
    estimation: { start: dates[first]!, end: dates[last]! },
    abnormalReturns,
    windows,
  };
}

/** A factor model's slopes of event `k` by factor name (nothing for the market models). */
function betasAt(columns: EventColumns, k: number, model: ModelName): { betas?: EventAnalysis["betas"] } {
  const names = factorsOf(model);
  if (names.length === 0) return {};
  return { betas: Object.fromEntries(names.map((name, j) => [name, cellOf(columns, "betas", k, j)])) };
}
