import { existsSync, watch, type FSWatcher } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { bundledNames, NameMatcher } from "../claims/names.js";
import { checkParagraph } from "../claims/paragraph.js";
import { InputError } from "../errors.js";
import { PriceFetchError } from "../sources/fetchError.js";
import { priceDir } from "../sources/localFiles.js";
import { filterCatalog, readCatalog, type CatalogEvent } from "../sources/catalog.js";
import type { CheckJob, CheckJobResult, CheckWorkerData } from "./checkJobs.js";
import { parseCheckQuery, parseTextQuery, queryRecord, type CheckQuery } from "./checkQuery.js";
import { SERVE_DEFAULTS } from "./limits.js";
import { LruCache } from "./lruCache.js";
import { CONTENT_SECURITY_POLICY, errorOutcome, exampleOutcome, invalidFields, paragraphOutcome, servePage, type FormValues } from "./page.js";
import { folderForms, publicText } from "./publicText.js";
import { ServePrices } from "./servePrices.js";
import { PoolBusyError, TimeLimitError, WorkerPool, type PoolStats } from "./workerPool.js";

export interface ServeOptions {
  /** Folder of price files, searched before the cache and the bundled data. */
  dataDir?: string | undefined;
  /** Folder of price files of the stocks to rank each checked day among. */
  universeDir?: string | undefined;
  /** The price cache (default: see `cacheDir`). */
  cacheDir?: string | undefined;
  /** Never fetch from Yahoo: serve what the folders hold. */
  offline?: boolean | undefined;
  /** A mirror of Yahoo's query host (default: Yahoo). */
  yahooUrl?: string | undefined;
  /** How many checks are kept, the least recently used dropped first (defaults of these limits: `SERVE_DEFAULTS`). */
  cacheSize?: number | undefined;
  /** Worker threads that compute checks and charts. */
  workers?: number | undefined;
  /** Computations that may wait for a worker; beyond, requests get a 503. */
  queueLimit?: number | undefined;
  /** Seconds a computation may take, waiting included, before its request gets a 503. */
  timeLimit?: number | undefined;
  /** The worker thread's module (default: `checkWorker.js` beside this module; a bundle or a test may point elsewhere). */
  workerModule?: URL | undefined;
  /** Where internal errors and fetches are logged (default: stderr). */
  log?: ((line: string) => void) | undefined;
}

/** A check in the result cache: its computation, and the charts of its page once asked for. */
interface CachedCheck {
  result: Promise<CheckResult>;
  outcome?: Promise<string>;
}

/** A computed check, or the bad input it was (kept like a result: asking again gives the same 400). */
type CheckResult = { kind: "check"; json: string; priceDirs: string[] } | { kind: "input-error"; error: InputError };

const eventsQuerySchema = z.object({
  symbol: z.string({ error: "give it once" }).min(1).optional(),
  action: z.string({ error: "give it once" }).min(1).optional(),
  authority: z.string({ error: "give it once" }).min(1).optional(),
});

const INTERNAL_ERROR = "internal error: the server could not complete this request (the details are in the server's log)";

/** A failure the client can do nothing about now but try again later (a 503 with Retry-After). */
function isTransient(error: unknown): boolean {
  return error instanceof PoolBusyError || error instanceof TimeLimitError || (error instanceof PriceFetchError && error.transient);
}

/**
 * The claim-check web server (not yet listening): the form at `/`, results at `/check?symbol=&date=&claim=&market=`
 * (shareable; the form's GET target), `GET /api/check?...` with the JSON of `event-impact check --json`, and
 * `GET /api/events` (the catalog, filtered by `symbol`, `action`, `authority` as `event-impact events`).
 * Checks and charts run on worker threads (see `WorkerPool`), which keep the price series loaded and
 * read a file again only when it changed; results are cached per validated request until a price folder
 * changes. Bad input is a 400 with the reason (on the page, or `{ error }` from the API); a full queue, a
 * computation over the time limit or Yahoo out of reach a 503 with Retry-After; anything else a 500 with a
 * generic message, its stack trace going to `log`. No answer names a folder of the server.
 */
