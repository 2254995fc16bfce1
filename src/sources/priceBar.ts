import type { PriceColumns } from "./priceCsv.js";

/** One daily bar: exchange-local trading date, raw OHLC, split- and dividend-adjusted close, volume. */
export interface PriceBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
  volume: number;
}

/**
 * A row that is kept but suspect: `ohlc` when its low/high do not bracket open and close (DESIGN section 2:
 * it stays a trading day and its close enters returns, its intraday measures are null), `move` when its
 * adjusted close moved beyond -99.9% or x1000 in a day.
 */
export interface PriceWarning {
  line: number;
  date: string;
  kind: "ohlc" | "move";
  message: string;
}

/** A symbol's bars in ascending date order, with where they came from. */
export interface PriceSeries {
  symbol: string;
  source: string;
  /** SHA-256 of the file's content (see `sha256`). */
  sha256: string;
  /** The bars as columns, one entry per bar (what studies read). */
  columns: PriceColumns;
  /** The bars as objects, built from `columns` on first use. */
  readonly bars: PriceBar[];
  /** Filler bars removed while reading (see `dropFillerBars`). */
  droppedFillerDates: string[];
  /** Rows that failed validation and were skipped (lenient reading only). */
  skippedRows: { line: number; reason: string }[];
  /** Rows kept with a warning (see `PriceWarning`). */
  warnings: PriceWarning[];
}
