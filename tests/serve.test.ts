import { availableSymbols, bundledDataDir } from "../src/sources/localFiles.js";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimCheckSchema, textCheckSchema } from "../src/claims/checkSchema.js";
import { LruCache } from "../src/serve/lruCache.js";
import type { RunningServer } from "../src/serve/server.js";
import { readCatalog } from "../src/sources/catalog.js";
import { repoRoot, runCli, runCliAsync } from "./helpers/cli.js";
import { hasHkUniverse, hkUniverseDir } from "./helpers/hkUniverse.js";
import { faultyWorkerModule, spawnServe, startTestServer } from "./helpers/serveServer.js";
import { startYahooServer, type YahooServer } from "./helpers/yahooServer.js";

/**
 * A day's measures read straight from a bundled price file (columns date,open,high,low,close,adj_close,volume):
 * the row of the date against the row before it, which the test requires to be a normal session.
 */
function dayFromCsv(symbol: string, date: string) {
  const rows = readFileSync(join(repoRoot, "data/prices", `${symbol}.csv`), "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
  const k = rows.findIndex((row) => row[0] === date);
  const [, open, high, low, close, adj] = rows[k]!.map(Number);
  const previous = rows[k - 1]!.map(Number);
  expect(previous[6]).toBeGreaterThan(0);
  return { closeToClose: adj! / previous[5]! - 1, openGap: open! / previous[4]! - 1, intradayLow: low! / previous[4]! - 1, intradayHigh: high! / previous[4]! - 1, close: close! };
}

const XIAOMI = { symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" };
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The JSON of `check --json` as the server gives it: price files by file name, not by path. */
function served(cliJson: string) {
  const check = JSON.parse(cliJson);
  return { ...check, sources: check.sources.map((source: { file: string }) => ({ ...source, file: basename(source.file) })) };
}

let yahoo: YahooServer;
let server: RunningServer;
const logs: string[] = [];
const get = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), { signal: AbortSignal.timeout(60_000), ...init });

beforeAll(async () => {
  yahoo = await startYahooServer();
  server = await startTestServer({ yahooUrl: yahoo.url, log: (line) => logs.push(line) });
});
afterAll(async () => {
  await server?.close();
  await yahoo?.close();
});

