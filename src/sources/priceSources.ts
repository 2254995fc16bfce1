import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { lastCompleteDay } from "../calendar/isoDate.js";
import type { FetchOptions, FetchOutcome, PriceNeed } from "./fetchPrices.js";
import { bundledDataDir, priceDir } from "./localFiles.js";
import { priceFolders, type PriceFolderOptions, type SourceChoice } from "./priceFolders.js";
import { cacheDir as defaultCacheDir, cacheState, readManifest, sweepStaleTemporaryFiles } from "./priceCache.js";
import { priceFileName } from "./symbolFile.js";

export interface EnsurePricesOptions extends Omit<FetchOptions, "cacheDir">, PriceFolderOptions {
  /** Everything but Yahoo: the user's folder, the cache and the bundled data; never the network. */
  offline?: boolean | undefined;
}

export interface PreparedPrices {
  /** The folders to read, in order (`priceDirs` of `runStudy` and `checkClaim`). */
  priceDirs: string[];
  /** What was fetched, one outcome per symbol (empty when nothing had to be). */
  fetched: FetchOutcome[];
}

function hasFile(dir: string, symbol: string): boolean {
  return existsSync(join(priceDir(dir), priceFileName(symbol)));
}

/**
 * Makes sure the prices a study or claim check needs are at hand (see `SourceChoice`), fetching what no
 * local folder has into the cache (and what the cache holds but cannot vouch for, see `cacheState`), and returns the folders to read them from (`priceFolders`). Fetch
 * failures are returned, not thrown: the pipeline then drops the events that lack prices and says why.
 * With `offline`, a symbol no local folder has is an error naming the fetch command that would get it.
 *
 * @example
 * const { priceDirs } = await ensurePrices(studyPriceNeeds(spec), { cacheDir: "/tmp/c" });
 * const result = runStudy(spec, { priceDirs });
 */
export async function ensurePrices(needs: readonly PriceNeed[], options: EnsurePricesOptions = {}): Promise<PreparedPrices> {
  const source = options.source ?? "cache";
  if (options.offline && source === "yahoo") throw new InputError("invalid-option", "--offline reads only local files, so it cannot be combined with --source yahoo", { field: "--offline" });
  const priceDirs = priceFolders(options);
  const cache = defaultCacheDir(options.cacheDir);
  const unserved = needs.filter((need) => options.dataDir === undefined || !hasFile(options.dataDir, need.symbol));

  if (source === "bundled") return { priceDirs, fetched: [] };
  sweepStaleTemporaryFiles(cache);
  if (options.offline) {
    const missing = unserved.filter((need) => !priceDirs.some((dir) => hasFile(dir, need.symbol)));
    if (missing.length > 0) {
      const symbols = [...new Set(missing.map((need) => need.symbol))];
      const from = missing.map((need) => need.from).sort()[0]!;
      const to = missing.map((need) => need.to).sort().at(-1)!;
      throw new InputError(
        "no-prices",
        `--offline: no prices for ${symbols.join(", ")} in ${priceDirs.join(", ")}; fetch them first: event-impact fetch ${symbols.join(" ")} --from ${from} --to ${to} --cache ${cache}`,
      );
    }
    return { priceDirs, fetched: [] };
  }

  const lastDay = lastCompleteDay();
  const manifest = readManifest(cache);
  const toFetch = unserved
    .filter((need) => need.from <= lastDay)
    .filter((need) => {
      if (source === "yahoo") return true;
      const state = cacheState(cache, manifest, need.symbol);
      if (state.status === "missing") return !hasFile(bundledDataDir, need.symbol);
      if (state.status !== "ok") return true;
      if (state.entry.source === "import") return false;
      return state.entry.from > need.from || state.entry.to < (need.to < lastDay ? need.to : lastDay);
    });
  if (toFetch.length === 0) return { priceDirs, fetched: [] };
  // The Yahoo client (and Node's http, https and zlib) load only when something is fetched.
  const { fetchPrices } = await import("./fetchPrices.js");
  return { priceDirs, fetched: await fetchPrices(toFetch, { ...options, cacheDir: cache }) };
}
