import type { PriceProvenance } from "../sources/priceProvenanceSchema.js";

const SHOWN_PER_FILE = 5;

/**
 * The price rows kept with a warning (DESIGN section 2), a few per file, as a text block; null when
 * there are none.
 *
 * @example priceWarningsText(result.prices)
 * // "Price warnings (rows kept; ...):\n  data/0001.HK.csv line 120 (2020-06-01): low 10.2 is above ..."
 */
export function priceWarningsText(prices: readonly PriceProvenance[]): string | null {
  const withWarnings = prices.filter((series) => series.warnings.length > 0);
  if (withWarnings.length === 0) return null;
  const lines = withWarnings.flatMap((series) => [
    ...series.warnings.slice(0, SHOWN_PER_FILE).map((warning) => `  ${series.file} line ${warning.line} (${warning.date}): ${warning.message}`),
    ...(series.warnings.length > SHOWN_PER_FILE ? [`  ${series.file}: ${series.warnings.length - SHOWN_PER_FILE} more`] : []),
  ]);
  return `Price warnings (rows kept as trading days; --strict makes them errors):\n${lines.join("\n")}`;
}
