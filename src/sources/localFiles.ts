import { readFileSync, existsSync, readdirSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../errors.js";
import { sha256 } from "./contentHash.js";
import { dropFillerBars } from "./fillerBars.js";
import type { PriceSeries } from "./priceBar.js";
import { barsOf, readPriceColumns } from "./priceCsv.js";
import { priceFileName, symbolOfFileName } from "./symbolFile.js";

/** The repository's bundled data folder (prices in `prices/`, the event catalog in `events/`). */
export const bundledDataDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");

/** Where price files live inside a data folder: its `prices/` subfolder when there is one, else the folder itself. */
export function priceDir(dataDir: string): string {
  const nested = join(dataDir, "prices");
  return existsSync(nested) ? nested : dataDir;
}

/** How to read price files. */
export interface ReadOptions {
  /** Skip rows with unusable values (listed in `skippedRows`) instead of failing. */
  lenient?: boolean | undefined;
  /** Make a suspect row (see `PriceWarning`) an error instead of a warning. */
  strict?: boolean | undefined;
  /** The dates the symbol's market traded: a zero-volume, unchanged bar on one of them is kept (see `dropFillerBars`). */
  marketDates?: ReadonlySet<string> | undefined;
}

/** The text of a price file; a file that cannot be read is an input error naming it. */
export function readPriceFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder, not a file" : code === "EACCES" || code === "EPERM" ? "permission denied" : (error as Error).message;
    throw new InputError(`cannot read the price file ${file}: ${reason}`);
  }
}

/**
 * Reads `<SYMBOL>.csv` from a data folder, validates it (see `readPriceColumns`) and drops filler bars.
 * With `lenient`, rows that fail validation are skipped and listed in `skippedRows` instead of stopping
 * the read; suspect rows are kept and listed in `warnings` (errors with `strict`).
 */
export function readPriceSeries(dataDir: string, symbol: string, options: ReadOptions = {}): PriceSeries {
  const dir = priceDir(dataDir);
  const file = join(dir, priceFileName(symbol));
  if (!existsSync(file)) {
    const known = availableSymbols(dataDir);
    const hint = known.length > 0 ? `; available: ${known.join(", ")}` : "";
    throw new InputError(`no price file for ${symbol}: ${file} does not exist${hint}`);
  }
  const skippedRows: PriceSeries["skippedRows"] = [];
  const onInvalidRow = options.lenient ? (line: number, reason: string) => skippedRows.push({ line, reason }) : undefined;
  const text = readPriceFile(file);
  const { columns, warnings } = readPriceColumns(text, file, { onInvalidRow, strict: options.strict });
  const { kept, dropped } = dropFillerBars(barsOf(columns), options.marketDates);
  return { symbol, source: file, sha256: sha256(text), bars: kept, droppedFillerDates: dropped.map((bar) => bar.date), skippedRows, warnings };
}

/**
 * Reads a symbol's prices from the first of several data folders that has its file (a user's folder, then
 * the bundled data, say); the error for a missing file names every folder searched.
 */
export function readPriceSeriesFrom(dataDirs: readonly string[], symbol: string, options: ReadOptions = {}): PriceSeries {
  const dirs = [...new Set(dataDirs)];
  const dir = dirs.find((candidate) => existsSync(join(priceDir(candidate), priceFileName(symbol))));
  if (dir !== undefined) return readPriceSeries(dir, symbol, options);
  const known = [...new Set(dirs.flatMap(availableSymbols))].sort();
  const searched = dirs.map((candidate) => join(priceDir(candidate), priceFileName(symbol))).join(" or ");
  throw new InputError(`no price file for ${symbol}: ${searched} does not exist${known.length > 0 ? `; available: ${known.join(", ")}` : ""}`);
}

/** Where a price file comes from: the bundled data, a cache (see `event-impact fetch`), or a user's folder. */
export type PriceSource = "bundled" | "cache" | "data";

/** The file that marks a folder as an event-impact cache (see src/sources/priceCache.ts). */
export const CACHE_MANIFEST_FILE = "manifest.json";

/**
 * Where a price file comes from, judged by its folder: the bundled data, a cache (a folder with a cache
 * manifest), or else a user's data folder.
 */
export function priceSourceOf(file: string): PriceSource {
  const dir = dirname(file);
  if (dir === priceDir(bundledDataDir)) return "bundled";
  return existsSync(join(dir, CACHE_MANIFEST_FILE)) ? "cache" : "data";
}

/** A universe folder may name its stocks in this file (columns `symbol,name`); it holds no prices. */
export const CONSTITUENTS_FILE = "constituents.csv";

/** The symbols that have a price file in a data folder. */
export function availableSymbols(dataDir: string): string[] {
  const dir = priceDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith(".csv") && name !== CONSTITUENTS_FILE)
    .map(symbolOfFileName)
    .sort();
}
