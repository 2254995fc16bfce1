import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync, type Stats } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../errors.js";
import { sha256 } from "./contentHash.js";
import { dropFillerBars } from "./fillerBars.js";
import type { PriceBar, PriceSeries } from "./priceBar.js";
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
    throw new InputError("no-prices", `no price file for ${symbol}: ${file} does not exist${hint}`, { file });
  }
  const skippedRows: PriceSeries["skippedRows"] = [];
  const onInvalidRow = options.lenient ? (line: number, reason: string) => skippedRows.push({ line, reason }) : undefined;
  const content = readPriceBytes(file);
  const { columns, warnings } = readPriceColumns(content, file, { onInvalidRow, strict: options.strict });
  const { kept, dropped } = dropFillerBars(columns, options.marketDates);
  let bars: PriceBar[] | undefined;
  return {
    symbol,
    source: file,
    sha256: sha256(content),
    columns: kept,
    get bars() {
      return (bars ??= barsOf(kept));
    },
    droppedFillerDates: dropped,
    skippedRows,
    warnings,
  };
}

/**
 * Reads a file the user gave (a price file, a spec, a factor file) as UTF-8; a folder in its place, a file
 * that may not be read or one that vanished is an `InputError` naming the file, and so is a device or pipe
 * (`/dev/zero` would never end). With `limit`, a file of more than `limit.bytes` is refused before it is read,
 * with the caller's error.
 */
export function readInputFile(file: string, limit?: { bytes: number; error: (size: number) => InputError }): string {
  const size = regularFileSize(file);
  if (limit !== undefined && size > limit.bytes) throw limit.error(size);
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw inputFileError(file, error);
  }
}

/** The size of a file the user gave; an `InputError` naming it when it is missing, unreadable or not a regular file. */
function regularFileSize(file: string): number {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw inputFileError(file, error);
  }
  if (!stats.isFile()) throw new InputError("missing-file", `${file} ${stats.isDirectory() ? FILE_ERRORS.get("EISDIR") : "is not a regular file (a device, pipe or socket)"}`, { file });
  return stats.size;
}

/**
 * The bytes of a price file (errors as `readInputFile`'s), in a buffer that the next call reuses, so valid
 * until then: reading a universe of files then takes no fresh memory per file, which costs a page fault
 * per 4 KB (a fresh buffer per file made reading the 83 universe files 5x slower). Buffers above
 * `MAX_REUSED_BYTES` are not kept.
 */
function readPriceBytes(file: string): Buffer {
  const size = regularFileSize(file);
  const buffer = size <= reusedBuffer.length ? reusedBuffer : Buffer.allocUnsafeSlow(size);
  if (buffer.length <= MAX_REUSED_BYTES) reusedBuffer = buffer;
  let read = 0;
  try {
    const fd = openSync(file, "r");
    try {
      while (read < size) {
        const bytes = readSync(fd, buffer, read, size - read, read);
        if (bytes === 0) break;
        read += bytes;
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw inputFileError(file, error);
  }
  return buffer.subarray(0, read);
}

const MAX_REUSED_BYTES = 16 << 20;
let reusedBuffer = Buffer.allocUnsafeSlow(0);

/** The `InputError` for a file-system error on an input file (EISDIR, EACCES, EPERM, ENOENT, ELOOP); other errors as they are. */
export function inputFileError(file: string, error: unknown): unknown {
  const reason = FILE_ERRORS.get((error as NodeJS.ErrnoException).code ?? "");
  return reason === undefined ? error : new InputError("missing-file", `${file} ${reason}`, { file });
}

const FILE_ERRORS = new Map([
  ["EISDIR", "is a folder, not a file"],
  ["EACCES", "cannot be read: permission denied"],
  ["EPERM", "cannot be read: permission denied"],
  ["ENOENT", "does not exist"],
  ["ELOOP", "is a symbolic link that loops"],
  ["ENOTDIR", "does not exist (a part of its path is a file)"],
]);

/** Reads a symbol's prices from several data folders, the first that has its file (`readPriceSeriesFrom` or a cached equivalent). */
export type PriceReader = (dataDirs: readonly string[], symbol: string, options?: ReadOptions) => PriceSeries;

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
  throw new InputError("no-prices", `no price file for ${symbol}: ${searched} does not exist${known.length > 0 ? `; available: ${known.join(", ")}` : ""}`);
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
