import { intradayProblem } from "../sources/fillerBars.js";
import type { PriceBar } from "../sources/priceBar.js";

/** A day's moves against the previous session, as fractions; intraday ones are null on bars without usable intraday data (see `intradayProblem`). */
export interface DayMoves {
  closeToClose: number;
  openGap: number | null;
  intradayLow: number | null;
  intradayHigh: number | null;
}

/**
 * A day's moves against the previous session (DESIGN section 2 and 7): close-to-close on the adjusted
 * close (`adjClose_t / adjClose_{t-1} - 1`); open gap, intraday low and high on the raw prices against
 * the previous raw close (`open_t / close_{t-1} - 1`, ...).
 *
 * @example
 * // previous close 32.65, day 0 low 28.20
 * dayMoves(previous, day).intradayLow // 28.20 / 32.65 - 1 ≈ -0.1363
 */
export function dayMoves(previous: PriceBar, day: PriceBar): DayMoves {
  const intraday = intradayProblem(day) === null;
  return {
    closeToClose: day.adjClose / previous.adjClose - 1,
    openGap: intraday ? day.open / previous.close - 1 : null,
    intradayLow: intraday ? day.low / previous.close - 1 : null,
    intradayHigh: intraday ? day.high / previous.close - 1 : null,
  };
}
