import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../src/sources/priceCache.js";
import { formatPriceCsv } from "../src/sources/priceCsv.js";
import { priceFileName } from "../src/sources/symbolFile.js";
import { repoRoot, runCliAsync, tempDir } from "./helpers/cli.js";
import { startYahooServer, type YahooServer } from "./helpers/yahooServer.js";

const bundled = join(repoRoot, "data/prices");

/** 12 symbols to serve, the bundled series under other names, among them the names of Object.prototype members. */
const SYMBOLS = [
  ...["constructor", "toString", "valueOf", "hasOwnProperty"],
  ...Array.from({ length: 8 }, (_, i) => `${String(i + 1).padStart(4, "0")}.HK`),
];
const TO = "2021-06-30";

function servedData(): string {
  const dir = tempDir("served");
  const sources = readdirSync(bundled).filter((name) => name.endsWith(".csv"));
  SYMBOLS.forEach((symbol, i) => copyFileSync(join(bundled, sources[i % sources.length]!), join(dir, priceFileName(symbol))));
  return dir;
}

let yahoo: YahooServer;
beforeAll(async () => {
  yahoo = await startYahooServer({ dataDirs: [servedData()] });
});
afterAll(() => yahoo.close());

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** One fetch run: its symbols and the first date it asks for. */
interface Run {
  symbols: string[];
  from: string;
}

function fetchRun(run: Run, cache: string, env: NodeJS.ProcessEnv = {}) {
  return runCliAsync(["fetch", ...run.symbols, "--from", run.from, "--to", TO], { EVENT_IMPACT_CACHE: cache, EVENT_IMPACT_YAHOO_URL: yahoo.url, ...env });
}

/**
 * Every symbol any run fetched has an entry whose hash is its file's, and the file holds exactly the
 * served bars from the earliest date asked for (merged across runs) to the end.
 */
function expectCacheComplete(cache: string, runs: readonly Run[]): void {
  const manifest = readManifest(cache);
  const wanted = new Map<string, string>();
  for (const run of runs) for (const symbol of run.symbols) if (!wanted.has(symbol) || run.from < wanted.get(symbol)!) wanted.set(symbol, run.from);
  expect([...manifest.symbols.keys()].sort()).toEqual([...wanted.keys()].sort());
  for (const [symbol, from] of wanted) {
    const entry = manifest.symbols.get(symbol)!;
    const text = readFileSync(join(cache, entry.file), "utf8");
    expect(sha256(text), symbol).toBe(entry.sha256);
    expect(text, symbol).toBe(formatPriceCsv(yahoo.bars(symbol).filter((bar) => bar.date >= from && bar.date <= TO)));
  }
  expect(readdirSync(cache).filter((name) => name.includes(".tmp-") || name === ".lock")).toEqual([]);
}

/** `processes` runs over SYMBOLS: disjoint slices, or overlapping windows (each shares half its symbols with the next) starting on different dates. */
function runsOf(processes: number, overlapping: boolean): Run[] {
  const size = SYMBOLS.length / processes;
  return Array.from({ length: processes }, (_, i) => {
    if (!overlapping) return { symbols: SYMBOLS.slice(i * size, (i + 1) * size), from: "2020-06-01" };
    const symbols = Array.from({ length: size * 2 }, (__, k) => SYMBOLS[(i * size + k) % SYMBOLS.length]!);
    return { symbols, from: `2020-0${i + 2}-01` };
  });
}

describe.skipIf(process.env.SKIP_SLOW === "1")("concurrent fetches into one cache (slow: 40 trials of 2 or 4 processes)", () => {
  for (const processes of [2, 4]) {
    for (const overlapping of [false, true]) {
      it(`${processes} processes, ${overlapping ? "overlapping" : "disjoint"} symbol sets, 10 trials: every entry present, every hash right`, async () => {
        for (let trial = 0; trial < 10; trial++) {
          const cache = tempDir("shared-cache");
          const runs = runsOf(processes, overlapping);
          const results = await Promise.all(runs.map((run) => fetchRun(run, cache)));
          expect(results.map((result) => [result.code, result.stderr.match(/^error: .*$/m)?.[0] ?? ""])).toEqual(runs.map(() => [0, ""]));
          expectCacheComplete(cache, runs);
        }
      }, 300_000);
    }
  }
});

