import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { addDays } from "../calendar/isoDate.js";
import { PriceFetchError } from "./fetchError.js";
import { chartResultSchema, type ChartResult } from "./yahooChart.js";

/** The host yahoo-finance2 asks for charts. */
export const YAHOO_CHART_URL = "https://query2.finance.yahoo.com";

/** Hosts of Yahoo Finance (query1, query2, finance.yahoo.com) that a mirror stands in for. */
const YAHOO_HOST = /(^|\.)finance\.yahoo\.com$/i;

/** A request with no complete answer after this long fails (`requestTimeoutMs`). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** The most bytes read from the wire for one response (a daily chart of 30 years is ~1 MB of JSON, ~0.3 MB gzipped). */
const MAX_WIRE_BYTES = 8 * 2 ** 20;

/** The most bytes a response may decompress to: a gzip bomb is cut off here, not held in memory. */
const MAX_BODY_BYTES = 32 * 2 ** 20;

/** Redirects followed for one request, each to the same host. */
const MAX_REDIRECTS = 5;

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

const NETWORK_CODES = new Map([
  ["ECONNREFUSED", "connection refused"],
  ["ECONNRESET", "connection reset"],
  ["ENOTFOUND", "host not found"],
  ["EAI_AGAIN", "host name lookup failed"],
  ["EAI_FAIL", "host name lookup failed"],
  ["ETIMEDOUT", "connection timed out"],
  ["ENETUNREACH", "network unreachable"],
  ["EHOSTUNREACH", "host unreachable"],
  ["ECONNABORTED", "connection aborted"],
  ["EPIPE", "connection closed"],
]);

/** One line from a text a server sent: whitespace collapsed, at most `max` characters. */
function oneLine(text: string, max = 120): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max)}...` : line;
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
  return { code: oneLine(String(error.code ?? "")), description: oneLine(String(error.description ?? ""), 200) };
}

/** How long and how much one request may take, and the command's deadline. */
export interface RequestLimits {
  /** Per request (default `DEFAULT_REQUEST_TIMEOUT_MS`). */
  timeoutMs?: number | undefined;
  /** Aborted when the command's deadline passes, with an `Error` whose message says so (see `fetchPrices`). */
  deadline?: AbortSignal | undefined;
}

interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

const DECODERS = new Map<string, () => Transform>([
  ["gzip", () => createGunzip()],
  ["x-gzip", () => createGunzip()],
  ["deflate", () => createInflate()],
  ["br", () => createBrotliDecompress()],
]);

/**
 * One GET with node:http(s), read whole within the limits: a response larger than `MAX_WIRE_BYTES` on
 * the wire or `MAX_BODY_BYTES` decoded is cut off (the socket destroyed, nothing more buffered). Every
 * failure is a `PriceFetchError` naming the host; network errors keep their system code (`errno`).
 */
function get(url: URL, headers: Record<string, string>, timeoutMs: number, deadline: AbortSignal | undefined): Promise<RawResponse> {
  const where = url.host;
  return new Promise((resolve, reject) => {
    let settled = false;
    let decoder: Transform | undefined;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      deadline?.removeEventListener("abort", onDeadline);
    };
    const fail = (error: PriceFetchError) => {
      if (settled) return;
      finish();
      request.destroy();
      decoder?.destroy();
      reject(error);
    };
    const onDeadline = () => fail(new PriceFetchError("network", `${where}: ${(deadline!.reason as Error).message}`, "ETIMEDOUT"));
    const timer = setTimeout(() => fail(new PriceFetchError("network", `${where}: no complete answer within ${timeoutMs / 1000} s`, "ETIMEDOUT")), timeoutMs);
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, { method: "GET", headers: { ...headers, "accept-encoding": "gzip, deflate, br" } }, (response) => {
      const status = response.statusCode ?? 0;
      const wireLength = Number(response.headers["content-length"]);
      if (wireLength > MAX_WIRE_BYTES) return fail(new PriceFetchError("too-large", `${where} announced a response of ${wireLength} bytes, more than the ${MAX_WIRE_BYTES} allowed`));
      let wire = 0;
      let body = 0;
      const chunks: Buffer[] = [];
      const encoding = String(response.headers["content-encoding"] ?? "identity").toLowerCase();
      decoder = DECODERS.get(encoding)?.();
      response.on("data", (chunk: Buffer) => {
        wire += chunk.length;
        if (wire > MAX_WIRE_BYTES) fail(new PriceFetchError("too-large", `${where} sent more than ${MAX_WIRE_BYTES} bytes; stopped reading`));
      });
      const decoded = decoder === undefined ? response : response.pipe(decoder);
      decoded.on("data", (chunk: Buffer) => {
        body += chunk.length;
        if (body > MAX_BODY_BYTES) return fail(new PriceFetchError("too-large", `${where} sent a response that decompresses to more than ${MAX_BODY_BYTES} bytes (${encoding}); stopped reading`));
        chunks.push(chunk);
      });
      decoded.on("error", (error: NodeJS.ErrnoException) => fail(new PriceFetchError("malformed", `${where} sent a ${encoding} body that cannot be decoded: ${oneLine(error.message)}`)));
      response.on("error", (error: NodeJS.ErrnoException) => fail(networkError(where, error)));
      response.on("aborted", () => fail(new PriceFetchError("network", `${where}: connection closed before the response was complete`, "ECONNRESET")));
      decoded.on("end", () => {
        if (settled) return;
        finish();
        const out = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value === undefined || name === "content-encoding" || name === "content-length") continue;
          for (const item of Array.isArray(value) ? value : [value]) out.append(name, item);
        }
        resolve({ status, statusText: response.statusMessage ?? "", headers: out, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    request.on("error", (error: NodeJS.ErrnoException) => fail(networkError(where, error)));
    if (deadline?.aborted) return onDeadline();
    deadline?.addEventListener("abort", onDeadline, { once: true });
    request.end();
  });
}

function networkError(where: string, error: NodeJS.ErrnoException): PriceFetchError {
  const code = error.code ?? "";
  const reason = NETWORK_CODES.get(code);
  return new PriceFetchError("network", `no answer from ${where}: ${reason === undefined ? oneLine(error.message) : `${reason} (${code})`}`, code || undefined);
}

/**
 * The `fetch` handed to yahoo-finance2: moves Yahoo URLs to `baseUrl` when one is given (a mirror or
 * proxy, `http://` allowed), makes the request with `get` (per-request timeout, the command's deadline,
 * size caps), follows redirects only to the same host, and turns every answer that is not a chart into
 * a classified `PriceFetchError` (rate limit, server error, unknown symbol, no data, not JSON, too
 * large, network failure), so the library only ever sees successful JSON responses.
 */
