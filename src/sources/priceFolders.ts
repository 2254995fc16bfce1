import { existsSync, lstatSync, readlinkSync, statSync } from "node:fs";
import { InputError } from "../errors.js";
import { availableSymbols, bundledDataDir } from "./localFiles.js";
import { cacheDir as defaultCacheDir } from "./priceCache.js";

/**
 * Where a study's prices come from. Every choice reads a user's folder (`dataDir`) first and never
 * fetches a symbol it holds; then:
 * - `cache` (default): the cache, then the bundled data, then Yahoo (into the cache) for symbols none of
 *   them has and for fetched symbols whose cached range falls short;
 * - `bundled`: the bundled data only, never the network;
 * - `yahoo`: every symbol is fetched from Yahoo into the cache, then read from there.
 */
export type SourceChoice = "cache" | "bundled" | "yahoo";

/** Which local folders to read: a user's folder, the cache folder, and the choice of source. */
export interface PriceFolderOptions {
  source?: SourceChoice | undefined;
  /** The cache folder (default: see `cacheDir`). */
  cacheDir?: string | undefined;
  /** A user's folder of price files (`<SYMBOL>.csv`, or a `prices/` subfolder of them), searched first. */
  dataDir?: string | undefined;
}

/**
 * Checks that a user's price folder can serve prices: it exists (a symbolic link is followed; one that
 * points nowhere is named as such), is a folder, and holds at least one price file. Each failure is an
 * `InputError` naming the folder.
 */
export function checkDataDir(dir: string): void {
  if (!existsSync(dir)) {
    const link = lstatSync(dir, { throwIfNoEntry: false });
    if (link?.isSymbolicLink()) throw new InputError("missing-file", `the price folder ${dir} is a symbolic link to ${readlinkSync(dir)}, which does not exist`, { file: dir });
    throw new InputError("missing-file", `the price folder ${dir} does not exist`, { file: dir });
  }
  if (!statSync(dir).isDirectory()) throw new InputError("invalid-file", `the price folder ${dir} is not a folder`, { file: dir });
  if (availableSymbols(dir).length === 0) throw new InputError("no-prices", `the price folder ${dir} holds no price file (<SYMBOL>.csv, such as 1810.HK.csv or INDEX_HSI.csv for ^HSI)`, { file: dir });
}

/**
 * The local folders a symbol's prices are looked up in, in order: the user's folder (checked, see
 * `checkDataDir`), the cache, the bundled data; `source: "bundled"` leaves out the cache and
 * `source: "yahoo"` the bundled data. This is the one place that order is written: the CLI, the
 * server, `runStudy` and `checkClaim` all read prices through it (Yahoo comes last, see `ensurePrices`).
 *
 * @example priceFolders({ dataDir: "my-prices" }) // ["my-prices", "~/.cache/event-impact", "<package>/data"]
 */
export function priceFolders(options: PriceFolderOptions = {}): string[] {
  if (options.dataDir !== undefined) checkDataDir(options.dataDir);
  const data = options.dataDir === undefined ? [] : [options.dataDir];
  const cache = defaultCacheDir(options.cacheDir);
  if (options.source === "bundled") return [...data, bundledDataDir];
  if (options.source === "yahoo") return [...data, cache];
  return [...data, cache, bundledDataDir];
}
