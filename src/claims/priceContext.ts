import type { PriceBar } from "../sources/priceBar.js";

/** One session of the price path around a claim's day 0 (raw prices, as the claim speaks of them). */
export interface PricePathPoint {
  offset: number;
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** A close-to-close return on the adjusted close, dated by the session it ends on. */
export interface DailyReturn {
  date: string;
  ret: number;
}

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
  const last = Math.min(bars.length - 1, day + SESSIONS_AFTER);
  return bars.slice(first, last + 1).map((bar, k) => ({ offset: first + k - day, date: bar.date, open: bar.open, high: bar.high, low: bar.low, close: bar.close }));
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
