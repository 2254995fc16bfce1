import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PriceFetchError } from "../src/sources/fetchError.js";
import { mergeBars } from "../src/sources/mergeBars.js";
import type { PriceBar } from "../src/sources/priceBar.js";
import { cacheDir, cacheState, commitToCache, readManifest } from "../src/sources/priceCache.js";
import { sha256 } from "../src/sources/contentHash.js";
import { formatPriceCsv, parsePriceCsv } from "../src/sources/priceCsv.js";
import { priceSourceOf } from "../src/sources/localFiles.js";
import { mapWithConcurrency, withRetry } from "../src/sources/retry.js";
import { chartPrices, chartResultSchema, localDate } from "../src/sources/yahooChart.js";
import { rebaseUrl } from "../src/sources/yahooClient.js";
import { calendarSpan } from "../src/calendar/calendarSpan.js";
import { claimPriceNeeds } from "../src/claims/claimPriceNeeds.js";
import { studyPriceNeeds } from "../src/study/priceNeeds.js";
import { repoRoot, runCli } from "./helpers/cli.js";

const bar = (date: string, close: number, extra: Partial<PriceBar> = {}): PriceBar => ({ date, open: close, high: close, low: close, close, adjClose: close, volume: 100, ...extra });

describe("Yahoo chart results to daily bars", () => {
  // 2021-01-04 09:30 in Hong Kong is 01:30 UTC; 2021-01-04 09:30 in New York is 14:30 UTC.
  const hk = Date.UTC(2021, 0, 4, 1, 30) / 1000;
  const day = 86_400;

  it("dates each bar on the exchange's calendar, not UTC's", () => {
    expect(localDate(hk, "Asia/Hong_Kong")).toBe("2021-01-04");
    expect(localDate(Date.UTC(2021, 0, 4, 14, 30) / 1000, "America/New_York")).toBe("2021-01-04");
    // 10:00 in Auckland on 5 January is 21:00 UTC on the 4th.
    expect(localDate(Date.UTC(2021, 0, 4, 21, 0) / 1000, "Pacific/Auckland")).toBe("2021-01-05");
  });

  it("takes raw prices from quote and the adjusted close from adjclose; drops empty sessions, dates out of range, and repeats", () => {
    const chart = chartResultSchema.parse({
      meta: { symbol: "0700.HK", exchangeTimezoneName: "Asia/Hong_Kong", currency: "HKD" },
      timestamp: [hk - day, hk, hk + day, hk + 2 * day, hk + 2 * day + 3600],
      events: { dividends: { x: { amount: 1.5, date: hk + day } }, splits: { y: { date: hk, numerator: 4, denominator: 1 } } },
      indicators: {
        quote: [{ open: [1, 10, null, 12, 12.5], high: [1, 11, null, 13, 13.5], low: [1, 9, null, 11, 11.5], close: [1, 10.5, null, 12, 13], volume: [1, 1000, null, null, 300] }],
        adjclose: [{ adjclose: [1, 10, null, 11.5, 12.5] }],
      },
    });
    const prices = chartPrices(chart, "2021-01-04", "2021-01-06");
    expect(prices.bars).toEqual([
      { date: "2021-01-04", open: 10, high: 11, low: 9, close: 10.5, adjClose: 10, volume: 1000 },
      { date: "2021-01-06", open: 12.5, high: 13.5, low: 11.5, close: 13, adjClose: 12.5, volume: 300 },
    ]);
    expect(prices.emptySessions).toBe(1);
    expect(prices.dividends).toEqual([{ date: "2021-01-05", amount: 1.5 }]);
    expect(prices.splits).toEqual([{ date: "2021-01-04", ratio: "4:1" }]);
    expect(prices.currency).toBe("HKD");
  });

  it("uses the close when Yahoo sends no adjusted close, and 0 for a missing volume", () => {
    const chart = chartResultSchema.parse({
      meta: { symbol: "^HSI", exchangeTimezoneName: "Asia/Hong_Kong" },
      timestamp: [hk],
      indicators: { quote: [{ open: [27000], high: [27300], low: [26900], close: [27200], volume: [null] }] },
    });
    expect(chartPrices(chart, "2021-01-01", "2021-01-31").bars).toEqual([{ date: "2021-01-04", open: 27000, high: 27300, low: 26900, close: 27200, adjClose: 27200, volume: 0 }]);
  });

  it("rejects arrays that do not run parallel to the timestamps, and unknown time zones", () => {
    const base = { meta: { symbol: "X", exchangeTimezoneName: "Asia/Hong_Kong" }, timestamp: [hk, hk + day] };
    const parsed = chartResultSchema.safeParse({ ...base, indicators: { quote: [{ open: [1, 2], high: [1, 2], low: [1, 2], close: [1], volume: [1, 2] }] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe("1 values for 2 timestamps");
    expect(chartResultSchema.safeParse({ ...base, meta: { symbol: "X", exchangeTimezoneName: "Mars/Base" }, indicators: { quote: [] } }).success).toBe(false);
  });

  it("a range without trading has no bars", () => {
    const chart = chartResultSchema.parse({ meta: { symbol: "X", exchangeTimezoneName: "Asia/Hong_Kong" }, indicators: { quote: [] } });
    expect(chartPrices(chart, "2015-01-01", "2015-12-31").bars).toEqual([]);
  });
});

describe("merging fetched bars into the cache", () => {
  it("adds new dates, replaces changed bars, keeps dates only on file, and counts each", () => {
    const onFile = [bar("2021-01-04", 10), bar("2021-01-05", 11), bar("2021-01-06", 12)];
    const fetched = [bar("2021-01-05", 11), bar("2021-01-06", 12, { adjClose: 11.4 }), bar("2021-01-07", 13)];
    const merged = mergeBars(onFile, fetched);
    expect(merged.bars.map((b) => [b.date, b.adjClose])).toEqual([
      ["2021-01-04", 10],
      ["2021-01-05", 11],
      ["2021-01-06", 11.4],
      ["2021-01-07", 13],
    ]);
    expect(merged).toMatchObject({ added: 1, changed: 1, kept: 1 });
  });
});

describe("the cache folder", () => {
  it("is --cache, else EVENT_IMPACT_CACHE, else ~/.cache/event-impact", () => {
    expect(cacheDir("/x", { EVENT_IMPACT_CACHE: "/y" })).toBe("/x");
    expect(cacheDir(undefined, { EVENT_IMPACT_CACHE: "/y" })).toBe("/y");
    expect(cacheDir(undefined, { EVENT_IMPACT_CACHE: "" })).toBe(join(homedir(), ".cache", "event-impact"));
  });

  const info = { source: "import", origin: "/x.csv", fetchedAt: "2021-02-01T00:00:00.000Z", from: "2021-01-04", to: "2021-01-05" } as const;

  it("stores bars in the bundled layout, read back to the same numbers, with the hash of the file in the manifest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "event-impact-cache-"));
    const bars = [bar("2021-01-04", 29.299999237060547, { high: 30.5, low: 28.2, volume: 225_000_000 }), bar("2021-01-05", 0.1 + 0.2)];
    const { entry } = await commitToCache(dir, "^HSI", () => ({ bars, info }));
    const text = readFileSync(join(dir, "INDEX_HSI.csv"), "utf8");
    expect(text).toBe("date,open,high,low,close,adj_close,volume\n2021-01-04,29.299999237060547,30.5,28.2,29.299999237060547,29.299999237060547,225000000\n2021-01-05,0.30000000000000004,0.30000000000000004,0.30000000000000004,0.30000000000000004,0.30000000000000004,100\n");
    expect(parsePriceCsv(text, "x")).toEqual(bars);
    expect(formatPriceCsv(bars)).toBe(text);
    expect(entry).toMatchObject({ file: "INDEX_HSI.csv", first: "2021-01-04", last: "2021-01-05", rows: 2 });
    expect(readManifest(dir).symbols.get("^HSI")).toEqual(entry);
    expect(readdirSync(dir).sort()).toEqual(["INDEX_HSI.csv", "manifest.json"]);
    expect(priceSourceOf(join(dir, "INDEX_HSI.csv"))).toBe("cache");
    expect(priceSourceOf(join(repoRoot, "data", "prices", "INDEX_HSI.csv"))).toBe("bundled");
  });

  it("trusts a cached file only when its manifest entry records its hash and it reads as prices", async () => {
    const dir = mkdtempSync(join(tmpdir(), "event-impact-cache-"));
    const bars = [bar("2021-01-04", 10), bar("2021-01-05", 11)];
    expect(cacheState(dir, readManifest(dir), "1810.HK")).toEqual({ status: "missing" });
    const { entry } = await commitToCache(dir, "1810.HK", () => ({ bars, info }));
    expect(cacheState(dir, readManifest(dir), "1810.HK")).toEqual({ status: "ok", entry, bars });
    writeFileSync(join(dir, "1810.HK.csv"), readFileSync(join(dir, "1810.HK.csv"), "utf8").replace("11", "12"));
    expect(cacheState(dir, readManifest(dir), "1810.HK")).toEqual({ status: "mismatch", entry });
    writeFileSync(join(dir, "0700.HK.csv"), formatPriceCsv(bars));
    expect(cacheState(dir, readManifest(dir), "0700.HK")).toEqual({ status: "unindexed" });
    writeFileSync(join(dir, "1810.HK.csv"), "\u0000garbage");
    const manifest = readManifest(dir);
    manifest.symbols.set("1810.HK", { ...entry, sha256: sha256("\u0000garbage") });
    expect(cacheState(dir, manifest, "1810.HK")).toEqual({ status: "mismatch", entry: { ...entry, sha256: sha256("\u0000garbage") } });
  });

  it("a commit removes temporary files that interrupted writes left, and passes what the cache holds to the update", async () => {
    const dir = mkdtempSync(join(tmpdir(), "event-impact-cache-"));
    writeFileSync(join(dir, "1810.HK.csv.tmp-123-456"), "half");
    writeFileSync(join(dir, "manifest.json.tmp-123-456"), "{");
    await commitToCache(dir, "1810.HK", () => ({ bars: [bar("2021-01-04", 10)], info }));
    const seen: string[] = [];
    await commitToCache(dir, "1810.HK", (state) => {
      seen.push(state.status);
      return { bars: [...(state.status === "ok" ? state.bars : []), bar("2021-01-05", 11)], info };
    });
    expect(seen).toEqual(["ok"]);
    expect(readdirSync(dir).sort()).toEqual(["1810.HK.csv", "manifest.json"]);
    expect(readManifest(dir).symbols.get("1810.HK")!.rows).toBe(2);
  });

  it("a command that uses the cache sweeps, at its start and without a commit, the temporary files a killed run left, not those of a commit in progress", () => {
    const dir = mkdtempSync(join(tmpdir(), "event-impact-cache-"));
    const stale = ["1810.HK.csv.tmp-123-456", "manifest.json.tmp-123-456"];
    const live = "0700.HK.csv.tmp-789-1000";
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of stale) {
      writeFileSync(join(dir, name), "half");
      utimesSync(join(dir, name), hourAgo, hourAgo);
    }
    writeFileSync(join(dir, live), "being written");
    const check = runCli(["check", "1810.HK", "--date", "2021-01-15", "--offline", "--cache", dir, "--json"]);
    expect(check.code).toBe(0);
    expect(readdirSync(dir)).toEqual([live]);
  });

  it("symbols named like Object.prototype members are plain keys", async () => {
    const dir = mkdtempSync(join(tmpdir(), "event-impact-cache-"));
    for (const symbol of ["constructor", "toString", "valueOf", "hasOwnProperty"]) {
      expect(cacheState(dir, readManifest(dir), symbol)).toEqual({ status: "missing" });
      await commitToCache(dir, symbol, () => ({ bars: [bar("2021-01-04", 10)], info }));
    }
    expect([...readManifest(dir).symbols.keys()]).toEqual(["constructor", "hasOwnProperty", "toString", "valueOf"]);
    expect(cacheState(dir, readManifest(dir), "constructor").status).toBe("ok");
  });

  it("a manifest that is not valid is an error naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "event-impact-cache-"));
    writeFileSync(join(dir, "manifest.json"), "{");
    expect(() => readManifest(dir)).toThrow(/manifest\.json is not valid JSON/);
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ schemaVersion: 1, symbols: { X: { file: "X.csv" } } }));
    expect(() => readManifest(dir)).toThrow(/manifest\.json: symbols\.X\.source/);
    expect(existsSync(join(dir, "X.csv"))).toBe(false);
  });
});

