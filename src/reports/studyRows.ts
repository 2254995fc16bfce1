import type { TestBattery } from "../study/crossSection.js";
import type { StudyResult } from "../study/runStudy.js";

/** One row per event and day of the event span (the `abnormal_returns.csv` export). */
export function abnormalReturnRows(result: StudyResult) {
  return result.events.flatMap((event) =>
    event.abnormalReturns.map((row) => ({ symbol: event.symbol, market: event.market, day0: event.day0, ...row })),
  );
}

/** One row per event and event window (the `cars.csv` export). */
export function windowRows(result: StudyResult) {
  return result.events.flatMap((event) =>
    event.windows.map(({ sq, ...window }) => ({ symbol: event.symbol, market: event.market, day0: event.day0, model: event.model, ...window, sqP: sq.p, sqQuantile: sq.quantile, sqMinP: sq.minP })),
  );
}

export const ABNORMAL_RETURN_COLUMNS = ["symbol", "market", "day0", "offset", "date", "ret", "marketRet", "ar", "sar"] as const;
export const WINDOW_COLUMNS = ["symbol", "market", "day0", "model", "start", "end", "startDate", "endDate", "car", "variance", "t", "p", "df", "bhar", "sqP", "sqQuantile", "sqMinP"] as const;

/**
 * One row per window (and per day of the event span) and test (the `aggregate.csv` export); the BHAR
 * rows carry the skewness-adjusted t of the mean BHAR.
 */
export function aggregateRows(result: StudyResult) {
  const aggregate = result.aggregate;
  if (aggregate === null) return [];
  const testRows = (scope: "window" | "day", start: number, end: number, n: number, mean: number, positive: number, negative: number, tests: TestBattery) =>
    Object.entries(tests).map(([test, value]) => ({ scope, start, end, n, mean, positive, negative, test, statistic: value.statistic, p: value.p, testN: value.n }));
  return [
    ...aggregate.windows.flatMap((w) => [
      ...testRows("window", w.start, w.end, w.n, w.caar, w.positive, w.negative, w.tests),
      { scope: "window", start: w.start, end: w.end, n: w.n, mean: w.bhar.mean, positive: w.positive, negative: w.negative, test: "bharSkewnessAdjustedT", statistic: w.bhar.skewnessAdjustedT.statistic, p: w.bhar.skewnessAdjustedT.p, testN: w.bhar.skewnessAdjustedT.n },
    ]),
    ...aggregate.days.flatMap((d) => testRows("day", d.offset, d.offset, d.n, d.aar, d.positive, d.negative, d.tests)),
  ];
}

export const AGGREGATE_COLUMNS = ["scope", "start", "end", "n", "mean", "positive", "negative", "test", "statistic", "p", "testN"] as const;
