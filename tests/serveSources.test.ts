import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import type { RunningServer } from "../src/serve/server.js";
import { SeriesStore } from "../src/serve/seriesStore.js";
import { repoRoot, runCli } from "./helpers/cli.js";
import { startTestServer } from "./helpers/serveServer.js";
import { startYahooServer, type YahooServer } from "./helpers/yahooServer.js";

const bundled = join(repoRoot, "data/prices");
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** A folder with the bundled 1810.HK and ^HSI files, and more files named `<symbol>.csv` copied from 1810.HK. */
function priceFolder(copies: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "event-impact-serve-data-"));
  for (const file of ["1810.HK.csv", "INDEX_HSI.csv"]) copyFileSync(join(bundled, file), join(dir, file));
  for (const symbol of copies) copyFileSync(join(bundled, "1810.HK.csv"), join(dir, `${symbol}.csv`));
  return dir;
}

/** A price file with the close (and adjusted close) of one date set to a value. */
function withClose(file: string, date: string, close: number): string {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => {
      if (!line.startsWith(`${date},`)) return line;
      const [day, open, high, low, , , volume] = line.split(",");
      return [day, open, Math.max(Number(high), close), Math.min(Number(low), close), close, close, volume].join(",");
    })
    .join("\n");
}

describe("the series store", () => {
  it("reads a file once, again only when it changed, and names a file it cannot read", () => {
    const dir = priceFolder();
    const store = new SeriesStore(8);
    const first = store.read([dir], "1810.HK");
    expect(store.read([dir], "1810.HK")).toBe(first);
    const file = join(dir, "1810.HK.csv");
    writeFileSync(`${file}.tmp`, withClose(file, "2021-01-15", 20));
    renameSync(`${file}.tmp`, file);
    const reread = store.read([dir], "1810.HK");
    expect(reread).not.toBe(first);
    expect(reread.bars.find((bar) => bar.date === "2021-01-15")!.close).toBe(20);
    rmSync(file);
    mkdirSync(file);
    expect(() => store.read([dir], "1810.HK")).toThrow(new InputError("missing-file", `${file} is a folder, not a file`, { file }));
  });

  it("keeps its capacity of most recently used series", () => {
    const dir = priceFolder(["A.HK", "B.HK"]);
    const store = new SeriesStore(2);
    const a = store.read([dir], "A.HK");
    store.read([dir], "B.HK");
    store.read([dir], "1810.HK");
    expect(store.size).toBe(2);
    expect(store.read([dir], "A.HK")).not.toBe(a);
  });
});

describe("price files and folders as the server reads them", () => {
  let yahoo: YahooServer;
  let server: RunningServer;
  let data: string;
  const responses: string[] = [];
  const ask = async (path: string, params: Record<string, string>) => {
    const response = await fetch(new URL(`${path}?${query(params)}`, server.url), { signal: AbortSignal.timeout(30_000) });
    const body = await response.text();
    responses.push(body);
    return { status: response.status, body };
  };

  beforeAll(async () => {
    yahoo = await startYahooServer();
    data = priceFolder(["FOLDER.HK", "EMPTY.HK", "LOCKED.HK"]);
    rmSync(join(data, "FOLDER.HK.csv"));
    mkdirSync(join(data, "FOLDER.HK.csv"));
    server = await startTestServer({ yahooUrl: yahoo.url, dataDir: data });
  });
  afterAll(async () => {
    await server?.close();
    await yahoo?.close();
  });

  it("answers a price file that is a folder with a 400 naming the file, on the page and in the API", async () => {
    const api = await ask("/api/check", { symbol: "FOLDER.HK", date: "2021-01-15" });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toEqual({ error: "FOLDER.HK.csv is a folder, not a file" });
    const page = await ask("/check", { symbol: "FOLDER.HK", date: "2021-01-15" });
    expect(page.status).toBe(400);
    expect(page.body).toContain("<p>FOLDER.HK.csv is a folder, not a file</p>");
  });

  it.skipIf(process.getuid?.() === 0)("answers a price file it may not read with a 400 naming the file (not as root, who reads any file)", async () => {
    chmodSync(join(data, "LOCKED.HK.csv"), 0o000);
    const { status, body } = await ask("/api/check", { symbol: "LOCKED.HK", date: "2021-01-15" });
    expect(status).toBe(400);
    expect(JSON.parse(body)).toEqual({ error: "LOCKED.HK.csv cannot be read: permission denied" });
  });

  it("answers a price file that vanished or dangles with a 400, never a 500", async () => {
    symlinkSync(join(data, "nowhere.csv"), join(data, "GONE.HK.csv"));
    rmSync(join(data, "EMPTY.HK.csv"));
    for (const symbol of ["GONE.HK", "EMPTY.HK"]) {
      const { status, body } = await ask("/api/check", { symbol, date: "2021-01-15" });
      expect(status).toBe(400);
      expect(JSON.parse(body).error).toMatch(new RegExp(`^symbol: no prices for "${symbol.replace(".", "\\.")}" on file, and fetching them failed`));
    }
  });

  it("serves a rewritten price file's new prices, without a restart", async () => {
    const xiaomi = { symbol: "1810.HK", date: "2021-01-15" };
    expect(JSON.parse((await ask("/api/check", xiaomi)).body).prices.close).toBe(29.3);
    const file = join(data, "1810.HK.csv");
    writeFileSync(`${file}.tmp`, withClose(file, "2021-01-15", 25));
    renameSync(`${file}.tmp`, file);
    await expect.poll(async () => JSON.parse((await ask("/api/check", xiaomi)).body).prices.close, { timeout: 10_000 }).toBe(25);
  });

  it("names files by their name and hash only: no folder of the server in any answer", async () => {
    const check = JSON.parse((await ask("/api/check", { symbol: "1810.HK", date: "2021-01-14" })).body);
    expect(check.sources.map((source: { file: string }) => source.file)).toEqual(["1810.HK.csv", "INDEX_HSI.csv"]);
    expect(check.sources[1].sha256).toMatch(/^[0-9a-f]{64}$/);
    await ask("/check", { symbol: "1810.HK", date: "2021-01-14" });
    expect(responses.length).toBeGreaterThan(5);
    for (const body of responses) for (const folder of [data, repoRoot, tmpdir(), "data/prices"]) expect(body).not.toContain(folder);
  });
});