describe("retries and the request queue", () => {
  it("retries transient failures with doubling pauses and gives up after the last attempt", async () => {
    const pauses: number[] = [];
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new PriceFetchError("rate-limited", "HTTP 429"));
    };
    const isTransient = (error: unknown, attempt: number) => error instanceof PriceFetchError && error.retryable(attempt);
    await expect(withRetry(failing, { attempts: 4, baseDelayMs: 1 }, isTransient, (_, __, delay) => pauses.push(delay))).rejects.toThrow("HTTP 429");
    expect(calls).toBe(4);
    expect(pauses).toEqual([1, 2, 4]);
  });

  it("does not retry a failure that will not pass (unknown symbol, malformed answer)", async () => {
    let calls = 0;
    const unknown = () => {
      calls++;
      return Promise.reject(new PriceFetchError("unknown-symbol", "no such symbol"));
    };
    await expect(withRetry(unknown, { attempts: 4, baseDelayMs: 1 }, (error, attempt) => (error as PriceFetchError).retryable(attempt))).rejects.toThrow("no such symbol");
    expect(calls).toBe(1);
  });

  it("runs at most `limit` tasks at once and keeps the order of results", async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      for (let i = 0; i < n; i++) await Promise.resolve();
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});

describe("a mirror of Yahoo", () => {
  it("replaces scheme and host, keeps Yahoo's path and query after the mirror's own path", () => {
    const url = new URL("https://query2.finance.yahoo.com/v8/finance/chart/%5EHSI?period1=1&interval=1d");
    expect(rebaseUrl(url, "http://127.0.0.1:8080").href).toBe("http://127.0.0.1:8080/v8/finance/chart/%5EHSI?period1=1&interval=1d");
    expect(rebaseUrl(url, "https://proxy.example.com/yahoo/").href).toBe("https://proxy.example.com/yahoo/v8/finance/chart/%5EHSI?period1=1&interval=1d");
  });
});

