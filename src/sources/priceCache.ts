import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { isoDateSchema } from "../calendar/isoDate.js";
import { InputError, zodInputError } from "../errors.js";
import { cannotWrite, TEMPORARY_FILE, temporarySuffix } from "../io/atomicWrite.js";
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

/** A cache's index: the entry of each cached symbol. */
export interface CacheManifest {
  schemaVersion: 1;
  symbols: Map<string, CacheEntry>;
}

/** What a commit records besides the data itself (the file name, rows, first/last date and hash are derived). */
export type CacheEntryInfo = Omit<CacheEntry, "file" | "first" | "last" | "rows" | "sha256">;

/** Reads and validates a cache's manifest; a cache without one is empty. */
export function readManifest(dir: string): CacheManifest {
  const file = join(dir, CACHE_MANIFEST_FILE);
  if (!existsSync(file)) return { schemaVersion: 1, symbols: new Map() };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new InputError("invalid-file", `${file} is not valid JSON (${(error as Error).message}); move it away to start a fresh cache index`, { file });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw zodInputError("invalid-file", parsed.error, { prefix: file, file });
  return { schemaVersion: 1, symbols: new Map(Object.entries(parsed.data.symbols)) };
}

/** Where a symbol stands in a cache: its file and its manifest entry agree (`ok`), or not, and how. */
export type CacheState =
  | { status: "ok"; entry: CacheEntry; bars: PriceBar[] }
  /** No file (an entry without one is ignored). */
  | { status: "missing" }
  /** A file without an entry: a write that was interrupted, or a file copied in by hand. */
  | { status: "unindexed" }
  /** The file's hash is not the one recorded, or it cannot be read as prices. */
  | { status: "mismatch"; entry: CacheEntry };

/**
 * Checks a cached symbol: its file exists, has an entry, hashes to the recorded SHA-256 and reads as
 * prices. Only an `ok` symbol is trusted; the others are fetched again (see `fetchPrices`). The bars
 * are the file's valid rows (the cache keeps Yahoo's rows as served, invalid ones too).
 */
export function cacheState(dir: string, manifest: CacheManifest, symbol: string): CacheState {
  const file = join(dir, priceFileName(symbol));
  if (!existsSync(file)) return { status: "missing" };
  const entry = manifest.symbols.get(symbol);
  if (entry === undefined) return { status: "unindexed" };
  const text = readFileSync(file, "utf8");
  if (sha256(text) !== entry.sha256) return { status: "mismatch", entry };
  try {
    return { status: "ok", entry, bars: parsePriceCsv(text, file, () => undefined) };
  } catch (error) {
    if (error instanceof InputError) return { status: "mismatch", entry };
    throw error;
  }
}

/** What a commit stores: the bars, and what the entry records besides what is derived from them. */
export interface CacheUpdate {
  bars: readonly PriceBar[];
  info: CacheEntryInfo;
}

/**
 * How long a cache lock may go without its holder refreshing it before another process takes it over
 * (a holder refreshes it every half of this; a killed one stops): proper-lockfile's `stale`.
 */
const LOCK_STALE_MS = 5_000;

/** Waits for a busy lock: up to ~25 s, longer than a stale lock takes to expire. */
const LOCK_RETRIES = { retries: 60, factor: 1.2, minTimeout: 20, maxTimeout: 500 };

/**
 * Removes, without taking the cache's lock, the temporary files that interrupted commits left: those last
 * written more than `LOCK_STALE_MS` ago. A live commit writes and renames its temporary files within
 * moments while it holds the lock, and a holder stalled that long has lost the lock, so such a file
 * belongs to no run still going; younger ones (another process's commit in progress) are left alone.
 * Every command that uses the cache calls this first; a cache that does not exist, cannot be listed or
 * cannot be written to is left as it is (reading it may still work).
 */
export function sweepStaleTemporaryFiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const staleBefore = Date.now() - LOCK_STALE_MS;
  for (const name of names) {
    if (!TEMPORARY_FILE.test(name)) continue;
    const file = join(dir, name);
    try {
      if (statSync(file).mtimeMs < staleBefore) rmSync(file, { force: true });
    } catch {
      // Gone meanwhile (another sweep), or not ours to remove: the commit under the lock sweeps it.
    }
  }
}

