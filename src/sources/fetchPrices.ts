import { lastCompleteDay } from "../calendar/isoDate.js";
import { InputError } from "../errors.js";
import { PriceFetchError } from "./fetchError.js";
import { mergeBars } from "./mergeBars.js";
import type { PriceBar } from "./priceBar.js";
import { cacheState, commitToCache, readManifest, sweepStaleTemporaryFiles, type CacheEntry } from "./priceCache.js";
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
  /** The cache entry before the fetch, if the symbol was cached (and its file matched it, see `cacheState`). */
  previous: CacheEntry | null;
  /** The cache held a file for the symbol that its manifest did not vouch for (no entry, another hash, unreadable): replaced. */
  repaired: boolean;
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
  /** The deadline of the whole fetch, retries included (default `DEFAULT_TIMEOUT_MS`): symbols unfinished by then fail. */
  timeoutMs?: number | undefined;
  /** The longest one request may take (default `DEFAULT_REQUEST_TIMEOUT_MS`, 10 s). */
  requestTimeoutMs?: number | undefined;
}

/** The deadline of a fetch unless told otherwise (`--timeout`). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Symbols fetched at once unless told otherwise: few enough not to provoke Yahoo's rate limit. */
const DEFAULT_CONCURRENCY = 4;

/**
 * Fetches daily prices from Yahoo (or a mirror) into the cache, each symbol on its own: a failure (unknown
 * symbol, no data in the range, rate limit, server or network trouble, a malformed answer) is recorded
 * in its outcome and the others go on. A symbol already cached is fetched over the union of the cached
 * and the requested range, in one request, so its adjusted closes share one adjustment basis; the bars
 * are merged into the file (see `mergeBars`); a cached file its manifest does not vouch for (see
 * `cacheState`) is replaced, not merged. Transient failures are retried with exponential backoff
 * (not a host name that does not resolve, a timeout, or a second refused connection); once a symbol has
 * failed for network reasons, symbols not yet started are not tried. Everything runs under one deadline
 * (`timeoutMs`): a request it cuts short fails, and symbols not started by then are not tried.
 */
export async function fetchPrices(needs: readonly PriceNeed[], options: FetchOptions): Promise<FetchOutcome[]> {
  const lastDay = lastCompleteDay();
  for (const need of needs) {
    priceFileName(need.symbol);
    if (need.from > need.to) throw new InputError("invalid-option", `${need.symbol}: the range ${need.from} to ${need.to} is empty`);
    if (need.from > lastDay) throw new InputError("no-prices", `${need.symbol}: ${need.from} is after the last complete trading day (${lastDay}); nothing can be fetched yet`);
  }
  sweepStaleTemporaryFiles(options.cacheDir);
  const manifest = readManifest(options.cacheDir);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineReached = new PriceFetchError("network", `the ${timeoutMs / 1000} s deadline for fetching passed (--timeout)`, "ETIMEDOUT");
  const controller = new AbortController();
  const deadline = controller.signal;
  const client = await yahooChartClient({ baseUrl: options.yahooUrl, log: options.log, limits: { timeoutMs: options.requestTimeoutMs, deadline } });
  const timer = setTimeout(() => controller.abort(deadlineReached), timeoutMs);
  const retry = options.retry ?? DEFAULT_RETRY;
  let networkDown: PriceFetchError | null = null;
  let done = 0;
  const origin = options.yahooUrl ?? YAHOO_CHART_URL;
  options.onProgress?.({ type: "start", total: needs.length, origin });

  const fetchOne = async (need: PriceNeed): Promise<FetchOutcome> => {
    const { symbol } = need;
    const state = cacheState(options.cacheDir, manifest, symbol);
    const previous = state.status === "ok" ? state.entry : null;
    const outcome: FetchOutcome = { symbol, error: null, previous, repaired: false, entry: null, added: 0, changed: 0, kept: 0, invalidRows: [] };
    const from = previous !== null && previous.from < need.from ? previous.from : need.from;
    const wanted = need.to < lastDay ? need.to : lastDay;
    const to = previous !== null && previous.to > wanted ? previous.to : wanted;
    try {
      if (networkDown !== null) throw new PriceFetchError("network", `not tried, the network failed for another symbol: ${networkDown.message}`);
      if (deadline.aborted) throw new PriceFetchError("network", `not tried: ${deadlineReached.message}`);
      let attempts = 1;
      const chart = await withRetry(
        () => client.chart(symbol, from, to),
        retry,
        (error, attempt) => error instanceof PriceFetchError && error.retryable(attempt),
        (error, attempt, delayMs) => {
          attempts = attempt + 1;
          options.onProgress?.({ type: "retry", symbol, error: error as PriceFetchError, attempt, attempts: retry.attempts, delayMs });
        },
        deadline,
      ).catch((error: unknown) => {
        if (error instanceof PriceFetchError && attempts > 1) throw new PriceFetchError(error.failure, `${error.message} (${attempts} attempts)`, error.errno);
        throw error;
      });
      const prices = chartPrices(chart, from, to);
      if (prices.bars.length === 0) throw new PriceFetchError("no-data", `no daily prices between ${from} and ${to}`);
      let stored: readonly PriceBar[] = [];
      const committed = await commitToCache(options.cacheDir, symbol, (current) => {
        const merged = mergeBars(current.status === "ok" ? current.bars : [], prices.bars);
        stored = merged.bars;
        Object.assign(outcome, { added: merged.added, changed: merged.changed, kept: merged.kept });
        const range = current.status === "ok" ? current.entry : { from, to };
        return {
          bars: merged.bars,
          info: {
            source: "yahoo",
            origin,
            fetchedAt: new Date().toISOString(),
            from: range.from < from ? range.from : from,
            to: range.to > to ? range.to : to,
            currency: prices.currency,
            timeZone: prices.timeZone,
            dividends: prices.dividends,
            splits: prices.splits,
          },
        };
      });
      outcome.entry = committed.entry;
      outcome.previous = committed.state.status === "ok" ? committed.state.entry : null;
      outcome.repaired = committed.state.status === "unindexed" || committed.state.status === "mismatch";
      parsePriceCsv(formatPriceCsv(stored), priceFileName(symbol), (line, reason) => outcome.invalidRows.push({ line, reason }));
    } catch (error) {
      if (!(error instanceof PriceFetchError)) throw error;
      if (error.failure === "network" && !deadline.aborted) networkDown ??= error;
      const kept = previous === null ? "" : `; the cached copy (${previous.first} to ${previous.last}, fetched ${previous.fetchedAt.slice(0, 10)}) is kept`;
      const delisted = error.failure === "unknown-symbol" && previous !== null ? " (delisted?)" : "";
      outcome.error = new PriceFetchError(error.failure, `${symbol}${delisted}: ${error.message}${kept}`, error.errno, error.reason);
    }
    options.onProgress?.({ type: "done", outcome, done: ++done, total: needs.length });
    return outcome;
  };
  try {
    return await mapWithConcurrency(needs, options.concurrency ?? DEFAULT_CONCURRENCY, fetchOne);
  } finally {
    clearTimeout(timer);
  }
}
