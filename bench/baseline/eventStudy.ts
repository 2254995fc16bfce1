import { expectedReturn, type MarketModelName } from "../../src/models/expectedReturnModel.js";
import { fitModel } from "../../src/models/fitModel.js";
import { buyAndHoldAbnormalReturn } from "../../src/statistics/buyAndHold.js";
import { carVariance } from "../../src/statistics/predictionErrorVariance.js";
import { sqTest } from "../../src/statistics/sqTest.js";
import { twoSidedTPValue } from "../../src/statistics/studentT.js";
import { volatilityRatio } from "../../src/statistics/volatilityRatio.js";
import { abnormalVolume, cumulativeAbnormalVolume, volumeBaseline } from "../../src/statistics/abnormalVolume.js";
import type { AbnormalReturnRow, AlignedReturns, EventAnalysis, EventStudyOptions, WindowResult } from "../../src/study/eventStudy.js";

/**
 * The straightforward single-firm event study the benchmarks compare against: for every event, the
 * model is refitted from scratch over its estimation window (O(L1) per event) and the results are built
 * as objects. Same formulas as `analyseEvents` (MacKinlay 1997, sections 4-5); the caller has checked
 * the event with `eventProblem`.
 */
export function analyseEventDirectly(data: AlignedReturns, day0: number, options: EventStudyOptions): EventAnalysis {
  const { dates } = data;
  const first = Math.max(1, day0 + options.estimationWindow[0]);
  const last = day0 + options.estimationWindow[1];
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