describe("prices from the cache and from Yahoo", () => {
  let yahoo: YahooServer;
  const served = priceFolder(["9988.HK", "0700.HK"]);

  beforeAll(async () => {
    yahoo = await startYahooServer({ dataDirs: [served] });
  });
  afterAll(async () => yahoo?.close());

  it("fetches a symbol no folder holds into the cache, once for concurrent requests, then serves it from there", async () => {
    const server = await startTestServer({ yahooUrl: yahoo.url });
    try {
      const claims = ["fell 10%", "fell 11%", "fell 12%", "fell 13%"];
      const responses = await Promise.all(claims.map((claim) => fetch(new URL(`/api/check?${query({ symbol: "9988.hk", date: "2021-01-15", claim })}`, server.url))));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      const check = await responses[0]!.json();
      expect(check.symbol).toBe("9988.HK");
      expect(check.sources[0]).toMatchObject({ symbol: "9988.HK", file: "9988.HK.csv", source: "cache" });
      expect(check.prices.close).toBe(29.3);
      expect(yahoo.requests.filter((request) => request.symbol === "9988.HK")).toHaveLength(1);
      const page = await (await fetch(new URL("/", server.url))).text();
      expect(page).toContain('<option value="9988.HK">');
    } finally {
      await server.close();
    }
  });

  it("answers other requests while a fetch hangs", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const server = await startTestServer({ yahooUrl: `http://127.0.0.1:${(silent.address() as { port: number }).port}` });
    const hanging = new AbortController();
    try {
      const fetching = fetch(new URL(`/api/check?${query({ symbol: "0700.HK", date: "2021-01-15" })}`, server.url), { signal: hanging.signal }).catch(() => null);
      await expect.poll(() => sockets.size).toBeGreaterThan(0);
      const started = Date.now();
      expect((await fetch(new URL("/", server.url))).status).toBe(200);
      expect((await fetch(new URL(`/api/check?${query({ symbol: "1810.HK", date: "2021-01-15" })}`, server.url))).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(10_000);
      hanging.abort();
      await fetching;
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await server.close();
    }
  });

  it("with --offline reads the cache and the bundled data, and never fetches", async () => {
    const cache = mkdtempSync(join(tmpdir(), "event-impact-cache-"));
    expect(runCli(["import", join(served, "0700.HK.csv"), join(bundled, "INDEX_HSI.csv"), "--cache", cache]).code).toBe(0);
    const server = await startTestServer({ yahooUrl: yahoo.url, cacheDir: cache, offline: true });
    try {
      const requests = yahoo.requests.length;
      const check = await (await fetch(new URL(`/api/check?${query({ symbol: "0700.HK", date: "2021-01-15" })}`, server.url))).json();
      expect(check.sources.map((source: { file: string; source: string }) => [source.file, source.source])).toEqual([["0700.HK.csv", "cache"], ["INDEX_HSI.csv", "cache"]]);
      const bundledCheck = await (await fetch(new URL(`/api/check?${query({ symbol: "0981.HK", date: "2021-01-15" })}`, server.url))).json();
      expect(bundledCheck.sources.map((source: { file: string; source: string }) => [source.file, source.source])).toEqual([["0981.HK.csv", "bundled"], ["INDEX_HSI.csv", "cache"]]);
      const unknown = await fetch(new URL(`/api/check?${query({ symbol: "9988.HK", date: "2021-01-15" })}`, server.url));
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).error).toMatch(/^symbol: no prices for "9988\.HK" in the data; available: /);
      expect(yahoo.requests.length).toBe(requests);
    } finally {
      await server.close();
    }
  });
});
