import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sep } from "node:path";
import { z } from "zod";
import { checkClaim, type ClaimCheck } from "../claims/checkClaim.js";
import { InputError } from "../errors.js";
import { availableSymbols, bundledDataDir, priceDir } from "../sources/localFiles.js";
import { filterCatalog, readCatalog, type CatalogEvent } from "../study/catalog.js";
import { checkSearch, parseCheckQuery, queryRecord, resolveSymbol, type CheckQuery } from "./checkQuery.js";
import { LruCache } from "./lruCache.js";
import { CONTENT_SECURITY_POLICY, errorOutcome, exampleOutcome, invalidFields, resultOutcome, servePage, type FormValues } from "./page.js";
import { resultFigures } from "./resultFigures.js";

export interface ServeOptions {
  /** Folder of price files; symbols it lacks come from the bundled data. */
  dataDir?: string | undefined;
  /** Folder of price files of the stocks to rank each checked day among. */
  universeDir?: string | undefined;
  /** How many checks are kept, the least recently used dropped first (default 500). */
  cacheSize?: number | undefined;
  /** Where internal errors are logged with their stack trace (default: stderr). */
  log?: ((line: string) => void) | undefined;
}

/** A claim check and what is made from it on demand, kept per (symbol, date, claim, market). */
interface CachedCheck {
  result: ClaimCheck | InputError;
  json?: string;
  outcome?: Promise<string>;
}

const eventsQuerySchema = z.object({
  symbol: z.string({ error: "give it once" }).min(1).optional(),
  action: z.string({ error: "give it once" }).min(1).optional(),
  authority: z.string({ error: "give it once" }).min(1).optional(),
});

const INTERNAL_ERROR = "internal error: the server could not complete this request (the details are in the server's log)";

/**
 * The claim-check web server (not yet listening): the form at `/`, results at `/check?symbol=&date=&claim=&market=`
 * (shareable; the form's GET target), `GET /api/check?...` with the JSON of `event-impact check --json`, and
 * `GET /api/events` (the catalog, filtered by `symbol`, `action`, `authority` as `event-impact events`).
 * Bad input is a 400 with the reason (on the page, or `{ error }` from the API); anything else a 500
 * with a generic message, its stack trace going to `log`. Checks are cached per validated request.
 */
export function claimCheckServer(options: ServeOptions = {}): Server {
  const dataDirs = [...new Set([options.dataDir ?? bundledDataDir, bundledDataDir])];
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const checks = new LruCache<string, CachedCheck>(options.cacheSize ?? 500);
  let catalog: CatalogEvent[] | undefined;
  const folders = [...dataDirs.map(priceDir), ...(options.universeDir === undefined ? [] : [priceDir(options.universeDir)])];
  const symbols = () => [...new Set(dataDirs.flatMap(availableSymbols))].sort();

  /** A message for the page or API: without the server's folders, control characters shown as escapes. */
  const publicMessage = (message: string) =>
    folders
      .reduce((text, folder) => text.split(`${folder}${sep}`).join(""), message)
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

  const validated = (params: URLSearchParams): CheckQuery => {
    const query = parseCheckQuery(params);
    const known = symbols();
    const symbol = resolveSymbol(query.symbol, known, "symbol");
    const market = query.market === undefined ? undefined : resolveSymbol(query.market, known, "market");
    return { ...query, symbol, market };
  };

  const cachedCheck = (query: CheckQuery): CachedCheck => {
    const key = JSON.stringify([query.symbol, query.date, query.claim ?? null, query.market ?? null]);
    let entry = checks.get(key);
    if (entry === undefined) {
      try {
        entry = { result: checkClaim({ ...query, dataDir: options.dataDir, universeDir: options.universeDir }) };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        entry = { result: error };
      }
      checks.set(key, entry);
    }
    return entry;
  };

  const outcomeOf = (entry: CachedCheck, query: CheckQuery): Promise<string> => {
    const check = entry.result as ClaimCheck;
    entry.outcome ??= resultFigures(check, options.dataDir).then(
      ({ figures, notes }) => resultOutcome(check, figures, notes, checkSearch(query)),
      (error: unknown) => {
        delete entry.outcome;
        throw error;
      },
    );
    return entry.outcome;
  };

  const page = (res: ServerResponse, status: number, title: string, form: FormValues, outcome: string, invalid: string[] = []) =>
    send(res, status, "text/html; charset=utf-8", servePage({ title, form, invalid, outcome, symbols: symbols() }), { "content-security-policy": CONTENT_SECURITY_POLICY });
  const problemPage = (res: ServerResponse, form: FormValues, error: InputError) =>
    page(res, 400, "Cannot check this claim", form, errorOutcome("Cannot check this claim", publicMessage(error.message)), invalidFields(error));
  const json = (res: ServerResponse, status: number, body: string) => send(res, status, "application/json; charset=utf-8", body);

  const checkPage = async (res: ServerResponse, params: URLSearchParams) => {
    if ([...params.keys()].length === 0) return page(res, 200, "event-impact: check a claim", {}, exampleOutcome());
    const form = formValues(params);
    let query: CheckQuery;
    try {
      query = validated(params);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return problemPage(res, form, error);
    }
    const entry = cachedCheck(query);
    if (entry.result instanceof InputError) return problemPage(res, form, entry.result);
    page(res, 200, `${query.symbol} on ${query.date}: claim check`, { ...query }, await outcomeOf(entry, query));
  };

  const apiCheck = (res: ServerResponse, params: URLSearchParams) => {
    let query: CheckQuery;
    try {
      query = validated(params);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return json(res, 400, errorJson(publicMessage(error.message)));
    }
    const entry = cachedCheck(query);
    if (entry.result instanceof InputError) return json(res, 400, errorJson(publicMessage(entry.result.message)));
    entry.json ??= `${JSON.stringify(entry.result, null, 2)}\n`;
    json(res, 200, entry.json);
  };

  const apiEvents = (res: ServerResponse, params: URLSearchParams) => {
    const parsed = eventsQuerySchema.safeParse(queryRecord(params));
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
      default:
        if (url.pathname.startsWith("/api/")) return json(res, 404, errorJson(`no API at ${url.pathname}: use /api/check or /api/events`));
        return page(res, 404, "Not found", {}, errorOutcome("Not found", `There is no page at ${url.pathname}. Use the form above.`));
    }
  };

  return createServer((req, res) => {
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
}

/** A running server: its base URL and how to stop it (open connections are closed too). */
export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts the claim-check server on a host and port (port 0: any free one) and resolves once it listens.
 * A port in use, a port the user may not bind or an unknown host is an `InputError`.
 */
export function startServer(options: ServeOptions & { port: number; host: string }): Promise<RunningServer> {
  const server = claimCheckServer(options);
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenError(error, options)));
    server.listen(options.port, options.host, () => {
      const { address, port } = server.address() as AddressInfo;
      resolve({
        url: `http://${address.includes(":") ? `[${address}]` : address}:${port}/`,
        server,
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
