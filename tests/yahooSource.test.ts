import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchPrices, type FetchEvent } from "../src/sources/fetchPrices.js";
import { readManifest } from "../src/sources/priceCache.js";
import { parsePriceCsv } from "../src/sources/priceCsv.js";
import { ensurePrices } from "../src/sources/priceSources.js";
import { priceFolders } from "../src/sources/priceFolders.js";
import { InputError } from "../src/errors.js";
import { readPriceSeriesFrom } from "../src/sources/localFiles.js";
import { runStudy } from "../src/study/runStudy.js";
import { studyPriceNeeds } from "../src/study/priceNeeds.js";
import { repoRoot, tempDir } from "./helpers/cli.js";
import { servedPrices, startYahooServer, type YahooServer, type YahooServerOptions } from "./helpers/yahooServer.js";

/** Fast retries: the tests count attempts, they do not wait. */
const retry = { attempts: 3, baseDelayMs: 1 };

const bundled = join(repoRoot, "data/prices");

/** 0005.HK is China Mobile's bundled series with a made-up dividend of 1.5 on 2021-05-20: adjusted closes before it are 0.97 of the raw ones. */
const servedData = () => servedPrices({ before: "2021-05-20", factor: 0.97 });
const dividendEvents: YahooServerOptions["events"] = { "0005.HK": { dividends: [{ date: "2021-05-20", amount: 1.5 }] } };

let server: YahooServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function serve(options: YahooServerOptions = {}): Promise<YahooServer> {
  server = await startYahooServer({ dataDirs: [servedData()], events: dividendEvents, ...options });
  return server;
}

