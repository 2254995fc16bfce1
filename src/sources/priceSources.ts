import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { fetchPrices, lastCompleteDay, type FetchOptions, type FetchOutcome, type PriceNeed } from "./fetchPrices.js";
import { bundledDataDir, priceDir } from "./localFiles.js";
import { cacheDir as defaultCacheDir, readManifest } from "./priceCache.js";
import { priceFileName } from "./symbolFile.js";

/**
 * Where a study's prices come from:
 * - `cache` (default): the cache, then the bundled data; symbols neither has, and fetched symbols whose
 *   cached range falls short, are fetched from Yahoo into the cache first;
 * - `bundled`: the bundled data only, never the network;
 * - `yahoo`: every symbol is fetched from Yahoo into the cache, then read from there.
 * A `--data` folder comes first in every case and its symbols are never fetched.
 */
export type SourceChoice = "cache" | "bundled" | "yahoo";

export interface EnsurePricesOptions extends Omit<FetchOptions, "cacheDir"> {
  source?: SourceChoice | undefined;
  /** Read the cache (and `dataDir`) only; never the network. */
  offline?: boolean | undefined;
  /** The cache folder (default: see `cacheDir`). */
  cacheDir?: string | undefined;
  /** A user's folder of price files, searched first. */
  dataDir?: string | undefined;
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
 * Makes sure the prices a study or claim check needs are at hand (see `SourceChoice`), fetching what is
 * missing into the cache, and returns the folders to read them from. Fetch failures are returned, not
 * thrown: the pipeline then drops the events that lack prices and says why. With `offline`, a symbol
 * missing from the cache (and `dataDir`) is an error naming the fetch command that would get it.
 *
 * @example
 * const { priceDirs } = await ensurePrices(studyPriceNeeds(spec), { cacheDir: "/tmp/c" });
 * const result = runStudy(spec, { priceDirs });
 */
export async function ensurePrices(needs: readonly PriceNeed[], options: EnsurePricesOptions = {}): Promise<PreparedPrices> {
  const source = options.source ?? "cache";
  const cache = defaultCacheDir(options.cacheDir);
  const data = options.dataDir === undefined ? [] : [options.dataDir];
  if (options.offline && source === "yahoo") throw new InputError("invalid-option", "--offline reads only local files, so it cannot be combined with --source yahoo", { field: "--offline" });
  const priceDirs = source === "bundled" ? [...data, bundledDataDir] : options.offline || source === "yahoo" ? [...data, cache] : [...data, cache, bundledDataDir];
  const unserved = needs.filter((need) => !data.some((dir) => hasFile(dir, need.symbol)));

  if (source === "bundled") return { priceDirs, fetched: [] };
  if (options.offline) {
    const missing = unserved.filter((need) => !hasFile(cache, need.symbol));
    if (missing.length > 0) {
      const from = missing.map((need) => need.from).sort()[0]!;
      const to = missing.map((need) => need.to).sort().at(-1)!;
      throw new InputError(
        "no-prices",
        `--offline: no prices for ${missing.map((need) => need.symbol).join(", ")} in the cache ${cache}; fetch them first: event-impact fetch ${missing.map((need) => need.symbol).join(" ")} --from ${from} --to ${to} --cache ${cache}`,
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
      if (!hasFile(cache, need.symbol)) return !hasFile(bundledDataDir, need.symbol);
      const entry = manifest.symbols[need.symbol];
      if (entry === undefined || entry.source === "import") return false;
      return entry.from > need.from || entry.to < (need.to < lastDay ? need.to : lastDay);
    });
  const fetched = toFetch.length === 0 ? [] : await fetchPrices(toFetch, { ...options, cacheDir: cache });
  return { priceDirs, fetched };
}
