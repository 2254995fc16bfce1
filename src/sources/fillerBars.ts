import type { PriceBar } from "./priceBar.js";
import { ohlcProblem } from "./priceCsv.js";

/**
 * Splits off Yahoo's filler bars: volume 0 and a close equal to the previous close, written for days on
 * which the exchange did not trade (DESIGN section 2). Given the dates its market traded, such a bar on
 * one of them is a session without trades (its return is 0) and is kept. A zero-volume bar whose close
 * moved is a real session without intraday data (Hong Kong half-days look like that) and is kept.
 *
 * @example dropFillerBars(bars).dropped // every zero-volume bar with an unchanged close
 * @example dropFillerBars(bars, new Set(hsi.map((bar) => bar.date))).dropped // only those on days ^HSI did not trade
 */
export function dropFillerBars(bars: readonly PriceBar[], marketDates?: ReadonlySet<string>): { kept: PriceBar[]; dropped: PriceBar[] } {
  const kept: PriceBar[] = [];
  const dropped: PriceBar[] = [];
  for (const bar of bars) {
    const previous = kept[kept.length - 1];
    const filler = previous !== undefined && bar.volume === 0 && bar.close === previous.close && !(marketDates?.has(bar.date) ?? false);
    if (filler) dropped.push(bar);
    else kept.push(bar);
  }
  return { kept, dropped };
}

/**
 * Why a bar's intraday fields (open, high, low) cannot be used, or null when they can: a zero-volume bar
 * with open = high = low = close carries none, and a bar whose low/high do not bracket open and close
 * carries unreliable ones (DESIGN section 2).
 */
export function intradayProblem(bar: PriceBar): string | null {
  if (bar.volume === 0 && bar.open === bar.high && bar.high === bar.low && bar.low === bar.close) return "zero volume, open = high = low = close";
  return ohlcProblem(bar.open, bar.high, bar.low, bar.close);
}
