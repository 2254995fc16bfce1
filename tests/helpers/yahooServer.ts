import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePriceCsv } from "../../src/sources/priceCsv.js";
import { priceFileName } from "../../src/sources/symbolFile.js";
import type { PriceBar } from "../../src/sources/priceBar.js";
import { tempDir } from "./cli.js";

/** What the server does with one chart request for a symbol. */
export type Behaviour =
  | "ok" // the symbol's bars in the requested range (404 if it has no file)
  | "rate-limit" // 429 "Too Many Requests", as Yahoo sends it
  | "server-error" // 503 with an HTML page
  | "malformed" // 200 with a body that is not JSON
  | "crash"; // headers and half the body, then the socket is destroyed and the server stops listening

export interface YahooServerOptions {
  /** Folders of bundled-format price files served as Yahoo data (default: the repository's data/prices). */
  dataDirs?: string[];
  /** Per symbol, the behaviour of its successive requests; once used up, requests are answered "ok". */
  script?: Record<string, Behaviour[]>;
  /** Dividends and splits to report in the events block, per symbol. */
  events?: Record<string, { dividends?: { date: string; amount: number }[]; splits?: { date: string; numerator: number; denominator: number }[] }>;
}

export interface ServedRequest {
  symbol: string;
  period1: string;
  period2: string;
  interval: string;
  events: string;
}

export interface YahooServer {
  url: string;
  port: number;
  /** Every chart request received, in order. */
  requests: ServedRequest[];
  /** The bars the server holds for a symbol (what a clean fetch must reproduce). */
  bars(symbol: string): PriceBar[];
  close(): Promise<void>;
}

const bundledPrices = fileURLToPath(new URL("../../data/prices", import.meta.url));

/**
 * A temporary folder of prices to serve: the bundled ^HSI, and China Mobile's bundled series (0941.HK) as 0005.HK,
 * its adjusted closes before `adjustment.before` set to `adjustment.factor` times the raw close when given.
 */
export function servedPrices(adjustment?: { before: string; factor: number }): string {
  const dir = tempDir("served");
  copyFileSync(join(bundledPrices, "INDEX_HSI.csv"), join(dir, "INDEX_HSI.csv"));
  const lines = readFileSync(join(bundledPrices, "0941.HK.csv"), "utf8").trim().split("\n");
  const adjusted = lines.map((line, i) => {
    const cells = line.split(",");
    if (i === 0 || adjustment === undefined || !(cells[0]! < adjustment.before)) return line;
    cells[5] = String(Number(cells[4]) * adjustment.factor);
    return cells.join(",");
  });
  writeFileSync(join(dir, "0005.HK.csv"), `${adjusted.join("\n")}\n`);
  return dir;
}

/** The epoch second of 09:30 Hong Kong time on a date: Yahoo stamps daily HK bars with the session's open. */
function sessionStamp(date: string): number {
  return Date.parse(`${date}T09:30:00+08:00`) / 1000;
}

