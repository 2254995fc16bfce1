import type { PriceBar } from "./priceBar.js";
import { keepRows, ohlcProblem, type PriceColumns } from "./priceCsv.js";

/**
 * Splits off Yahoo's filler bars: volume 0 and a close equal to the previous close, written for days on
 * which the exchange did not trade (DESIGN section 2). Given the dates its market traded, such a bar on
 * one of them is a session without trades (its return is 0) and is kept. A zero-volume bar whose close
 * moved is a real session without intraday data (Hong Kong half-days look like that) and is kept.
 * Works on columns the caller owns (the reader's), without an object per bar: when bars are dropped, the rows kept
 * are moved down in place (see `keepRows`); when none is, the columns are returned as they are and nothing is allocated.
 *
 * @example dropFillerBars(columns).dropped // the dates of every zero-volume bar with an unchanged close
 * @example dropFillerBars(columns, new Set(hsi.columns.dates)).dropped // only those on days ^HSI did not trade
 */
export function dropFillerBars(columns: PriceColumns, marketDates?: ReadonlySet<string>): { kept: PriceColumns; dropped: string[] } {
  const { close, volume, dates } = columns;
  const n = dates.length;
  let keptRows: Int32Array | null = null;
  let kept = 0;
  let keptClose = Number.NaN;
  const dropped: string[] = [];
  for (let k = 0; k < n; k++) {
    if (k > 0 && volume[k] === 0 && close[k] === keptClose && !(marketDates?.has(dates[k]!) ?? false)) {
      keptRows ??= Int32Array.from({ length: n }, (_, row) => row);
      dropped.push(dates[k]!);
    } else {
      if (keptRows !== null) keptRows[kept] = k;
      kept++;
      keptClose = close[k]!;
    }
  }
  return { kept: keptRows === null ? columns : keepRows(columns, keptRows.subarray(0, kept)), dropped };
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
