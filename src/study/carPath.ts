import { cellOf, type EventColumns } from "../engine/eventColumns.js";
import type { PreparedFirm } from "../engine/eventBatch.js";
import type { CarPathPoint } from "./studyResult.js";

export type { CarPathPoint } from "./studyResult.js";

/**
 * Event `k`'s CAR path: for each day `t` of the event span `[s, e]`, the CAR of the cumulative window
 * `[s, t]` and its variance (computed with the windows in `analyseEvents`). A 95% band is
 * `CAR +/- t_{0.975, df} sqrt(Var)`.
 */
export function carPathAt(columns: EventColumns, k: number, firm: PreparedFirm): CarPathPoint[] {
  const day0 = columns.day0[k]!;
  return Array.from({ length: columns.spanLength }, (_, i) => ({
    offset: columns.spanStart + i,
    date: firm.returns.dates[day0 + columns.spanStart + i]!,
    car: cellOf(columns, "pathCar", k, i),
    variance: cellOf(columns, "pathVariance", k, i),
  }));
}
