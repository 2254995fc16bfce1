import { z } from "zod";
import { isoDateSchema } from "../calendar/isoDate.js";
import { InputError } from "../errors.js";
import { formatTable } from "../reports/table.js";
import { lastCompleteDay } from "../calendar/isoDate.js";
import { fetchPrices, type FetchOutcome } from "../sources/fetchPrices.js";
import { cacheDir } from "../sources/priceCache.js";
import { fetchProgress } from "./fetchProgress.js";
import { parseOptions } from "./options.js";
import { libraryLog, priceSourceFlags, timeoutMsOf, yahooUrlOf } from "./priceOptions.js";

const fetchOptions = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    cache: priceSourceFlags.cache,
    yahooUrl: priceSourceFlags.yahooUrl,
    timeout: priceSourceFlags.timeout,
  })
  .refine((options) => options.to === undefined || options.from <= options.to, { path: ["to"], message: "must not be before --from" });

function result(outcome: FetchOutcome): string {
  if (outcome.error !== null) return "failed";
  if (outcome.repaired) return "repaired";
  if (outcome.previous === null) return "fetched";
  return outcome.previous.sha256 === outcome.entry!.sha256 ? "unchanged" : "updated";
}

/** The summary: one row per symbol, then the failures' messages. */
function fetchSummary(outcomes: readonly FetchOutcome[], cache: string): string {
  const rows = outcomes.map((outcome) => {
    const entry = outcome.entry;
    const notes = [
      outcome.kept > 0 ? `${outcome.kept} cached rows Yahoo no longer returns kept` : "",
      outcome.invalidRows.length > 0 ? `${outcome.invalidRows.length} rows fail validation (first: line ${outcome.invalidRows[0]!.line}, ${outcome.invalidRows[0]!.reason}); use --lenient in studies` : "",
    ].filter((note) => note !== "");
    return [outcome.symbol, result(outcome), entry === null ? "" : String(entry.rows), entry?.first ?? "", entry?.last ?? "", entry === null ? "" : String(outcome.added), entry === null ? "" : String(outcome.changed), notes.join("; ")];
  });
  const failures = outcomes.filter((outcome) => outcome.error !== null).map((outcome) => `  ${outcome.error!.message}`);
  return [formatTable(["symbol", "result", "rows", "first", "last", "new", "changed", "notes"], rows), `\ncache: ${cache}`, ...(failures.length > 0 ? ["\nfailed:", ...failures] : [])].join("\n");
}

export async function fetchCommand(symbols: string[], rawOptions: unknown): Promise<void> {
  const options = parseOptions(fetchOptions, rawOptions);
  const cache = cacheDir(options.cache);
  const to = options.to ?? lastCompleteDay();
  const outcomes = await fetchPrices(
    [...new Set(symbols)].map((symbol) => ({ symbol, from: options.from, to })),
    { cacheDir: cache, yahooUrl: yahooUrlOf(options.yahooUrl), timeoutMs: timeoutMsOf(options.timeout), onProgress: fetchProgress(), log: libraryLog() },
  );
  process.stdout.write(`${fetchSummary(outcomes, cache)}\n`);
  const failed = outcomes.filter((outcome) => outcome.error !== null);
  if (failed.length > 0) {
    throw new InputError("fetch-failed", `${failed.length} of ${outcomes.length} symbol(s) could not be fetched: ${failed.map((outcome) => `${outcome.symbol} (${outcome.error!.failure})`).join(", ")}`);
  }
}