function cachedFile(cache: string, file: string): string {
  return readFileSync(join(cache, file), "utf8");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Epoch seconds of UTC midnight on a date, as yahoo-finance2 sends period1/period2. */
function epoch(date: string): string {
  return String(Date.parse(`${date}T00:00:00Z`) / 1000);
}

describe("fetch from a Yahoo-shaped server with the real yahoo-finance2 client", () => {
  it("a clean fetch stores exactly the served bars (raw and adjusted closes), the dividend, and the file's hash", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    const [outcome] = await fetchPrices([{ symbol: "0005.HK", from: "2020-01-01", to: "2021-12-31" }], { cacheDir: cache, yahooUrl: yahoo.url, retry });
    expect(outcome!.error).toBeNull();
    expect(yahoo.requests).toEqual([{ symbol: "0005.HK", period1: epoch("2019-12-31"), period2: epoch("2022-01-02"), interval: "1d", events: "div|split" }]);

    const text = cachedFile(cache, "0005.HK.csv");
    const stored = parsePriceCsv(text, "0005.HK.csv");
    const served = yahoo.bars("0005.HK");
    expect(stored).toEqual(served);
    expect(stored.find((bar) => bar.date === "2021-01-15")!.adjClose).not.toBe(stored.find((bar) => bar.date === "2021-01-15")!.close);

    const entry = readManifest(cache).symbols.get("0005.HK")!;
    expect(entry).toMatchObject({ file: "0005.HK.csv", source: "yahoo", origin: yahoo.url, from: "2020-01-01", to: "2021-12-31", rows: served.length, first: served[0]!.date, last: served.at(-1)!.date, timeZone: "Asia/Hong_Kong", currency: "HKD" });
    expect(entry.dividends).toEqual([{ date: "2021-05-20", amount: 1.5 }]);
    expect(entry.sha256).toBe(sha256(text));
    expect(outcome!.added).toBe(served.length);
  });

  it("a partial range, then an extension: one request over the union, merged, the adjustment basis kept whole", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    await fetchPrices([{ symbol: "0005.HK", from: "2020-07-01", to: "2020-12-31" }], { cacheDir: cache, yahooUrl: yahoo.url, retry });
    const first = parsePriceCsv(cachedFile(cache, "0005.HK.csv"), "first");
    expect(first[0]!.date >= "2020-07-01" && first.at(-1)!.date <= "2020-12-31").toBe(true);
    expect(first).toEqual(yahoo.bars("0005.HK").filter((bar) => bar.date >= "2020-07-01" && bar.date <= "2020-12-31"));

    const [outcome] = await fetchPrices([{ symbol: "0005.HK", from: "2020-01-01", to: "2021-06-30" }], { cacheDir: cache, yahooUrl: yahoo.url, retry });
    expect(yahoo.requests[1]).toMatchObject({ period1: epoch("2019-12-31"), period2: epoch("2021-07-02") });
    const merged = parsePriceCsv(cachedFile(cache, "0005.HK.csv"), "merged");
    const expected = yahoo.bars("0005.HK").filter((bar) => bar.date <= "2021-06-30");
    expect(merged).toEqual(expected);
    expect(outcome).toMatchObject({ added: expected.length - first.length, changed: 0, kept: 0 });
    expect(readManifest(cache).symbols.get("0005.HK")).toMatchObject({ from: "2020-01-01", to: "2021-06-30", rows: expected.length });

    const [again] = await fetchPrices([{ symbol: "0005.HK", from: "2021-01-01", to: "2021-03-31" }], { cacheDir: cache, yahooUrl: yahoo.url, retry });
    expect(yahoo.requests[2]).toMatchObject({ period1: epoch("2019-12-31"), period2: epoch("2021-07-02") });
    expect(again).toMatchObject({ added: 0, changed: 0 });
    expect(again!.entry!.sha256).toBe(again!.previous!.sha256);
  });

  it("an unknown symbol fails on its own, named as such, and the other symbols are fetched", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    const outcomes = await fetchPrices(
      ["0005.HK", "NOPE.HK", "^HSI"].map((symbol) => ({ symbol, from: "2020-01-01", to: "2021-12-31" })),
      { cacheDir: cache, yahooUrl: yahoo.url, retry },
    );
    expect(outcomes.map((outcome) => outcome.error?.failure ?? "ok")).toEqual(["ok", "unknown-symbol", "ok"]);
    expect(outcomes[1]!.error!.message).toMatch(/^NOPE\.HK: unknown or delisted symbol \(Yahoo: "No data found, symbol may be delisted"\)$/);
    expect(yahoo.requests.filter((request) => request.symbol === "NOPE.HK")).toHaveLength(1);
    expect(readdirSync(cache).sort()).toEqual(["0005.HK.csv", "INDEX_HSI.csv", "manifest.json"]);
    expect([...readManifest(cache).symbols.keys()]).toEqual(["0005.HK", "^HSI"]);
  });

  it("a symbol Yahoo drops after it was cached is reported as possibly delisted, and the cached copy stays", async () => {
    const data = servedData();
    server = await startYahooServer({ dataDirs: [data] });
    const cache = tempDir("cache");
    await fetchPrices([{ symbol: "0005.HK", from: "2020-01-01", to: "2021-12-31" }], { cacheDir: cache, yahooUrl: server.url, retry });
    const before = cachedFile(cache, "0005.HK.csv");
    rmSync(join(data, "0005.HK.csv"));
    const [outcome] = await fetchPrices([{ symbol: "0005.HK", from: "2020-01-01", to: "2021-12-31" }], { cacheDir: cache, yahooUrl: server.url, retry });
    expect(outcome!.error!.failure).toBe("unknown-symbol");
    expect(outcome!.error!.message).toMatch(/^0005\.HK \(delisted\?\): unknown or delisted symbol .*; the cached copy \(2020-01-02 to 2021-12-31, fetched \d{4}-\d{2}-\d{2}\) is kept$/);
    expect(cachedFile(cache, "0005.HK.csv")).toBe(before);
  });

  it("no data in the range is its own failure", async () => {
    const yahoo = await serve();
    const [outcome] = await fetchPrices([{ symbol: "0005.HK", from: "2015-01-01", to: "2015-12-31" }], { cacheDir: tempDir("cache"), yahooUrl: yahoo.url, retry });
    expect(outcome!.error!.failure).toBe("no-data");
    expect(outcome!.error!.message).toBe("0005.HK: no daily prices between 2015-01-01 and 2015-12-31");
  });

  it("HTTP 429, then success: retried with backoff, reported, and fetched", async () => {
    const yahoo = await serve({ script: { "0005.HK": ["rate-limit", "server-error"] } });
    const cache = tempDir("cache");
    const events: FetchEvent[] = [];
    const [outcome] = await fetchPrices([{ symbol: "0005.HK", from: "2020-01-01", to: "2021-12-31" }], { cacheDir: cache, yahooUrl: yahoo.url, retry, onProgress: (event) => events.push(event) });
    expect(outcome!.error).toBeNull();
    expect(yahoo.requests).toHaveLength(3);
    const retries = events.filter((event): event is Extract<FetchEvent, { type: "retry" }> => event.type === "retry");
    expect(retries.map((event) => [event.error.failure, event.attempt, event.delayMs])).toEqual([
      ["rate-limited", 1, 1],
      ["server-error", 2, 2],
    ]);
    expect(parsePriceCsv(cachedFile(cache, "0005.HK.csv"), "x")).toEqual(yahoo.bars("0005.HK"));
  });

  it("a rate limit that persists fails after the last attempt, saying so", async () => {
    const yahoo = await serve({ script: { "0005.HK": ["rate-limit", "rate-limit", "rate-limit"] } });
    const [outcome] = await fetchPrices([{ symbol: "0005.HK", from: "2020-01-01", to: "2021-12-31" }], { cacheDir: tempDir("cache"), yahooUrl: yahoo.url, retry });
    expect(outcome!.error!.failure).toBe("rate-limited");
    expect(outcome!.error!.message).toMatch(/^0005\.HK: 127\.0\.0\.1:\d+ answered HTTP 429 Too Many Requests \(rate limit\) \(3 attempts\)$/);
    expect(yahoo.requests).toHaveLength(3);
  });

  it("a server that dies mid-response leaves the cache as it was, fails with a network error, and the rest are not tried", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    await fetchPrices([{ symbol: "0005.HK", from: "2020-07-01", to: "2020-12-31" }], { cacheDir: cache, yahooUrl: yahoo.url, retry });
    const csvBefore = cachedFile(cache, "0005.HK.csv");
    const manifestBefore = cachedFile(cache, "manifest.json");
    await yahoo.close();

    server = await serve({ script: { "0005.HK": ["crash"] } });
    const outcomes = await fetchPrices(
      ["0005.HK", "^HSI"].map((symbol) => ({ symbol, from: "2020-01-01", to: "2021-12-31" })),
      { cacheDir: cache, yahooUrl: server.url, retry, concurrency: 1 },
    );
    expect(outcomes[0]!.error!.failure).toBe("network");
    expect(outcomes[0]!.error!.message).toMatch(/^0005\.HK: no answer from 127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\) \(2 attempts\); the cached copy \(2020-07-02 to 2020-12-31, fetched .*\) is kept$/);
    expect(outcomes[1]!.error!.message).toMatch(/^\^HSI: not tried, the network failed for another symbol/);
    expect(server.requests).toHaveLength(1);
    expect(cachedFile(cache, "0005.HK.csv")).toBe(csvBefore);
    expect(cachedFile(cache, "manifest.json")).toBe(manifestBefore);
    expect(readdirSync(cache).sort()).toEqual(["0005.HK.csv", "manifest.json"]);
  });

  it("a body that is not JSON is a malformed response, not retried, and the cache is unchanged", async () => {
    const yahoo = await serve({ script: { "0005.HK": ["malformed"] } });
    const cache = tempDir("cache");
    const [outcome] = await fetchPrices([{ symbol: "0005.HK", from: "2020-01-01", to: "2021-12-31" }], { cacheDir: cache, yahooUrl: yahoo.url, retry });
    expect(outcome!.error!.failure).toBe("malformed");
    expect(outcome!.error!.message).toMatch(/^0005\.HK: 127\.0\.0\.1:\d+ sent a response that is not JSON \(28 bytes, starting "\{"chart":\{"result":\[\{"meta":"\)$/);
    expect(yahoo.requests).toHaveLength(1);
    expect(existsSync(join(cache, "0005.HK.csv"))).toBe(false);
    expect(existsSync(join(cache, "manifest.json"))).toBe(false);
  });

  it("yahoo-finance2's own logging goes to the log callback, never to the console", async () => {
    const yahoo = await serve();
    const spies = (["log", "info", "warn", "error", "dir"] as const).map((method) => vi.spyOn(console, method));
    const lines: string[] = [];
    const outcomes = await fetchPrices(
      ["0005.HK", "NOPE.HK"].map((symbol) => ({ symbol, from: "2020-01-01", to: "2021-12-31" })),
      { cacheDir: tempDir("cache"), yahooUrl: yahoo.url, retry, log: (line) => lines.push(line) },
    );
    expect(outcomes.map((outcome) => outcome.error?.failure ?? "ok")).toEqual(["ok", "unknown-symbol"]);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    if (Number(process.versions.node.split(".")[0]) < 22) expect(lines).toContainEqual(expect.stringMatching(/Unsupported environment: Requires Node >= 22/));
  });
});

