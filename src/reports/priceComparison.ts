import { readFileSync } from "node:fs";
import { z } from "zod";
import { InputError, zodInputError } from "../errors.js";
import type { PriceProvenance } from "../sources/priceProvenanceSchema.js";
import { formatTable } from "./table.js";

const earlierPricesSchema = z.object({
  prices: z.array(
    z.object({
      symbol: z.string(),
      file: z.string(),
      first: z.string(),
      last: z.string(),
      source: z.string().optional(),
      sha256: z.string().optional(),
    }),
  ),
});

/** A price series as an earlier result recorded it (results before content hashes lack `sha256`). */
export type RecordedPrices = z.output<typeof earlierPricesSchema>["prices"][number];

/** Reads the `prices` of an earlier `result.json`, validated; errors name the file and field. */
export function readRecordedPrices(file: string): RecordedPrices[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError("missing-file", `cannot read the result to compare with, ${file}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  const parsed = earlierPricesSchema.safeParse(json);
  if (!parsed.success) throw zodInputError("invalid-file", parsed.error, { prefix: file, file });
  return parsed.data.prices;
}

/**
 * How a symbol's prices compare with an earlier run: `same` and `changed` by content hash, `new` (not
 * used then), `gone` (not used now), `unknown` (the earlier result recorded no hash).
 */
export interface PriceComparison {
  symbol: string;
  status: "same" | "changed" | "new" | "gone" | "unknown";
  before: RecordedPrices | null;
  after: PriceProvenance | null;
}

/** Compares the price series behind a result with those an earlier result recorded, symbol by symbol. */
export function comparePrices(before: readonly RecordedPrices[], after: readonly PriceProvenance[]): PriceComparison[] {
  const earlier = new Map(before.map((series) => [series.symbol, series]));
  const now = new Map(after.map((series) => [series.symbol, series]));
  const symbols = [...new Set([...now.keys(), ...earlier.keys()])].sort();
  return symbols.map((symbol) => {
    const then = earlier.get(symbol) ?? null;
    const current = now.get(symbol) ?? null;
    const status = then === null ? "new" : current === null ? "gone" : then.sha256 === undefined ? "unknown" : then.sha256 === current.sha256 ? "same" : "changed";
    return { symbol, status, before: then, after: current };
  });
}

/**
 * The comparison as a table (hashes shortened to 12 hex digits) and a closing sentence, a warning when
 * any series is not the same.
 */
export function priceComparisonText(comparisons: readonly PriceComparison[], earlierFile: string): string {
  const short = (hash: string | undefined) => (hash === undefined ? "" : hash.slice(0, 12));
  const range = (series: { first: string; last: string } | null) => (series === null ? "" : `${series.first} to ${series.last}`);
  const rows = comparisons.map(({ symbol, status, before, after }) => [
    symbol,
    status,
    short(before?.sha256) || (before === null ? "" : "(none)"),
    short(after?.sha256),
    range(before),
    range(after),
    after?.source ?? "",
  ]);
  const table = formatTable(["symbol", "data", "sha256 then", "sha256 now", "dates then", "dates now", "source now"], rows);
  const differing = comparisons.filter((comparison) => comparison.status !== "same");
  const verdict =
    differing.length === 0
      ? `All ${comparisons.length} price series are identical to those behind ${earlierFile}.`
      : `warning: the price data of ${differing.length} of ${comparisons.length} symbol(s) differs from ${earlierFile} (${differing.map((c) => `${c.symbol}: ${c.status}`).join(", ")}), so results may differ.`;
  return `Price data compared with ${earlierFile}:\n${table}\n${verdict}`;
}
