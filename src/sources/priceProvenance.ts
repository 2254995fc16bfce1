import { basename } from "node:path";
import { priceSourceOf } from "./localFiles.js";
import type { PriceSeries } from "./priceBar.js";
import type { PriceProvenance } from "./priceProvenanceSchema.js";

/**
 * Where a price series came from: its file name (relative to its folder, so that results do not depend on
 * where the data lives; `source` and `sha256` say which folder and which content), date range and what
 * reading dropped.
 */
export function priceProvenance(series: PriceSeries): PriceProvenance {
  return {
    symbol: series.symbol,
    file: basename(series.source),
    source: priceSourceOf(series.source),
    sha256: series.sha256,
    first: series.columns.dates[0]!,
    last: series.columns.dates.at(-1)!,
    fillerBarsDropped: series.droppedFillerDates,
    skippedRows: series.skippedRows,
    warnings: series.warnings,
  };
}