describe("ensurePrices: which source serves a study", () => {
  const spec = { events: [{ symbol: "0005.HK", date: "2021-01-14" }] };
  const bundledSpec = { events: [{ symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York" }] };

  it("default: a symbol neither the cache nor the bundle has is fetched, the bundled market is not; the study then reads both", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    const { priceDirs, fetched } = await ensurePrices(studyPriceNeeds(spec), { cacheDir: cache, yahooUrl: yahoo.url, retry });
    expect(yahoo.requests.map((request) => request.symbol)).toEqual(["0005.HK"]);
    expect(fetched.map((outcome) => outcome.error)).toEqual([null]);
    const result = runStudy(spec, { priceDirs });
    expect(result.prices.map(({ symbol, source }) => [symbol, source])).toEqual([
      ["0005.HK", "cache"],
      ["^HSI", "bundled"],
    ]);
    expect(result.prices[0]!.sha256).toBe(readManifest(cache).symbols.get("0005.HK")!.sha256);

    await ensurePrices(studyPriceNeeds(spec), { cacheDir: cache, yahooUrl: yahoo.url, retry });
    expect(yahoo.requests).toHaveLength(1);
  });

  it("default: bundled symbols need no request at all", async () => {
    const yahoo = await serve();
    const { fetched } = await ensurePrices(studyPriceNeeds(bundledSpec), { cacheDir: tempDir("cache"), yahooUrl: yahoo.url, retry });
    expect(fetched).toEqual([]);
    expect(yahoo.requests).toEqual([]);
  });

  it("default: a fetched symbol whose cached range falls short of a study is extended", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    await fetchPrices([{ symbol: "0005.HK", from: "2020-10-01", to: "2021-03-31" }], { cacheDir: cache, yahooUrl: yahoo.url, retry });
    await ensurePrices(studyPriceNeeds(spec), { cacheDir: cache, yahooUrl: yahoo.url, retry });
    expect(yahoo.requests).toHaveLength(2);
    expect(readManifest(cache).symbols.get("0005.HK")!.from).toBe(studyPriceNeeds(spec)[0]!.from);
  });

  it("--source yahoo fetches every symbol, the bundled ones too, and reads only the cache", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    const { priceDirs } = await ensurePrices(studyPriceNeeds(spec), { source: "yahoo", cacheDir: cache, yahooUrl: yahoo.url, retry });
    expect(yahoo.requests.map((request) => request.symbol).sort()).toEqual(["0005.HK", "^HSI"]);
    expect(priceDirs).toEqual([cache]);
    expect(readPriceSeriesFrom(priceDirs, "^HSI").source).toBe(join(cache, "INDEX_HSI.csv"));
  });

  it("--source bundled and --offline never ask the server; --offline reads the bundled data and names what no folder has", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    const bundledOnly = await ensurePrices(studyPriceNeeds(spec), { source: "bundled", cacheDir: cache, yahooUrl: yahoo.url });
    expect(bundledOnly.priceDirs).toEqual([join(repoRoot, "data")]);
    await expect(ensurePrices(studyPriceNeeds(spec), { offline: true, cacheDir: cache, yahooUrl: yahoo.url })).rejects.toThrow(
      `--offline: no prices for 0005.HK in ${cache}, ${join(repoRoot, "data")}; fetch them first: event-impact fetch 0005.HK --from 2019-12-22 --to 2021-02-05 --cache ${cache}`,
    );
    const offline = await ensurePrices(studyPriceNeeds(bundledSpec), { offline: true, cacheDir: cache, yahooUrl: yahoo.url });
    expect(offline.priceDirs).toEqual([cache, join(repoRoot, "data")]);
    expect(runStudy(bundledSpec, { priceDirs: offline.priceDirs }).prices.map(({ source }) => source)).toEqual(["bundled", "bundled"]);
    await expect(ensurePrices(studyPriceNeeds(spec), { offline: true, source: "yahoo", cacheDir: cache })).rejects.toThrow(/cannot be combined with --source yahoo/);
    expect(yahoo.requests).toEqual([]);
  });

  it("the one folder order: --data, the cache, the bundled data; runStudy and checkClaim default to it", () => {
    const data = tempDir("data");
    copyFileSync(join(bundled, "0941.HK.csv"), join(data, "0005.HK.csv"));
    const cache = tempDir("cache");
    vi.stubEnv("EVENT_IMPACT_CACHE", cache);
    expect(priceFolders({ dataDir: data })).toEqual([data, cache, join(repoRoot, "data")]);
    expect(priceFolders({ source: "bundled", cacheDir: "/c" })).toEqual([join(repoRoot, "data")]);
    expect(priceFolders({ source: "yahoo", cacheDir: "/c" })).toEqual(["/c"]);
    writeFileSync(join(cache, "INDEX_HSI.csv"), readFileSync(join(bundled, "INDEX_HSI.csv")));
    expect(runStudy(spec, { dataDir: data }).prices.map(({ symbol, source }) => [symbol, source])).toEqual([
      ["0005.HK", "data"],
      ["^HSI", "data"],
    ]);
  });

  it("a --data folder that does not exist, is a dangling link, is a file or holds no price file is an error naming it", () => {
    const root = tempDir("bad-data");
    const missing = join(root, "nope");
    const link = join(root, "link");
    symlinkSync(join(root, "gone"), link);
    const empty = join(root, "empty");
    mkdirSync(empty);
    writeFileSync(join(empty, "notes.txt"), "no prices here");
    const file = join(root, "file.csv");
    writeFileSync(file, "date,close\n");
    expect(() => priceFolders({ dataDir: missing })).toThrow(`the price folder ${missing} does not exist`);
    expect(() => priceFolders({ dataDir: link })).toThrow(`the price folder ${link} is a symbolic link to ${join(root, "gone")}, which does not exist`);
    expect(() => priceFolders({ dataDir: file })).toThrow(`the price folder ${file} is not a folder`);
    expect(() => priceFolders({ dataDir: empty })).toThrow(`the price folder ${empty} holds no price file`);
    expect(() => runStudy(spec, { dataDir: missing })).toThrow(InputError);
  });

  it("a --data folder comes first and its symbols are never fetched", async () => {
    const yahoo = await serve();
    const data = tempDir("data");
    copyFileSync(join(bundled, "0941.HK.csv"), join(data, "0005.HK.csv"));
    const { priceDirs, fetched } = await ensurePrices(studyPriceNeeds(spec), { dataDir: data, cacheDir: tempDir("cache"), yahooUrl: yahoo.url });
    expect(fetched).toEqual([]);
    expect(yahoo.requests).toEqual([]);
    expect(runStudy(spec, { priceDirs }).prices.map(({ symbol, source }) => [symbol, source])).toEqual([
      ["0005.HK", "data"],
      ["^HSI", "bundled"],
    ]);
  });
});