describe("a fetch killed at each step of a cache commit, then run again", () => {
  const first: Run = { symbols: ["0001.HK", "constructor"], from: "2021-01-04" };
  const wider: Run = { symbols: ["0001.HK", "constructor", "0002.HK"], from: "2020-06-01" };

  for (const step of ["price-rename", "manifest-rename", "unlock"]) {
    it.concurrent(`killed at ${step}: the rerun takes over the lock, sweeps the temporary files and repairs the entries`, async () => {
      const cache = tempDir("killed-cache");
      expect((await fetchRun(first, cache)).code).toBe(0);
      const killed = await fetchRun(wider, cache, { EVENT_IMPACT_KILL_AT: step });
      expect(killed.code).toBe(-1);
      const left = readdirSync(cache);
      expect(left).toContain(".lock");
      if (step === "price-rename") expect(left.filter((name) => name.includes(".tmp-")).length).toBe(2);
      if (step === "manifest-rename") {
        const manifest = readManifest(cache);
        const mismatched = [...manifest.symbols.values()].filter((entry) => sha256(readFileSync(join(cache, entry.file), "utf8")) !== entry.sha256);
        expect(mismatched).toHaveLength(1);
      }
      const rerun = await fetchRun(wider, cache);
      expect(rerun.code).toBe(0);
      if (step === "manifest-rename") expect(rerun.stdout).toMatch(/\s+repaired\s+/);
      expectCacheComplete(cache, [first, wider]);
    }, 60_000);
  }
});

describe("the cache repairs what it cannot vouch for", () => {
  it("a corrupted cached CSV and a CSV without a manifest entry are fetched again, not merged, and reported as repaired", async () => {
    const cache = tempDir("repair-cache");
    const run: Run = { symbols: ["0003.HK", "0004.HK", "toString"], from: "2020-06-01" };
    expect((await fetchRun(run, cache)).code).toBe(0);
    writeFileSync(join(cache, "0003.HK.csv"), "date,open\n\u0000\u0000 not prices\n");
    writeFileSync(join(cache, "valueOf.csv"), formatPriceCsv(yahoo.bars("0004.HK").slice(0, 3)));
    const rerun = await fetchRun({ ...run, symbols: [...run.symbols, "valueOf"] }, cache);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/0003\.HK\s+repaired\s+/);
    expect(rerun.stdout).toMatch(/valueOf\s+repaired\s+/);
    expect(rerun.stdout).toMatch(/0004\.HK\s+unchanged\s+/);
    expectCacheComplete(cache, [{ ...run, symbols: [...run.symbols, "valueOf"] }]);
  });

  it("check re-fetches a cached symbol whose file no longer matches its entry, then reads the repaired file", async () => {
    const cache = tempDir("repair-check");
    expect((await fetchRun({ symbols: ["0005.HK"], from: "2019-01-01" }, cache)).code).toBe(0);
    writeFileSync(join(cache, "0005.HK.csv"), readFileSync(join(cache, "0005.HK.csv"), "utf8").replace(/\n2020-03-02,[^\n]*/, ""));
    const before = yahoo.requests.length;
    const check = await runCliAsync(["check", "0005.HK", "--date", "2021-01-15", "--market", "^HSI"], { EVENT_IMPACT_CACHE: cache, EVENT_IMPACT_YAHOO_URL: yahoo.url });
    expect(check.code).toBe(0);
    expect(yahoo.requests.slice(before).map((request) => request.symbol)).toEqual(["0005.HK"]);
    const entry = readManifest(cache).symbols.get("0005.HK")!;
    expect(sha256(readFileSync(join(cache, entry.file), "utf8"))).toBe(entry.sha256);
  });
});
