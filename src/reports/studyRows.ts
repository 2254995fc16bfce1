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
    event.windows.map((window) => ({ symbol: event.symbol, market: event.market, day0: event.day0, model: event.model, ...window })),
  );
}

export const ABNORMAL_RETURN_COLUMNS = ["symbol", "market", "day0", "offset", "date", "ret", "marketRet", "ar", "sar"] as const;
export const WINDOW_COLUMNS = ["symbol", "market", "day0", "model", "start", "end", "startDate", "endDate", "car", "variance", "t", "p", "df", "bhar"] as const;
