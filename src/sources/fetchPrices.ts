import { InputError } from "../errors.js";
import { PriceFetchError } from "./fetchError.js";
import { mergeBars } from "./mergeBars.js";
import { cachedBars, commitToCache, readManifest, type CacheEntry } from "./priceCache.js";
import { formatPriceCsv, parsePriceCsv } from "./priceCsv.js";
import { DEFAULT_RETRY, mapWithConcurrency, withRetry, type RetryPolicy } from "./retry.js";
import { priceFileName } from "./symbolFile.js";
import { chartPrices } from "./yahooChart.js";
import { YAHOO_CHART_URL, yahooChartClient, type LibraryLog } from "./yahooClient.js";

/** A symbol and the dates its prices must cover. */
export interface PriceNeed {
  symbol: string;
  from: string;
  to: string;
}

/** What happened to one symbol. */
export interface FetchOutcome {
  symbol: string;
  /** Why the fetch failed; null when it succeeded. */
  error: PriceFetchError | null;
  /** The cache entry before the fetch, if the symbol was cached. */
  previous: CacheEntry | null;
  /** The entry written (null when the fetch failed). */
  entry: CacheEntry | null;
  /** Dates added, dates whose bar changed, and dates on file that Yahoo no longer returned (kept). */
  added: number;
  changed: number;
  kept: number;
  /** Stored rows that fail validation (Yahoo data is not always consistent); studies skip them only with `--lenient`. */
  invalidRows: { line: number; reason: string }[];
}

/** Progress of a fetch, for progress bars and logs. */
export type FetchEvent =
  | { type: "start"; total: number; origin: string }
  | { type: "retry"; symbol: string; error: PriceFetchError; attempt: number; attempts: number; delayMs: number }
  | { type: "done"; outcome: FetchOutcome; done: number; total: number };

export interface FetchOptions {
  cacheDir: string;
  /** A mirror of Yahoo's query host (`EVENT_IMPACT_YAHOO_URL`); Yahoo itself when absent. */
  yahooUrl?: string | undefined;
  /** Symbols fetched at once. */
  concurrency?: number | undefined;
  retry?: RetryPolicy | undefined;
  onProgress?: ((event: FetchEvent) => void) | undefined;
  /** Where yahoo-finance2's own log lines go (dropped by default). */
  log?: LibraryLog | undefined;
}

/** Symbols fetched at once unless told otherwise: few enough not to provoke Yahoo's rate limit. */
const DEFAULT_CONCURRENCY = 4;

/**
 * The last calendar day whose sessions have closed everywhere: yesterday in UTC. A session still in
 * progress is never cached, so a cached bar does not change once written.
 */
export function lastCompleteDay(now = new Date()): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Fetches daily prices from Yahoo (or a mirror) into the cache, each symbol on its own: a failure (unknown
 * symbol, no data in the range, rate limit, server or network trouble, a malformed answer) is recorded
 * in its outcome and the others go on. A symbol already cached is fetched over the union of the cached
 * and the requested range, in one request, so its adjusted closes share one adjustment basis; the bars
 * are merged into the file (see `mergeBars`). Transient failures are retried with exponential backoff;
 * once a symbol has failed for network reasons, symbols not yet started are not tried.
 */
export async function fetchPrices(needs: readonly PriceNeed[], options: FetchOptions): Promise<FetchOutcome[]> {
  const lastDay = lastCompleteDay();
  for (const need of needs) {
    priceFileName(need.symbol);
    if (need.from > need.to) throw new InputError("invalid-option", `${need.symbol}: the range ${need.from} to ${need.to} is empty`);
    if (need.from > lastDay) throw new InputError("no-prices", `${need.symbol}: ${need.from} is after the last complete trading day (${lastDay}); nothing can be fetched yet`);
  }
  const client = await yahooChartClient({ baseUrl: options.yahooUrl, log: options.log });
  const retry = options.retry ?? DEFAULT_RETRY;
  const manifest = readManifest(options.cacheDir);
  let networkDown: PriceFetchError | null = null;
  let done = 0;
  const origin = options.yahooUrl ?? YAHOO_CHART_URL;
  options.onProgress?.({ type: "start", total: needs.length, origin });

  const fetchOne = async (need: PriceNeed): Promise<FetchOutcome> => {
    const { symbol } = need;
    const previous = manifest.symbols[symbol] ?? null;
    const outcome: FetchOutcome = { symbol, error: null, previous, entry: null, added: 0, changed: 0, kept: 0, invalidRows: [] };
    const from = previous !== null && previous.from < need.from ? previous.from : need.from;
    const wanted = need.to < lastDay ? need.to : lastDay;
    const to = previous !== null && previous.to > wanted ? previous.to : wanted;
    try {
      if (networkDown !== null) throw new PriceFetchError("network", `not tried, the network failed for another symbol: ${networkDown.message}`);
      let attempts = 1;
      const chart = await withRetry(
        () => client.chart(symbol, from, to),
        retry,
        (error) => error instanceof PriceFetchError && error.transient,
        (error, attempt, delayMs) => {
          attempts = attempt + 1;
          options.onProgress?.({ type: "retry", symbol, error: error as PriceFetchError, attempt, attempts: retry.attempts, delayMs });
        },
      ).catch((error: unknown) => {
        if (error instanceof PriceFetchError && error.transient && attempts > 1) throw new PriceFetchError(error.failure, `${error.message} (${attempts} attempts)`);
        throw error;
      });
      const prices = chartPrices(chart, from, to);
      if (prices.bars.length === 0) throw new PriceFetchError("no-data", `no daily prices between ${from} and ${to}`);
      const merged = mergeBars(cachedBars(options.cacheDir, symbol) ?? [], prices.bars);
      parsePriceCsv(formatPriceCsv(merged.bars), priceFileName(symbol), (line, reason) => outcome.invalidRows.push({ line, reason }));
      outcome.entry = commitToCache(options.cacheDir, symbol, merged.bars, {
        source: "yahoo",
        origin,
        fetchedAt: new Date().toISOString(),
        from,
        to,
        currency: prices.currency,
        timeZone: prices.timeZone,
        dividends: prices.dividends,
        splits: prices.splits,
      });
      Object.assign(outcome, { added: merged.added, changed: merged.changed, kept: merged.kept });
    } catch (error) {
      if (!(error instanceof PriceFetchError)) throw error;
      if (error.failure === "network") networkDown ??= error;
      const kept = previous === null ? "" : `; the cached copy (${previous.first} to ${previous.last}, fetched ${previous.fetchedAt.slice(0, 10)}) is kept`;
      const delisted = error.failure === "unknown-symbol" && previous !== null ? " (delisted?)" : "";
      outcome.error = new PriceFetchError(error.failure, `${symbol}${delisted}: ${error.message}${kept}`);
    }
    options.onProgress?.({ type: "done", outcome, done: ++done, total: needs.length });
    return outcome;
  };
  return mapWithConcurrency(needs, options.concurrency ?? DEFAULT_CONCURRENCY, fetchOne);
}
