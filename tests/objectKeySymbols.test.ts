import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCliAsync, tempDir } from "./helpers/cli.js";
import { startYahooServer, type YahooServer } from "./helpers/yahooServer.js";

/** Symbols that name properties of every plain object: a lookup in `{}` finds them unless the code keys by Map. */
const OBJECT_KEYS = ["constructor", "toString", "valueOf", "hasOwnProperty"];

/** China Mobile's bundled prices under each object-key symbol, with ^HSI. */
function servedData(): string {
  const dir = tempDir("served");
  copyFileSync(join(repoRoot, "data/prices/INDEX_HSI.csv"), join(dir, "INDEX_HSI.csv"));
  for (const symbol of OBJECT_KEYS) copyFileSync(join(repoRoot, "data/prices/0941.HK.csv"), join(dir, `${symbol}.csv`));
  return dir;
}

describe("symbols named like Object.prototype properties (constructor, toString, valueOf, hasOwnProperty)", () => {
  let server: YahooServer;
  const cache = tempDir("cache");
  beforeAll(async () => {
    server = await startYahooServer({ dataDirs: [servedData()] });
  });
  afterAll(async () => server.close());

  const noCrash = (result: { code: number; stderr: string }) => {
    expect([0, 2]).toContain(result.code);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  it("fetch, check and study succeed (or fail with exit 2) through the CLI, before and after the symbols are cached", { timeout: 180_000 }, async () => {
    const env = { EVENT_IMPACT_YAHOO_URL: server.url, EVENT_IMPACT_CACHE: cache };
    const before = await runCliAsync(["check", "constructor", "--date", "2021-01-15", "--market", "^HSI", "--offline"], env);
    expect(before.code).toBe(2);
    noCrash(before);

    const fetched = await runCliAsync(["fetch", ...OBJECT_KEYS, "--from", "2020-01-01", "--to", "2021-12-31"], env);
    noCrash(fetched);
    expect(fetched.code).toBe(0);
    for (const symbol of OBJECT_KEYS) expect(fetched.stdout).toMatch(new RegExp(`${symbol}\\s+fetched\\s+495`));

    for (const symbol of OBJECT_KEYS) {
      const check = await runCliAsync(["check", symbol, "--date", "2021-01-15", "--market", "^HSI", "--json"], env);
      noCrash(check);
      expect(check.code).toBe(0);
      expect(JSON.parse(check.stdout).symbol).toBe(symbol);
    }

    const spec = join(tempDir("spec"), "spec.json");
    writeFileSync(spec, JSON.stringify({ market: "^HSI", events: OBJECT_KEYS.map((symbol) => ({ symbol, date: "2021-01-14" })) }));
    const study = await runCliAsync(["study", spec, "--json"], env);
    noCrash(study);
    expect(study.code).toBe(0);
    expect(JSON.parse(study.stdout).events.map((event: { symbol: string }) => event.symbol)).toEqual(OBJECT_KEYS);

    noCrash(await runCliAsync(["study", spec, "--offline", "--json"], env));
  });

  it("a symbol without a file is an input error, never a crash, for every command", { timeout: 180_000 }, async () => {
    const env = { EVENT_IMPACT_YAHOO_URL: "http://127.0.0.1:9", EVENT_IMPACT_CACHE: tempDir("empty") };
    for (const symbol of OBJECT_KEYS) {
      noCrash(await runCliAsync(["check", symbol, "--date", "2021-01-15", "--source", "bundled"], env));
      noCrash(await runCliAsync(["check", "1810.HK", "--date", "2021-01-15", "--market", symbol, "--offline"], env));
    }
  });
});
