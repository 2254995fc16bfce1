import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { InputError } from "../errors.js";
import { commitToCache, readManifest, type CacheEntry } from "./priceCache.js";
import { parsePriceCsv } from "./priceCsv.js";
import { priceFileName, symbolOfFileName } from "./symbolFile.js";

export interface ImportOutcome {
  file: string;
  symbol: string;
  /** Why the file was not imported; null when it was. */
  error: InputError | null;
  /** The cache entry it replaced, if the symbol was cached. */
  previous: CacheEntry | null;
  entry: CacheEntry | null;
}

/**
 * Adds price files to the cache, each under the symbol its name gives (`1810.HK.csv`, `INDEX_HSI.csv` for
 * `^HSI`), in any layout `parsePriceCsv` accepts, stored in the bundled layout. A file replaces what the
 * cache held for its symbol; it must pass validation whole, and a file that does not is reported and
 * skipped while the others are imported.
 */
export async function importPriceFiles(files: readonly string[], cacheDir: string): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    const symbol = symbolOfFileName(basename(file));
    let previous: CacheEntry | null = null;
    try {
      priceFileName(symbol);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        throw new InputError("missing-file", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`, { file });
      }
      const bars = parsePriceCsv(text, file);
      const info = { source: "import" as const, origin: resolve(file), fetchedAt: new Date().toISOString(), from: bars[0]!.date, to: bars[bars.length - 1]!.date };
      const { entry, state } = await commitToCache(cacheDir, symbol, () => ({ bars, info }));
      previous = state.status === "ok" || state.status === "mismatch" ? state.entry : null;
      outcomes.push({ file, symbol, error: null, previous, entry });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      outcomes.push({ file, symbol, error, previous: readManifest(cacheDir).symbols.get(symbol) ?? null, entry: null });
    }
  }
  return outcomes;
}
