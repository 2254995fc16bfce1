import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { isoDateSchema } from "../calendar/isoDate.js";
import { InputError, zodInputError } from "../errors.js";
import { writeFilesAtomically } from "../reports/atomicWrite.js";
import { sha256 } from "./contentHash.js";
import { CACHE_MANIFEST_FILE } from "./localFiles.js";
import type { PriceBar } from "./priceBar.js";
import { formatPriceCsv, parsePriceCsv } from "./priceCsv.js";
import { priceFileName } from "./symbolFile.js";

/**
 * The cache folder: the one given (`--cache`), else `EVENT_IMPACT_CACHE`, else `~/.cache/event-impact`.
 *
 * @example cacheDir(undefined, { EVENT_IMPACT_CACHE: "/tmp/c" }) // "/tmp/c"
 */
export function cacheDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? (env.EVENT_IMPACT_CACHE || join(homedir(), ".cache", "event-impact"));
}

const actionSchema = z.strictObject({ date: isoDateSchema, amount: z.number().optional(), ratio: z.string().optional() });

const entrySchema = z.strictObject({
  file: z.string().min(1),
  /** `yahoo` (fetched) or `import` (a CSV file added with `event-impact import`). */
  source: z.enum(["yahoo", "import"]),
  /** The base URL fetched from, or the imported file. */
  origin: z.string(),
  fetchedAt: z.iso.datetime(),
  /** The range of dates covered: requested from Yahoo (sessions in it and not on file did not trade), or the imported file's first to last date. */
  from: isoDateSchema,
  to: isoDateSchema,
  first: isoDateSchema,
  last: isoDateSchema,
  rows: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  currency: z.string().nullable().optional(),
  timeZone: z.string().optional(),
  dividends: z.array(actionSchema).optional(),
  splits: z.array(actionSchema).optional(),
});

const manifestSchema = z.strictObject({
  schemaVersion: z.literal(1),
  symbols: z.record(z.string(), entrySchema),
});

export type CacheEntry = z.output<typeof entrySchema>;
export type CacheManifest = z.output<typeof manifestSchema>;

/** What a commit records besides the data itself (the file name, rows, first/last date and hash are derived). */
export type CacheEntryInfo = Omit<CacheEntry, "file" | "first" | "last" | "rows" | "sha256">;

/** Reads and validates a cache's manifest; a cache without one is empty. */
export function readManifest(dir: string): CacheManifest {
  const file = join(dir, CACHE_MANIFEST_FILE);
  if (!existsSync(file)) return { schemaVersion: 1, symbols: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError("invalid-file", `${file} is not valid JSON (${(error as Error).message}); move it away to start a fresh cache index`, { file });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw zodInputError("invalid-file", parsed.error, { prefix: file, file });
  return parsed.data;
}

/**
 * The valid bars a cache holds for a symbol, or null when it has none. Rows that fail validation (the
 * cache keeps Yahoo's rows as served) are left out: a re-fetch downloads the whole range again.
 */
export function cachedBars(dir: string, symbol: string): PriceBar[] | null {
  const file = join(dir, priceFileName(symbol));
  if (!existsSync(file)) return null;
  return parsePriceCsv(readFileSync(file, "utf8"), file, () => undefined);
}

/**
 * Stores a symbol's bars in the cache: the price file is written to a temporary name and renamed, then
 * the manifest (re-read, so entries other processes committed meanwhile survive) likewise. A crash
 * before a rename leaves the previous file in place; only a temporary file, which nothing reads, can be
 * left behind.
 */
export function commitToCache(dir: string, symbol: string, bars: readonly PriceBar[], info: CacheEntryInfo): CacheEntry {
  const file = priceFileName(symbol);
  const text = formatPriceCsv(bars);
  writeFilesAtomically(dir, { [file]: text });
  const entry: CacheEntry = { file, ...info, first: bars[0]!.date, last: bars[bars.length - 1]!.date, rows: bars.length, sha256: sha256(text) };
  const manifest = readManifest(dir);
  const symbols = Object.fromEntries(Object.entries({ ...manifest.symbols, [symbol]: entry }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFilesAtomically(dir, { [CACHE_MANIFEST_FILE]: `${JSON.stringify({ schemaVersion: 1, symbols }, null, 2)}\n` });
  return entry;
}