export function claimCheckServer(options: ServeOptions = {}): { server: Server; stats(): PoolStats; dispose(): Promise<void> } {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const prices = new ServePrices({ dataDir: options.dataDir, cacheDir: options.cacheDir, offline: options.offline, yahooUrl: options.yahooUrl, log });
  const folders = [...prices.folders, ...(options.universeDir === undefined ? [] : [options.universeDir])].flatMap((dir) => [dir, priceDir(dir)]);
  const forms = folderForms(folders);
  const publicMessage = (message: string) => publicText(message, forms);
  const workerData: CheckWorkerData = { universeDir: options.universeDir, folders };
  const pool = new WorkerPool<CheckJob, CheckJobResult>({
    module: options.workerModule ?? new URL("./checkWorker.js", import.meta.url),
    size: options.workers ?? SERVE_DEFAULTS.workers,
    queueLimit: options.queueLimit ?? SERVE_DEFAULTS.queueLimit,
    timeLimitMs: (options.timeLimit ?? SERVE_DEFAULTS.timeLimit) * 1000,
    workerData,
  });
  const checks = new LruCache<string, CachedCheck>(options.cacheSize ?? SERVE_DEFAULTS.cacheSize);
  const watchers = watchFolders(folders, () => {
    checks.clear();
    prices.changed();
  });
  let catalog: CatalogEvent[] | undefined;

  const validated = (params: URLSearchParams): CheckQuery => {
    const query = parseCheckQuery(params);
    const symbol = prices.resolve(query.symbol, "symbol");
    const market = query.market === undefined ? undefined : prices.resolve(query.market, "market");
    return { ...query, symbol, market };
  };

  const computeCheck = async (query: CheckQuery): Promise<CheckResult> => {
    const priceDirs = await prices.prepare(query);
    const result = await pool.run({ kind: "check", query, priceDirs });
    if (result.kind === "outcome") throw new Error("a check job answered with a page");
    if (result.kind === "input-error") return { kind: "input-error", error: new InputError(result.code, result.message, { field: result.field, issues: result.issues }) };
    return { ...result, priceDirs };
  };

  /** The check of a query, computed once however many requests ask for it at once; failures other than bad input are not kept. */
  const cachedCheck = (query: CheckQuery): CachedCheck => {
    const key = JSON.stringify([query.symbol, query.date, query.claim ?? null, query.market ?? null]);
    let entry = checks.get(key);
    if (entry === undefined) {
      const created: CachedCheck = { result: computeCheck(query) };
      created.result.catch(() => checks.get(key) === created && checks.delete(key));
      checks.set(key, created);
      entry = created;
    }
    return entry;
  };

  /** The result part of a check's page: its charts are drawn once per cached check. */
  const outcomeOf = (entry: CachedCheck, query: CheckQuery, json: string, priceDirs: string[]): Promise<string> => {
    if (entry.outcome === undefined) {
      const outcome = pool.run({ kind: "outcome", query, priceDirs, json }).then((result) => {
        if (result.kind !== "outcome") throw new Error(`a page job answered with ${result.kind}`);
        return result.html;
      });
      outcome.catch(() => entry.outcome === outcome && delete entry.outcome);
      entry.outcome = outcome;
    }
    return entry.outcome;
  };

  const page = (res: ServerResponse, status: number, title: string, form: FormValues, outcome: string, invalid: string[] = [], headers: Record<string, string> = {}) =>
    send(res, status, "text/html; charset=utf-8", servePage({ title, form, invalid, outcome, symbols: prices.symbols() }), { "content-security-policy": CONTENT_SECURITY_POLICY, ...headers });
  const json = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => send(res, status, "application/json; charset=utf-8", body, headers);

  /** Bad input: a 400 naming the fields at fault; a failure worth a retry: a 503 with Retry-After; else rethrown (a 500). */
  const problem = (error: unknown): { status: number; message: string; invalid: string[]; headers: Record<string, string> } => {
    if (isTransient(error)) {
      const message = `the server cannot answer now: ${publicMessage((error as Error).message)}; try again in ${SERVE_DEFAULTS.retryAfter} s`;
      return { status: 503, message, invalid: [], headers: { "retry-after": String(SERVE_DEFAULTS.retryAfter) } };
    }
    if (error instanceof InputError) return { status: 400, message: publicMessage(error.message), invalid: invalidFields(error), headers: {} };
    throw error;
  };

  const checkPage = async (res: ServerResponse, params: URLSearchParams) => {
    if ([...params.keys()].length === 0) return page(res, 200, "event-impact: check a claim", {}, exampleOutcome());
    const form = formValues(params);
    try {
      const query = validated(params);
      const entry = cachedCheck(query);
      const result = await entry.result;
      if (result.kind === "input-error") throw result.error;
      page(res, 200, `${query.symbol} on ${query.date}: claim check`, { ...query }, await outcomeOf(entry, query, result.json, result.priceDirs));
    } catch (error) {
      const { status, message, invalid, headers } = problem(error);
      page(res, status, "Cannot check this claim", form, errorOutcome("Cannot check this claim", message), invalid, headers);
    }
  };

  const apiCheck = async (res: ServerResponse, params: URLSearchParams) => {
    try {
      const result = await cachedCheck(validated(params)).result;
      if (result.kind === "input-error") throw result.error;
      json(res, 200, result.json);
    } catch (error) {
      const { status, message, headers } = problem(error);
      json(res, status, errorJson(message), headers);
    }
  };

  /**
   * Every claim of a paragraph (`/check-text`, `/api/check-text`), on the prices the server's folders
   * hold (nothing is fetched for a paragraph), computed on the main thread; the names table is built on
   * the first paragraph and kept.
   */
  let names: NameMatcher | undefined;
  const paragraphCheck = (params: URLSearchParams) => {
    names ??= new NameMatcher(bundledNames({ universeDir: options.universeDir }));
    return checkParagraph({ ...parseTextQuery(params), priceDirs: prices.folders, names });
  };

  const textPage = (res: ServerResponse, params: URLSearchParams) => {
    const form = { text: params.get("text") ?? undefined, date: params.get("date") ?? undefined };
    try {
      const result = paragraphCheck(params);
      page(res, 200, `${result.claims.length} claims checked`, form, paragraphOutcome(result));
    } catch (error) {
      const { status, message, invalid, headers } = problem(error);
      page(res, status, "Cannot check this text", form, errorOutcome("Cannot check this text", message), invalid, headers);
    }
  };

  const apiText = (res: ServerResponse, params: URLSearchParams) => {
    try {
      json(res, 200, `${JSON.stringify(paragraphCheck(params), null, 2)}\n`);
    } catch (error) {
      const { status, message, headers } = problem(error);
      json(res, status, errorJson(message), headers);
    }
  };

  const apiEvents = (res: ServerResponse, params: URLSearchParams) => {
    const parsed = eventsQuerySchema.safeParse(queryRecord(params, Object.keys(eventsQuerySchema.shape)));
    if (!parsed.success) return json(res, 400, errorJson(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n")));
    catalog ??= readCatalog();
    const { symbol, action, authority } = parsed.data;
    json(res, 200, `${JSON.stringify(filterCatalog(catalog, { symbols: symbol === undefined ? undefined : [symbol], action, authority }), null, 2)}\n`);
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return url.pathname.startsWith("/api/") ? json(res, 405, errorJson(`${req.method} is not allowed here: use GET`)) : send(res, 405, "text/plain; charset=utf-8", "Method not allowed: use GET\n");
    }
    switch (url.pathname) {
      case "/":
        return page(res, 200, "event-impact: check a claim", {}, exampleOutcome());
      case "/check":
        return checkPage(res, url.searchParams);
      case "/api/check":
        return apiCheck(res, url.searchParams);
      case "/api/events":
        return apiEvents(res, url.searchParams);
      case "/check-text":
        return textPage(res, url.searchParams);
      case "/api/check-text":
        return apiText(res, url.searchParams);
      default:
        if (url.pathname.startsWith("/api/")) return json(res, 404, errorJson(`no API at ${url.pathname}: use /api/check, /api/check-text or /api/events`));
        return page(res, 404, "Not found", {}, errorOutcome("Not found", `There is no page at ${url.pathname}. Use the form above.`));
    }
  };

  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      return send(res, 400, "text/plain; charset=utf-8", "Bad request: unreadable URL\n");
    }
    route(req, res, url).catch((error: unknown) => {
      log(`${new Date().toISOString()} ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (res.headersSent) return res.destroy();
      if (url.pathname.startsWith("/api/")) return json(res, 500, errorJson(INTERNAL_ERROR));
      send(res, 500, "text/html; charset=utf-8", servePage({ title: "Server error", form: formValues(url.searchParams), outcome: errorOutcome("Server error", INTERNAL_ERROR), symbols: [] }), { "content-security-policy": CONTENT_SECURITY_POLICY });
    });
  });
  const dispose = () => {
    for (const watcher of watchers) watcher.close();
    return pool.close();
  };
  server.on("close", () => void dispose());
  return { server, stats: () => pool.stats(), dispose };
}

/**
 * Watches folders for any change to the files in them (added, removed, rewritten); folders that do not
 * exist are not watched. A watch that fails later is closed (files are still re-read when they change;
 * only cached results may then be stale).
 */
function watchFolders(folders: readonly string[], onChange: () => void): FSWatcher[] {
  return [...new Set(folders.filter((dir) => existsSync(dir)))].map((dir) => {
    const watcher = watch(dir, { persistent: false }, onChange);
    watcher.on("error", () => watcher.close());
    return watcher;
  });
}

/** A running server: its base URL and how to stop it (open connections are closed too). */
export interface RunningServer {
  url: string;
  server: Server;
  /** The workers' state: threads, jobs running and waiting, jobs done. */
  stats(): PoolStats;
  close(): Promise<void>;
}

/**
 * Starts the claim-check server on a host and port (port 0: any free one) and resolves once it listens.
 * A port in use, a port the user may not bind or an unknown host is an `InputError`.
 */
export function startServer(options: ServeOptions & { port: number; host: string }): Promise<RunningServer> {
  const { server, stats, dispose } = claimCheckServer(options);
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => void dispose().then(() => reject(listenError(error, options))));
    server.listen(options.port, options.host, () => {
      const { address, port } = server.address() as AddressInfo;
      resolve({
        url: `http://${address.includes(":") ? `[${address}]` : address}:${port}/`,
        server,
        stats,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function listenError(error: NodeJS.ErrnoException, where: { port: number; host: string }): Error {
  const at = `${where.host}:${where.port}`;
  if (error.code === "EADDRINUSE") return new InputError("cannot-listen", `port ${where.port} is in use on ${where.host}: stop the other server or choose another --port`);
  if (error.code === "EACCES") return new InputError("cannot-listen", `not allowed to listen on ${at}: choose a --port above 1023`);
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") return new InputError("cannot-listen", `cannot listen on ${at}: --host ${where.host} is not an address of this machine`);
  return error;
}

/** The form's values as the request gave them (the first of repeated ones), to show them again. */
function formValues(params: URLSearchParams): FormValues {
  const get = (name: string) => params.get(name) ?? undefined;
  return { symbol: get("symbol"), date: get("date"), claim: get("claim"), market: get("market") };
}

function errorJson(message: string): string {
  return `${JSON.stringify({ error: message }, null, 2)}\n`;
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...headers,
  });
  res.end(body);
}
