import type { CarPathPoint } from "./studyResult.js";
import { eventSpan } from "../engine/eventWindows.js";
import type { EventColumns, PreparedFirm } from "./eventBatch.js";

export type { CarPathPoint } from "./studyResult.js";

/**
 * The cumulative windows of the event span `[s, e]`: `[s, s], [s, s+1], ..., [s, e]`. Analysed as event
 * windows (`analyseEvents`), they give the CAR path with `Var(CAR(s, t)) = s^2 (L2 + L2^2/L1 +
 * (sum R_m - L2 Rm_bar)^2 / Smm)`, `L2 = t - s + 1` (MacKinlay 1997, eq. (14)), matching the window
 * results exactly. A 95% band is `CAR +/- t_{0.975, df} sqrt(Var)`.
 *
 * @example cumulativeWindows([[0, 0], [-1, 1], [0, 5]]) // [[-1,-1], [-1,0], [-1,1], ..., [-1,5]]
 */
export function cumulativeWindows(eventWindows: readonly (readonly [number, number])[]): [number, number][] {
  const [start, end] = eventSpan(eventWindows);
  const windows: [number, number][] = [];
  for (let last = start; last <= end; last++) windows.push([start, last]);
  return windows;
}

/** Event `k`'s CAR path from columns analysed over `cumulativeWindows`. */
export function carPathAt(columns: EventColumns, k: number, firm: PreparedFirm): CarPathPoint[] {
  const day0 = columns.day0[k]!;
  return columns.windows.map(([, end], w) => ({
    offset: end,
    date: firm.returns.dates[day0 + end]!,
    car: columns.car[k * columns.windows.length + w]!,
    variance: columns.variance[k * columns.windows.length + w]!,
  }));
}
