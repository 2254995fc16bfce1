import { statSync } from "node:fs";
import { join } from "node:path";
import { inputFileError, priceDir, readPriceSeries, readPriceSeriesFrom, type ReadOptions } from "../sources/localFiles.js";
import type { PriceSeries } from "../sources/priceBar.js";
import { priceFileName } from "../sources/symbolFile.js";
import { LruCache } from "./lruCache.js";

/** What identifies a version of a file: replaced (new inode), rewritten (size, modification time). */
interface FileVersion {
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * Price series read once and kept: each read checks the file's inode, size and modification time (one
 * `stat`) and parses the file again only when one of them changed. Holds the `capacity` most recently
 * used series. `read` has the signature of `readPriceSeriesFrom` (pass it as `readPrices`); a file
 * that cannot be read (a folder, no permission, gone) is an `InputError` naming it.
 *
 * @example
 * const store = new SeriesStore(256);
 * checkClaim({ symbol: "1810.HK", date: "2021-01-15", readPrices: store.read });
 */
export class SeriesStore {
  readonly #series: LruCache<string, { version: FileVersion; series: PriceSeries }>;

  constructor(capacity: number) {
    this.#series = new LruCache(capacity);
  }

  /** Loaded series held now. */
  get size(): number {
    return this.#series.size;
  }

  readonly read = (dataDirs: readonly string[], symbol: string, options: ReadOptions = {}): PriceSeries => {
    for (const dir of new Set(dataDirs)) {
      const file = join(priceDir(dir), priceFileName(symbol));
      const version = fileVersion(file);
      if (version === null) continue;
      const key = `${options.lenient ? "lenient" : "strict"}\u0000${file}`;
      const held = this.#series.get(key);
      if (held !== undefined && sameVersion(held.version, version)) return held.series;
      const series = readPriceSeries(dir, symbol, options);
      this.#series.set(key, { version, series });
      return series;
    }
    return readPriceSeriesFrom(dataDirs, symbol, options);
  };
}

/** The file's version, or null when there is no file at that path. */
function fileVersion(file: string): FileVersion | null {
  try {
    const { ino, size, mtimeMs } = statSync(file);
    return { ino, size, mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw inputFileError(file, error);
  }
}

function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
