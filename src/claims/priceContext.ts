import type { PriceBar } from "../sources/priceBar.js";
import type { DailyReturn, PricePathPoint } from "./checkSchema.js";

const SESSIONS_BEFORE = 20;
const SESSIONS_AFTER = 10;

/**
 * The sessions from 20 before to 10 after day 0 (fewer at the ends of the data), offsets counted in the
 * stock's own sessions.
 *
 * @example pricePath(bars, 100).map((p) => p.offset) // [-20, -19, ..., 10]
 */
export function pricePath(bars: readonly PriceBar[], day: number): PricePathPoint[] {
  const first = Math.max(0, day - SESSIONS_BEFORE);
  return bars.slice(first, day + SESSIONS_AFTER + 1).map((bar, k) => ({ offset: first + k - day, date: bar.date, open: bar.open, high: bar.high, low: bar.low, close: bar.close }));
}

/**
 * Every close-to-close return on file, `adjClose_t / adjClose_{t-1} - 1`: the distribution a day's move is
 * placed in (its `percentile` is taken over the others).
 *
 * @example dailyReturns([{ date: "2021-01-04", adjClose: 10, ... }, { date: "2021-01-05", adjClose: 11, ... }]) // [{ date: "2021-01-05", ret: 0.1 }]
 */
export function dailyReturns(bars: readonly PriceBar[]): DailyReturn[] {
  return bars.slice(1).map((bar, k) => ({ date: bar.date, ret: bar.adjClose / bars[k]!.adjClose - 1 }));
}