export function mirrorFetch(baseUrl: string | undefined, limits: RequestLimits = {}): typeof fetch {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return async (input, init) => {
    const requested = new URL(input instanceof Request ? input.url : String(input));
    let url = baseUrl !== undefined && YAHOO_HOST.test(requested.hostname) ? rebaseUrl(requested, baseUrl) : requested;
    const headers = Object.fromEntries(new Headers(init?.headers));
    let response = await get(url, headers, timeoutMs, limits.deadline);
    for (let redirects = 0; response.status >= 300 && response.status < 400 && response.headers.has("location"); redirects++) {
      const target = new URL(response.headers.get("location")!, url);
      if (target.host !== url.host || target.protocol !== url.protocol) {
        throw new PriceFetchError("http-error", `${url.host} redirected to ${target.protocol}//${target.host}; only redirects to the same host are followed`);
      }
      if (redirects === MAX_REDIRECTS) throw new PriceFetchError("http-error", `${url.host} redirected more than ${MAX_REDIRECTS} times`);
      url = target;
      response = await get(url, headers, timeoutMs, limits.deadline);
    }
    const where = url.host;
    const { status, text } = response;
    if (status === 429) throw new PriceFetchError("rate-limited", `${where} answered HTTP 429 Too Many Requests (rate limit)`);
    if (status >= 500) throw new PriceFetchError("server-error", `${where} answered HTTP ${status} ${oneLine(response.statusText)}`.trimEnd());
    const json = parseJson(text);
    const yahooError = chartError(json);
    if (yahooError !== null) {
      if (/no data found|delisted/i.test(yahooError.description)) throw new PriceFetchError("unknown-symbol", `unknown or delisted symbol (Yahoo: "${yahooError.description}")`);
      if (/data doesn't exist|no data/i.test(yahooError.description)) throw new PriceFetchError("no-data", `no prices in the range (Yahoo: "${yahooError.description}")`);
      throw new PriceFetchError("http-error", `${where} answered HTTP ${status}: ${yahooError.code}: ${yahooError.description}`);
    }
    if (status < 200 || status >= 300) throw new PriceFetchError("http-error", `${where} answered HTTP ${status} ${oneLine(response.statusText)}`.trimEnd());
    if (json === undefined) throw new PriceFetchError("malformed", `${where} sent a response that is not JSON (${text.length} bytes, starting "${oneLine(text, 40)}")`);
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
export async function yahooChartClient(options: { baseUrl?: string | undefined; log?: LibraryLog | undefined; limits?: RequestLimits | undefined } = {}): Promise<ChartClient> {
  const [{ default: createYahooFinance }, { default: chart }] = await Promise.all([import("yahoo-finance2/createYahooFinance"), import("yahoo-finance2/modules/chart")]);
  const YahooFinance = createYahooFinance({ modules: { chart } });
  const log = options.log ?? (() => {});
  const write = (level: string) => (...args: unknown[]) => log(`[yahoo-finance2 ${level}] ${args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ")}`);
  const client = new YahooFinance({
    fetch: mirrorFetch(options.baseUrl, options.limits),
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
