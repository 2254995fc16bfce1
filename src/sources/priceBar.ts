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

/** A symbol's bars in ascending date order, with where they came from. */
export interface PriceSeries {
  symbol: string;
  source: string;
  /** SHA-256 of the file's content (see `sha256`). */
  sha256: string;
  bars: PriceBar[];
  /** Filler bars removed while reading (see `dropFillerBars`). */
  droppedFillerDates: string[];
  /** Rows that failed validation and were skipped (lenient reading only). */
  skippedRows: { line: number; reason: string }[];
}