function chartJson(symbol: string, bars: PriceBar[], events: YahooServerOptions["events"] = {}): unknown {
  const last = bars[bars.length - 1];
  const period = (start: number) => ({ timezone: "HKT", start, end: start + 23_400, gmtoffset: 28_800 });
  const meta = {
    currency: "HKD",
    symbol,
    exchangeName: "HKG",
    fullExchangeName: "HKSE",
    instrumentType: symbol.startsWith("^") ? "INDEX" : "EQUITY",
    firstTradeDate: 1_531_101_600,
    regularMarketTime: last === undefined ? 1_640_930_400 : sessionStamp(last.date) + 23_400,
    hasPrePostMarketData: false,
    gmtoffset: 28_800,
    timezone: "HKT",
    exchangeTimezoneName: "Asia/Hong_Kong",
    regularMarketPrice: last?.close ?? 1,
    priceHint: 3,
    currentTradingPeriod: { pre: period(1_640_910_000), regular: period(1_640_914_200), post: period(1_640_937_600) },
    dataGranularity: "1d",
    range: "",
    validRanges: ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"],
  };
  const symbolEvents = Object.hasOwn(events, symbol) ? events[symbol] : undefined;
  const eventBlock =
    symbolEvents === undefined
      ? {}
      : {
          events: {
            ...(symbolEvents.dividends ? { dividends: Object.fromEntries(symbolEvents.dividends.map((d) => [String(sessionStamp(d.date)), { amount: d.amount, date: sessionStamp(d.date) }])) } : {}),
            ...(symbolEvents.splits
              ? { splits: Object.fromEntries(symbolEvents.splits.map((s) => [String(sessionStamp(s.date)), { date: sessionStamp(s.date), numerator: s.numerator, denominator: s.denominator, splitRatio: `${s.numerator}:${s.denominator}` }])) }
              : {}),
          },
        };
  if (bars.length === 0) {
    return { chart: { result: [{ meta, indicators: { quote: [{}], adjclose: [{}] } }], error: null } };
  }
  return {
    chart: {
      result: [
        {
          meta,
          timestamp: bars.map((bar) => sessionStamp(bar.date)),
          ...eventBlock,
          indicators: {
            quote: [
              {
                open: bars.map((bar) => bar.open),
                high: bars.map((bar) => bar.high),
                low: bars.map((bar) => bar.low),
                close: bars.map((bar) => bar.close),
                volume: bars.map((bar) => bar.volume),
              },
            ],
            adjclose: [{ adjclose: bars.map((bar) => bar.adjClose) }],
          },
        },
      ],
      error: null,
    },
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/**
 * A Yahoo-shaped chart server on 127.0.0.1 (a random free port): `GET /v8/finance/chart/<symbol>?period1=&period2=`
 * answers with the symbol's bars from price files, as Yahoo's v8 chart API does (timestamps at the session's
 * open, `indicators.quote` and `indicators.adjclose`, a 404 "No data found, symbol may be delisted" for an
 * unknown symbol). Scripted behaviours simulate rate limits, server errors, malformed bodies and a crash.
 */
export async function startYahooServer(options: YahooServerOptions = {}): Promise<YahooServer> {
  const dirs = options.dataDirs ?? [bundledPrices];
  const script = new Map(Object.entries(options.script ?? {}).map(([symbol, steps]) => [symbol, [...steps]]));
  const requests: ServedRequest[] = [];
  const sockets = new Set<Socket>();
  const bars = (symbol: string): PriceBar[] => {
    const dir = dirs.find((candidate) => existsSync(join(candidate, priceFileName(symbol))));
    if (dir === undefined) return [];
    const file = join(dir, priceFileName(symbol));
    return parsePriceCsv(readFileSync(file, "utf8"), file);
  };
  const known = (symbol: string) => dirs.some((dir) => existsSync(join(dir, priceFileName(symbol))));

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const match = /^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname);
    if (match === null) return send(response, 404, "text/plain", "Not Found");
    const symbol = decodeURIComponent(match[1]!);
    const query = (name: string) => url.searchParams.get(name) ?? "";
    requests.push({ symbol, period1: query("period1"), period2: query("period2"), interval: query("interval"), events: query("events") });
    const behaviour = script.get(symbol)?.shift() ?? "ok";
    if (behaviour === "rate-limit") return send(response, 429, "text/plain", "Too Many Requests\r\n");
    if (behaviour === "server-error") return send(response, 503, "text/html", "<html><body>Service Unavailable</body></html>");
    if (behaviour === "malformed") return send(response, 200, "application/json", '{"chart":{"result":[{"meta":');
    if (!known(symbol)) {
      return send(response, 404, "application/json", JSON.stringify({ chart: { result: null, error: { code: "Not Found", description: "No data found, symbol may be delisted" } } }));
    }
    const from = Number(query("period1"));
    const to = Number(query("period2"));
    const inRange = bars(symbol).filter((bar) => sessionStamp(bar.date) >= from && sessionStamp(bar.date) < to);
    const body = JSON.stringify(chartJson(symbol, inRange, options.events));
    if (behaviour === "crash") {
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      response.write(body.slice(0, Math.floor(body.length / 2)), () => {
        server.close();
        for (const socket of sockets) socket.destroy();
      });
      return;
    }
    send(response, 200, "application/json", body);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    bars,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}