describe("the dates a study or claim check needs", () => {
  it("spans the estimation window before each event and the event windows after it, for the stock and its market", () => {
    // 250 sessions: 375 + 14 = 389 days before; 5 sessions: 8 + 14 = 22 days after.
    expect(calendarSpan(250)).toBe(389);
    expect(calendarSpan(5)).toBe(22);
    const needs = studyPriceNeeds({
      events: [
        { symbol: "1810.HK", date: "2021-01-14" },
        { symbol: "0700.HK", date: "2021-03-01" },
        { symbol: "AAPL", date: "2021-03-01" },
      ],
    });
    expect(needs).toEqual([
      { symbol: "1810.HK", from: "2019-12-22", to: "2021-02-05" },
      { symbol: "^HSI", from: "2019-12-22", to: "2021-03-23" },
      { symbol: "0700.HK", from: "2020-02-06", to: "2021-03-23" },
      { symbol: "AAPL", from: "2020-02-06", to: "2021-03-23" },
      { symbol: "^GSPC", from: "2020-02-06", to: "2021-03-23" },
    ]);
  });

  it("includes catalog events, and a claim check needs the estimation window up to the date", () => {
    // E13 (DoD list of 14 Jan 2021) names five securities, each with its benchmark in the catalog.
    expect(studyPriceNeeds({ catalog: { ids: ["E13"] } }).map((need) => need.symbol)).toEqual(["1810.HK", "^HSI", "LKCO", "^IXIC", "688012.SS", "000300.SS", "0753.HK", "601111.SS"]);
    expect(claimPriceNeeds({ symbol: "0700.HK", date: "2021-01-15" })).toEqual([
      { symbol: "0700.HK", from: "2019-12-23", to: "2021-01-15" },
      { symbol: "^HSI", from: "2019-12-23", to: "2021-01-15" },
    ]);
  });
});