/**
 * Test hook: `EVENT_IMPACT_KILL_AT=<step>` kills the process (SIGKILL: no clean-up, the lock is left
 * behind) when a cache commit reaches that step: `price-rename` (both temporary files written, nothing
 * renamed), `manifest-rename` (the price file renamed, the manifest not) or `unlock` (both renamed).
 */
function killPoint(step: "price-rename" | "manifest-rename" | "unlock"): void {
  if (process.env.EVENT_IMPACT_KILL_AT === step) process.kill(process.pid, "SIGKILL");
}

/**
 * Runs `task` holding the cache's lock (`<dir>/.lock`, a proper-lockfile lock: a folder created
 * atomically, refreshed while held, taken over once stale), after removing the temporary files that
 * interrupted writes left: every write happens under the lock, so any temporary file found while
 * holding it is debris. A holder stalled past the stale time loses the lock to another process; the
 * commit is then no longer exclusive, a risk taken rather than failing a commit that is nearly done
 * (`onCompromised` does nothing). proper-lockfile is loaded on first use.
 */
async function withCacheLock<T>(dir: string, task: () => T): Promise<T> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw cannotWrite(`the cache ${dir}`, error, dir);
  }
  let release: () => Promise<void>;
  try {
    const { default: lockfile } = await import("proper-lockfile");
    release = await lockfile.lock(dir, { lockfilePath: join(dir, ".lock"), realpath: false, stale: LOCK_STALE_MS, retries: LOCK_RETRIES, onCompromised: () => {} });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw new InputError("cannot-write", `cannot lock the cache ${dir}: ${(error as Error).message}`, { file: dir });
    throw new InputError("cannot-write", `the cache ${dir} stayed locked by another event-impact process for ~25 s (${join(dir, ".lock")}); try again when it has finished`, { file: dir });
  }
  try {
    for (const name of readdirSync(dir)) if (TEMPORARY_FILE.test(name)) rmSync(join(dir, name), { force: true });
    return task();
  } finally {
    await release();
  }
}

/**
 * Stores a symbol's bars in the cache, under the cache's lock: `update` gets the symbol's trusted state
 * (`cacheState`, read under the lock, so what another process committed meanwhile is merged, not lost)
 * and returns what to store. The price file and the manifest are written to temporary names, then the
 * price file is renamed over the old one, then the manifest. A kill before the first rename leaves only
 * temporary files (swept at the start of the next command, see `sweepStaleTemporaryFiles`, or by the next commit); a kill between the renames leaves a price file whose
 * hash the manifest does not record, which `cacheState` reports and the next fetch repairs.
 */
export async function commitToCache(dir: string, symbol: string, update: (state: CacheState) => CacheUpdate): Promise<{ entry: CacheEntry; state: CacheState }> {
  const file = priceFileName(symbol);
  return withCacheLock(dir, () => {
    const manifest = readManifest(dir);
    const state = cacheState(dir, manifest, symbol);
    const { bars, info } = update(state);
    const text = formatPriceCsv(bars);
    const entry: CacheEntry = { file, ...info, first: bars[0]!.date, last: bars[bars.length - 1]!.date, rows: bars.length, sha256: sha256(text) };
    manifest.symbols.set(symbol, entry);
    const symbols = Object.fromEntries([...manifest.symbols].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const suffix = temporarySuffix();
    const priceFile = join(dir, file);
    const manifestFile = join(dir, CACHE_MANIFEST_FILE);
    try {
      writeFileSync(priceFile + suffix, text);
      writeFileSync(manifestFile + suffix, `${JSON.stringify({ schemaVersion: 1, symbols }, null, 2)}\n`);
      killPoint("price-rename");
      renameSync(priceFile + suffix, priceFile);
      killPoint("manifest-rename");
      renameSync(manifestFile + suffix, manifestFile);
      killPoint("unlock");
    } catch (error) {
      for (const temporary of [priceFile + suffix, manifestFile + suffix]) rmSync(temporary, { force: true });
      throw cannotWrite(`the cache ${dir}`, error, dir);
    }
    return { entry, state };
  });
}