describe("GET /api/check-text and /check-text", () => {
  const text = "Shares of Xiaomi Corp plunged 10.3% on 15 January 2021, while the Hang Seng Index rose 0.3%. Xiaomi closed at HK$29.30.";

  it("returns one labelled verdict per claim, valid against the schema", async () => {
    const response = await get(`/api/check-text?${query({ text })}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(textCheckSchema.safeParse(body).success).toBe(true);
    expect(body.claims.map((claim: { symbol: string; label: string }) => [claim.symbol, claim.label])).toEqual([["1810.HK", "accurate"], ["^HSI", "accurate"], ["1810.HK", "accurate"]]);
  });

  it("renders the labels in words on the page, and a missing text as a 400 naming the field", async () => {
    const html = await (await get(`/check-text?${query({ text })}`)).text();
    expect(html).toContain('<p class="label label-accurate"><span aria-hidden="true">✓</span> accurate</p>');
    expect(html).toContain("3 claims found");
    const bad = await get("/api/check-text?text=");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^text: required/);
  });
});

describe("GET /api/check", () => {
  it("returns the JSON of checkClaim, byte for byte what check --json prints", async () => {
    const response = await get(`/api/check?${query(XIAOMI)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await response.text();
    const cli = runCli(["check", "1810.HK", "--date", "2021-01-15", "--claim", "plummeted 14%", "--json", "--source", "bundled"]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(body)).toEqual(served(cli.stdout));
    expect(body).toBe(`${JSON.stringify(served(cli.stdout), null, 2)}\n`);
    expect(claimCheckSchema.safeParse(JSON.parse(body)).success).toBe(true);
  });

  it("carries the day's measures from the price file and the matching measure", async () => {
    const check = await (await get(`/api/check?${query(XIAOMI)}`)).json();
    const day = dayFromCsv("1810.HK", "2021-01-15");
    expect(check.measures.closeToClose).toBeCloseTo(day.closeToClose, 12);
    expect(check.measures.intradayLow).toBeCloseTo(day.intradayLow, 12);
    expect(check.measures.intradayLow).toBeCloseTo(28.2 / 32.65 - 1, 12);
    expect(check.claim.matches).toEqual(["intradayLow"]);
  });

  it("reads symbols in any case and names them as the data does", async () => {
    const check = await (await get(`/api/check?${query({ ...XIAOMI, symbol: "1810.hk", market: "^hsi" })}`)).json();
    expect(check.symbol).toBe("1810.HK");
    expect(check.market).toBe("^HSI");
  });

  it.each([
    ["no symbol", "date=2021-01-15", /^symbol: required/],
    ["no date", "symbol=1810.HK", /^date: required/],
    ["a path as symbol", "symbol=../../etc/passwd&date=2021-01-15", /^symbol: invalid symbol "\.\.\/\.\.\/etc\/passwd"/],
    ["an encoded path as symbol", "symbol=%2e%2e%2f%2e%2e%2fetc%2fpasswd&date=2021-01-15", /^symbol: invalid symbol "\.\.\/\.\.\/etc\/passwd"/],
    ["an absolute path as symbol", "symbol=%2Fetc%2Fpasswd&date=2021-01-15", /^symbol: invalid symbol "\/etc\/passwd"/],
    ["a NUL byte in the symbol", "symbol=1810.HK%00&date=2021-01-15", /^symbol: invalid symbol "1810\.HK\\u0000"/],
    ["an unknown symbol", "symbol=XIAOMI&date=2021-01-15", /^symbol: no prices for "XIAOMI" on file, and fetching them failed: unknown or delisted symbol \(Yahoo: "No data found, symbol may be delisted"\)$/],
    ["an unknown market", "symbol=1810.HK&date=2021-01-15&market=^XYZ", /^market: no prices for "\^XYZ" on file, and fetching them failed: unknown/],
    ["a date in another format", "symbol=1810.HK&date=15/01/2021", /^date: expected a date YYYY-MM-DD$/],
    ["a date that does not exist", "symbol=1810.HK&date=2021-02-30", /^date: not a calendar date$/],
    ["a date after the data", "symbol=1810.HK&date=2030-01-15", /^1810\.HK: no prices on 2030-01-15; 1810\.HK\.csv covers 2019-06-14 to 2021-12-31$/],
    ["a day without trading", "symbol=1810.HK&date=2021-01-16", /^1810\.HK did not trade on 2021-01-16 \(a Saturday\); the nearest sessions are 2021-01-15 and 2021-01-18$/],
    ["a claim without a size", "symbol=1810.HK&date=2021-01-15&claim=plummeted", /^cannot read a claim from "plummeted"/],
    ["a claim too long", `symbol=1810.HK&date=2021-01-15&claim=${"fell 14% ".repeat(120)}`, /^claim: at most 1000 characters$/],
    ["a repeated parameter", "symbol=1810.HK&symbol=0981.HK&date=2021-01-15", /^symbol: give it once, not 2 times$/],
  ])("answers %s with a 400 and the reason", async (_, search, message) => {
    const response = await get(`/api/check?${search}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error).toMatch(message);
    expect(body.error).not.toContain(repoRoot);
  });

  it.each(["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"])("takes %s for the unknown name it is, as a parameter or a symbol", async (name) => {
    const asParameter = await get(`/api/check?${query({ [name]: "x", ...XIAOMI })}&${name}=y`);
    expect(asParameter.status).toBe(200);
    for (const params of [{ symbol: name, date: "2021-01-15" }, { ...XIAOMI, market: name }]) {
      const response = await get(`/api/check?${query(params)}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(/^(symbol|market): (invalid symbol|no prices for)/);
    }
    expect((await get(`/api/events?${name}=x&symbol=1810.HK`)).status).toBe(200);
  });

  it("names every bad parameter at once", async () => {
    const { error } = await (await get("/api/check?symbol=..&date=tomorrow")).json();
    expect(error.split("\n")).toEqual([expect.stringMatching(/^symbol: invalid symbol/), "date: expected a date YYYY-MM-DD"]);
  });
});

describe("symbols can never name a file outside the data folder", () => {
  const root = mkdtempSync(join(tmpdir(), "event-impact-serve-"));
  let confined: RunningServer;

  beforeAll(async () => {
    mkdirSync(join(root, "data/prices"), { recursive: true });
    for (const file of ["1810.HK.csv", "INDEX_HSI.csv"]) copyFileSync(join(repoRoot, "data/prices", file), join(root, "data/prices", file));
    copyFileSync(join(repoRoot, "data/prices/1810.HK.csv"), join(root, "secret.csv"));
    copyFileSync(join(repoRoot, "data/prices/1810.HK.csv"), join(root, "data/secret.csv"));
    confined = await startTestServer({ yahooUrl: yahoo.url, dataDir: join(root, "data") });
  });
  afterAll(async () => confined?.close());

  it.each(["../secret", "..%2Fsecret", "%2e%2e%2fsecret", "..%5Csecret", "prices/../../secret", "../data/secret", encodeURIComponent(join(root, "secret")), "secret%00", "secret"])(
    "%s is a 400, though a valid price file sits there",
    async (symbol) => {
      const response = await fetch(new URL(`/api/check?symbol=${symbol}&date=2021-01-15`, confined.url));
      expect(response.status).toBe(400);
      expect((await response.json()).error).not.toContain(join(root, "data"));
    },
  );

  it("serves the folder's own symbols", async () => {
    expect((await fetch(new URL(`/api/check?${query(XIAOMI)}`, confined.url))).status).toBe(200);
  });
});

describe("the result page", () => {
  it("renders the verdict, the measures with the match highlighted, three charts (claim day, history, and the forest plot of E13 with Air China) and the shareable link", async () => {
    const response = await get(`/check?${query(XIAOMI)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("accurate for the intraday low only");
    expect(html).toMatch(/<tr class="match"><th scope="row">intraday low<\/th><td class="num">-13\.63%<\/td><td>✓ matches the claim<\/td>/);
    expect(html.match(/<tr class="match">/g)).toHaveLength(1);
    expect(html.match(/<figure class="chart"><svg /g)).toHaveLength(3);
    expect(html).toContain('<a id="share-link" href="/check?symbol=1810.HK&amp;date=2021-01-15&amp;claim=plummeted+14%25">');
    expect(html).toMatch(/<details class="method"><summary>Method and data<\/summary>/);
    expect(html).toContain('value="plummeted 14%"');
  });

  it("shows the landing form with labels for every field and suggestions from the data", async () => {
    const html = await (await get("/")).text();
    for (const id of ["symbol", "date", "claim", "market"]) expect(html).toMatch(new RegExp(`<label for="${id}">`));
    const options = (symbols: string[]) => symbols.map((symbol) => `<option value="${symbol}"></option>`).join("");
    const bundled = availableSymbols(bundledDataDir);
    expect(html).toContain(`<datalist id="symbol-list">${options(bundled.filter((symbol) => !symbol.startsWith("^")))}</datalist>`);
    expect(html).toContain('<option value="0883.HK"></option><option value="0941.HK"></option><option value="0981.HK"></option>');
    expect(html).toContain('<datalist id="market-list"><option value="^GSPC"></option><option value="^HSI"></option></datalist>');
    expect(html).toContain('<form id="check-form" method="get" action="/check">');
  });

  it("answers bad input with a 400 page: the message, the fields marked, the values kept", async () => {
    const response = await get("/check?symbol=../../etc/passwd&date=2021-01-15&claim=fell+14%25");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<div class="error" id="problem" role="alert"><h2>Cannot check this claim</h2><p>symbol: invalid symbol &quot;../../etc/passwd&quot;');
    expect(html).toMatch(/<input id="symbol" [^>]*aria-invalid="true"[^>]*value="\.\.\/\.\.\/etc\/passwd">/);
    expect(html).not.toMatch(/<input id="date" [^>]*aria-invalid/);
    expect(html).toContain('value="fell 14%"');
  });

  it("escapes every string it was given, in the page and in the charts", async () => {
    const injected = await (await get(`/check?${query({ symbol: '<script>alert("x")</script>', date: "2021-01-15" })}`)).text();
    expect(injected).not.toContain("<script>alert");
    expect(injected).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    const claim = '<img src=x onerror="alert(1)"> fell 14% & more';
    const response = await get(`/check?${query({ ...XIAOMI, claim })}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; fell 14% &amp; more");
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it("allows only its own inline script, by hash", async () => {
    const response = await get("/");
    const html = await response.text();
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain(`script-src 'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    expect(policy).toMatch(/default-src 'none'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers other paths with 404 and other methods with 405", async () => {
    expect((await get("/etc/passwd")).status).toBe(404);
    expect((await get("/api/nothing")).status).toBe(404);
    const post = await get("/check", { method: "POST", body: "symbol=1810.HK" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const head = await get("/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });
});

describe("errors of the server itself", () => {
  let faulty: RunningServer;
  const faultyLogs: string[] = [];
  const ask = (params: Record<string, string>, path = "/api/check") => fetch(new URL(`${path}?${query(params)}`, faulty.url), { signal: AbortSignal.timeout(30_000) });

  beforeAll(async () => {
    faulty = await startTestServer({ yahooUrl: yahoo.url, workerModule: faultyWorkerModule, workers: 1, queueLimit: 1, timeLimit: 1, log: (line) => faultyLogs.push(line) });
  });
  afterAll(async () => faulty?.close());

  it("are a 500 with a generic message, the stack trace in the log only, and the server keeps serving", async () => {
    faultyLogs.length = 0;
    const api = await ask(XIAOMI);
    expect(api.status).toBe(500);
    const body = await api.text();
    expect(JSON.parse(body)).toEqual({ error: "internal error: the server could not complete this request (the details are in the server's log)" });
    const page = await ask(XIAOMI, "/check");
    expect(page.status).toBe(500);
    const html = await page.text();
    for (const text of [body, html]) {
      expect(text).not.toContain("hidden detail");
      expect(text).not.toContain("/srv/secret");
    }
    expect(html).toContain("internal error: the server could not complete this request");
    expect(faultyLogs).toHaveLength(2);
    expect(faultyLogs[0]).toMatch(/GET \/api\/check\?.*TypeError: hidden detail of a bug\n\s+at /);
    expect((await fetch(new URL("/", faulty.url))).status).toBe(200);
  });

  it("a computation over the time limit is a 503 with Retry-After; its worker is replaced", async () => {
    const started = Date.now();
    const response = await ask({ ...XIAOMI, claim: "block" });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error).toMatch(/^the server cannot answer now: not done within the time limit of 1 s; try again in 5 s$/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await ask(XIAOMI)).status).toBe(500);
    expect(faulty.stats()).toMatchObject({ workers: 1, running: 0, queued: 0 });
  });

  it("a full queue is a 503 with Retry-After at once, on the page and in the API", async () => {
    const blocked = ["2021-01-13", "2021-01-14"].map((date) => ask({ ...XIAOMI, date, claim: "block" }));
    await expect.poll(() => faulty.stats()).toMatchObject({ running: 1, queued: 1 });
    const refused = [await ask({ ...XIAOMI, claim: "fell 1%" }), await ask({ ...XIAOMI, claim: "fell 2%" }, "/check")];
    for (const response of refused) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.text()).toMatch(/the server cannot answer now: all 1 workers are busy and 1 jobs are waiting; try again in 5 s/);
    }
    expect((await Promise.all(blocked)).map((response) => response.status)).toEqual([503, 503]);
  });

  it("a worker that dies fails its request with a 500 and is replaced", async () => {
    expect((await ask({ ...XIAOMI, claim: "crash" })).status).toBe(500);
    expect((await ask(XIAOMI)).status).toBe(500);
    expect(faulty.stats()).toMatchObject({ workers: 1 });
  });
});

describe("GET /api/events", () => {
  it("returns the catalog as events --json prints it, filtered like the events command", async () => {
    const all = await (await get("/api/events")).json();
    expect(all).toEqual(readCatalog());
    const cli = runCli(["events", "--json", "--symbol", "1810.HK"]);
    const response = await get("/api/events?symbol=1810.HK");
    expect(await response.text()).toBe(cli.stdout);
    expect((await get("/api/events?symbol=1810.HK&symbol=0981.HK")).status).toBe(400);
  });
});

describe("the result cache", () => {
  it("keeps the most recently used entries", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect([...cache.keys()]).toEqual(["a", "c"]);
    expect(cache.get("b")).toBeUndefined();
    expect(() => new LruCache(0)).toThrow(RangeError);
  });

  it("computes a check once for any number of requests, from the API and the page, in any case of the symbol", async () => {
    const tuple = { symbol: "0941.HK", date: "2020-12-04", claim: "fell 1.37%" };
    const before = server.stats().completed;
    const responses = await Promise.all([
      ...Array.from({ length: 20 }, () => get(`/api/check?${query(tuple)}`)),
      ...Array.from({ length: 5 }, () => get(`/check?${query({ ...tuple, symbol: "0941.hk" })}`)),
    ]);
    expect(responses.map((response) => response.status)).toEqual(Array(25).fill(200));
    const bodies = new Set(await Promise.all(responses.slice(0, 20).map((response) => response.text())));
    expect(bodies.size).toBe(1);
    expect(server.stats().completed - before).toBe(2); // the check, and the charts of its page
  });

  it("drops the least recently used check beyond its size", async () => {
    const small = await startTestServer({ yahooUrl: yahoo.url, cacheSize: 2 });
    try {
      const ask = (claim: string) => fetch(new URL(`/api/check?${query({ ...XIAOMI, claim })}`, small.url));
      for (const claim of ["fell 1%", "fell 2%", "fell 1%", "fell 3%", "fell 1%", "fell 2%"]) expect((await ask(claim)).status).toBe(200);
      expect(small.stats().completed).toBe(4);
    } finally {
      await small.close();
    }
  });
});

describe("under load", () => {
  it("answers 200 concurrent requests, good and bad, each correctly, without a 5xx, and keeps serving", async () => {
    const fresh = await startTestServer({ yahooUrl: yahoo.url, log: (line) => logs.push(line) });
    logs.length = 0;
    try {
      const good = [
        ...["plummeted 14%", "fell 10.26%", "closed 10.3% lower", ""].map((claim) => ({ symbol: "1810.HK", date: "2021-01-15", claim })),
        ...["0981.HK", "0883.HK", "0941.HK"].map((symbol) => ({ symbol, date: "2020-12-04", claim: "fell 5%" })),
        ...Array.from({ length: 13 }, (_, k) => ({ symbol: "1810.hk", date: "2021-01-15", claim: `down ${k + 1}%` })),
      ];
      const bad = [
        "symbol=../../etc/passwd&date=2021-01-15",
        "symbol=%2e%2e%2f%2e%2e%2fetc%2fpasswd&date=2021-01-15",
        "symbol=XIAOMI&date=2021-01-15",
        "symbol=1810.HK&date=2030-01-15",
        "symbol=1810.HK&date=2021-01-16",
        "symbol=1810.HK&date=2021-13-01",
        "symbol=1810.HK&date=2021-01-15&claim=plummeted",
        "date=2021-01-15",
      ];
      const requests = Array.from({ length: 200 }, (_, k) =>
        k % 5 < 3 ? { kind: "good" as const, params: good[k % good.length]! } : { kind: "bad" as const, search: bad[k % bad.length]! },
      );
      const responses = await Promise.all(
        requests.map(async (request) => {
          const search = request.kind === "good" ? query(request.params) : request.search;
          const response = await fetch(new URL(`/api/check?${search}`, fresh.url), { signal: AbortSignal.timeout(60_000) });
          return { request, status: response.status, body: await response.json() };
        }),
      );
      expect(responses.filter((r) => r.status >= 500)).toEqual([]);
      for (const { request, status, body } of responses) {
        if (request.kind === "bad") {
          expect(status).toBe(400);
          expect(typeof body.error).toBe("string");
          continue;
        }
        expect(status).toBe(200);
        const { symbol, date, claim } = request.params;
        const day = dayFromCsv(symbol.toUpperCase(), date);
        expect(body.symbol).toBe(symbol.toUpperCase());
        expect(body.measures.closeToClose).toBeCloseTo(day.closeToClose, 12);
        expect(body.measures.openGap).toBeCloseTo(day.openGap, 12);
        expect(body.prices.close).toBe(day.close);
        if (claim === "") expect(body.claim).toBeNull();
        else expect(body.claim.text).toBe(claim);
      }
      expect(responses.filter((r) => r.request.kind === "good")).toHaveLength(120);
      expect(logs).toEqual([]);
      expect((await fetch(new URL("/", fresh.url))).status).toBe(200);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});

describe.skipIf(!hasHkUniverse)("with a universe", () => {
  it("ranks the day among the universe in the API and on the page", async () => {
    const ranked = await startTestServer({ yahooUrl: yahoo.url, universeDir: hkUniverseDir });
    try {
      const check = await (await fetch(new URL(`/api/check?${query(XIAOMI)}`, ranked.url))).json();
      expect(check.universe.ret).toMatchObject({ rank: 1, of: 79, fellMore: 0, roseMore: 78 });
      const html = await (await fetch(new URL(`/check?${query(XIAOMI)}`, ranked.url))).text();
      expect(html).toContain("Among 79 stocks on 2021-01-15");
      expect(html.match(/<figure class="chart"><svg /g)).toHaveLength(4);
    } finally {
      await ranked.close();
    }
  }, 60_000);
});

describe("event-impact serve", () => {
  it("prints its URL, serves, and stops cleanly on Ctrl-C", async () => {
    const serve = await spawnServe([]);
    const check = await (await fetch(new URL(`/api/check?${query(XIAOMI)}`, serve.url))).json();
    expect(check.claim.matches).toEqual(["intradayLow"]);
    const { code, stdout } = await serve.stop();
    expect(code).toBe(0);
    expect(stdout).toContain("event-impact serve: stopped");
  }, 30_000);

  it.each([
    [["--port", "http"], /--port: expected a port number, 0 to 65535/],
    [["--port", "70000"], /--port: expected a port number, 0 to 65535/],
    [["--data", "/nonexistent/folder"], /--data \/nonexistent\/folder: no such folder/],
    [["--universe", "src"], /--universe src: no price files/],
    [["--workers", "0"], /--workers: expected a number of worker threads, 1 to 64/],
    [["--queue", "-1"], /--queue: expected a number of waiting checks, 0 to 100000/],
    [["--time-limit", "1.5"], /--time-limit: expected a number of seconds, 1 to 3600/],
    [["--yahoo-url", "ftp://x"], /--yahoo-url: expected an http:\/\/ or https:\/\/ URL/],
  ])("refuses %j with exit code 2", (args, message) => {
    const { code, stderr } = runCli(["serve", ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("says so when the port is taken", async () => {
    const port = Number(new URL(server.url).port);
    const { code, stderr } = await runCliAsync(["serve", "--port", String(port)]);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: port ${port} is in use on 127.0.0.1: stop the other server or choose another --port\n`);
  });

  it("documents the pages and the API in --help", () => {
    const { stdout } = runCli(["serve", "--help"]);
    expect(stdout).toMatch(/\/api\/check\?symbol=&date=&claim=&market=/);
    expect(stdout).toMatch(/--host <address>/);
  });
});
