import { addDays } from "../calendar/isoDate.js";
import { PriceFetchError } from "./fetchError.js";
import { chartResultSchema, type ChartResult } from "./yahooChart.js";

/** The host yahoo-finance2 asks for charts. */
export const YAHOO_CHART_URL = "https://query2.finance.yahoo.com";

/** Hosts of Yahoo Finance (query1, query2, finance.yahoo.com) that a mirror stands in for. */
const YAHOO_HOST = /(^|\.)finance\.yahoo\.com$/i;

/** A request with no answer after this long counts as a network failure. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A Yahoo URL moved to a mirror: the mirror's scheme, host and path prefix, then Yahoo's path and query.
 *
 * @example rebaseUrl(new URL("https://query2.finance.yahoo.com/v8/finance/chart/1810.HK?interval=1d"), "http://127.0.0.1:8080/yahoo").href
 * // "http://127.0.0.1:8080/yahoo/v8/finance/chart/1810.HK?interval=1d"
 */
export function rebaseUrl(url: URL, baseUrl: string): URL {
  const base = new URL(baseUrl);
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, "")}${url.pathname}${url.search}`);
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  ENETUNREACH: "network unreachable",
  EHOSTUNREACH: "host unreachable",
  UND_ERR_SOCKET: "connection closed before the response was complete",
};

function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code !== undefined && NETWORK_CODES[code] !== undefined) return `${NETWORK_CODES[code]} (${code})`;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `{ code, description }` Yahoo puts in `chart.error`, if any. */
function chartError(json: unknown): { code: string; description: string } | null {
  const error = (json as { chart?: { error?: { code?: unknown; description?: unknown } | null } } | undefined)?.chart?.error;
  if (error === null || error === undefined || typeof error !== "object") return null;
  return { code: String(error.code ?? ""), description: String(error.description ?? "") };
}

/**
 * The `fetch` handed to yahoo-finance2: moves Yahoo URLs to `baseUrl` when one is given (a mirror or
 * proxy, `http://` allowed), reads the whole body under a timeout, and turns every answer that is not a
 * chart into a classified `PriceFetchError` (rate limit, server error, unknown symbol, no data, not JSON,
 * network failure), so the library only ever sees successful JSON responses.
 */
export function mirrorFetch(baseUrl: string | undefined): typeof fetch {
  return async (input, init) => {
    const requested = new URL(input instanceof Request ? input.url : String(input));
    const url = baseUrl !== undefined && YAHOO_HOST.test(requested.hostname) ? rebaseUrl(requested, baseUrl) : requested;
    const where = url.host;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      text = await response.text();
    } catch (error) {
      throw new PriceFetchError("network", `no answer from ${where}: ${networkReason(error)}`);
    }
    const { status } = response;
    if (status === 429) throw new PriceFetchError("rate-limited", `${where} answered HTTP 429 Too Many Requests (rate limit)`);
    if (status >= 500) throw new PriceFetchError("server-error", `${where} answered HTTP ${status} ${response.statusText}`.trimEnd());
    const json = parseJson(text);
    const yahooError = chartError(json);
    if (yahooError !== null) {
      if (/no data found|delisted/i.test(yahooError.description)) throw new PriceFetchError("unknown-symbol", `unknown or delisted symbol (Yahoo: "${yahooError.description}")`);
      if (/data doesn't exist|no data/i.test(yahooError.description)) throw new PriceFetchError("no-data", `no prices in the range (Yahoo: "${yahooError.description}")`);
      throw new PriceFetchError("http-error", `${where} answered HTTP ${status}: ${yahooError.code}: ${yahooError.description}`);
    }
    if (!response.ok) throw new PriceFetchError("http-error", `${where} answered HTTP ${status} ${response.statusText}`.trimEnd());
    if (json === undefined) {
      const start = text.slice(0, 40).replace(/\s+/g, " ");
      throw new PriceFetchError("malformed", `${where} sent a response that is not JSON (${text.length} bytes, starting "${start}")`);
    }
    return new Response(text, { status, statusText: response.statusText, headers: response.headers });
  };
}

/** Receives yahoo-finance2's own log lines (its warnings and notices), which users do not see by default. */
export type LibraryLog = (line: string) => void;

/** Daily charts from Yahoo (or a mirror), validated. */
export interface ChartClient {
  /** The validated chart of a symbol covering `[from, to]` (a day of margin either side, for time zones). */
  chart(symbol: string, from: string, to: string): Promise<ChartResult>;
}

/**
 * A chart client over yahoo-finance2's `chart` module (loaded on first use, so commands that do not fetch
 * never load it). Requests go through `mirrorFetch`; the library's logging goes to `log` (dropped when
 * none is given), which silences its "Unsupported environment" warning on Node 20 and its notices.
 */
export async function yahooChartClient(options: { baseUrl?: string | undefined; log?: LibraryLog | undefined } = {}): Promise<ChartClient> {
  const [{ default: createYahooFinance }, { default: chart }] = await Promise.all([import("yahoo-finance2/createYahooFinance"), import("yahoo-finance2/modules/chart")]);
  const YahooFinance = createYahooFinance({ modules: { chart } });
  const log = options.log ?? (() => {});
  const write = (level: string) => (...args: unknown[]) => log(`[yahoo-finance2 ${level}] ${args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ")}`);
  const client = new YahooFinance({
    fetch: mirrorFetch(options.baseUrl),
    logger: { info: write("info"), warn: write("warn"), error: write("error"), debug: write("debug"), dir: write("dir") },
    versionCheck: false,
    suppressNotices: ["yahooSurvey"],
  });
  return {
    async chart(symbol, from, to) {
      let raw: unknown;
      try {
        raw = await client.chart(symbol, { period1: addDays(from, -1), period2: addDays(to, 2), interval: "1d", events: "div|split", return: "object" }, { validateResult: false });
      } catch (error) {
        if (error instanceof PriceFetchError || (error instanceof Error && error.name === "InvalidOptionsError")) throw error;
        throw new PriceFetchError("malformed", `the response is not a chart: ${error instanceof Error ? error.message : String(error)}`);
      }
      const parsed = chartResultSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new PriceFetchError("malformed", `the chart does not have the expected shape: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
      }
      return parsed.data;
    },
  };
}
