import { relative } from "node:path";
import { priceSourceOf, type PriceSource } from "../sources/localFiles.js";
import type { PriceSeries, PriceWarning } from "../sources/priceBar.js";

/** The version of the JSON forms of study and check results (README); it changes when a key is renamed or removed. */
export const SCHEMA_VERSION = 1;

export interface PriceProvenance {
  symbol: string;
  file: string;
  /** The kind of folder the file was read from: the bundled data, a cache, or a user's data folder. */
  source: PriceSource;
  /** SHA-256 of the file's content: a later run can tell whether the data changed (`study --compare`). */
  sha256: string;
  first: string;
  last: string;
  fillerBarsDropped: string[];
  skippedRows: { line: number; reason: string }[];
  /** Rows kept with a warning: low/high not bracketing open and close (intraday measures null), or an absurd day move. */
  warnings: PriceWarning[];
}

/** Where a price series came from: its file (relative to the working folder), date range and what reading dropped. */
export function priceProvenance(series: PriceSeries): PriceProvenance {
  return {
    symbol: series.symbol,
    file: relative(process.cwd(), series.source),
    source: priceSourceOf(series.source),
    sha256: series.sha256,
    first: series.bars[0]!.date,
    last: series.bars[series.bars.length - 1]!.date,
    fillerBarsDropped: series.droppedFillerDates,
    skippedRows: series.skippedRows,
    warnings: series.warnings,
  };
}
