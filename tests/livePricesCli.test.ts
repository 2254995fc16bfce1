import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parsePriceCsv } from "../src/sources/priceCsv.js";
import { readManifest } from "../src/sources/priceCache.js";
import { repoRoot, runCli, runCliAsync, tempDir } from "./helpers/cli.js";
import { servedPrices, startYahooServer, type YahooServer } from "./helpers/yahooServer.js";

const bundled = join(repoRoot, "data/prices");


function writeSpec(spec: unknown): string {
  const file = join(tempDir("spec"), "spec.json");
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

const hsbcSpec = { name: "HSBC", events: [{ symbol: "0005.HK", date: "2021-01-14" }] };

let server: YahooServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(dataDir = servedPrices()): Promise<YahooServer> {
  server = await startYahooServer({ dataDirs: [dataDir] });
  return server;
}

describe("event-impact fetch and import", () => {
  it("--help lists fetch and import, and explains them", () => {
    expect(runCli(["--help"]).stdout).toMatch(/fetch \[options\] <symbols\.\.\.>[\s\S]*import \[options\] <files\.\.\.>/);
    const fetchHelp = runCli(["fetch", "--help"]).stdout;
    expect(fetchHelp).toMatch(/--from <YYYY-MM-DD>/);
    expect(fetchHelp).toMatch(/\$EVENT_IMPACT_YAHOO_URL/);
    expect(runCli(["study", "--help"]).stdout).toMatch(/--offline[\s\S]*--compare <result\.json>/);
  });

  it("fetches into the cache given by --cache, through EVENT_IMPACT_YAHOO_URL, with a summary table and plain progress lines", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    const { code, stdout, stderr } = await runCliAsync(["fetch", "0005.HK", "^HSI", "--from", "2020-01-01", "--to", "2021-12-31", "--cache", cache], { EVENT_IMPACT_YAHOO_URL: yahoo.url });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^symbol\s+result\s+rows\s+first\s+last\s+new\s+changed\s+notes\n/);
    expect(stdout).toMatch(/0005\.HK\s+fetched\s+495\s+2020-01-02\s+2021-12-31\s+495\s+0/);
    expect(stdout).toMatch(/\^HSI\s+fetched\s+\d+\s+2020-01-02\s+2021-12-31/);
    expect(stdout).toContain(`cache: ${cache}`);
    expect(stderr).toMatch(/^\[\d\/2\] 0005\.HK: 495 rows, 2020-01-02 to 2021-12-31 \(495 new, 0 changed\)$/m);
    expect(parsePriceCsv(readFileSync(join(cache, "0005.HK.csv"), "utf8"), "x")).toEqual(yahoo.bars("0005.HK"));
    expect(parsePriceCsv(readFileSync(join(cache, "INDEX_HSI.csv"), "utf8"), "x")).toEqual(yahoo.bars("^HSI").filter((bar) => bar.date >= "2020-01-01"));
    expect(yahoo.requests.map((request) => request.symbol).sort()).toEqual(["0005.HK", "^HSI"]);
  });

  it("an unknown symbol: the others are fetched, the summary says why it failed, exit code 2", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    const { code, stdout, stderr } = await runCliAsync(["fetch", "NOPE.HK", "0005.HK", "--from", "2021-01-01", "--to", "2021-06-30", "--cache", cache], { EVENT_IMPACT_YAHOO_URL: yahoo.url });
    expect(code).toBe(2);
    expect(stdout).toMatch(/NOPE\.HK\s+failed/);
    expect(stdout).toMatch(/0005\.HK\s+fetched/);
    expect(stdout).toMatch(/failed:\n {2}NOPE\.HK: unknown or delisted symbol \(Yahoo: "No data found, symbol may be delisted"\)/);
    expect(stderr).toMatch(/error: 1 of 2 symbol\(s\) could not be fetched: NOPE\.HK \(unknown-symbol\)\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect([...readManifest(cache).symbols.keys()]).toEqual(["0005.HK"]);
  });

  it("an unreachable Yahoo URL (the test default): a network error after one retry (a second refusal ends it), exit code 2", async () => {
    const { code, stdout, stderr } = await runCliAsync(["fetch", "0005.HK", "--from", "2021-01-01", "--to", "2021-06-30"]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/0005\.HK: no answer from 127\.0\.0\.1:9: connection refused \(ECONNREFUSED\) \(2 attempts\)/);
    expect(stderr).toMatch(/attempt 1 of 4 failed, retrying in 0\.5 s/);
    expect(stderr).toMatch(/error: 1 of 1 symbol\(s\) could not be fetched: 0005\.HK \(network\)/);
  });

  it("rejects a Yahoo URL that is not http(s), naming where it came from", () => {
    expect(runCli(["fetch", "0005.HK", "--from", "2021-01-01"], repoRoot, { EVENT_IMPACT_YAHOO_URL: "ftp://mirror" }).stderr).toMatch(/^error: EVENT_IMPACT_YAHOO_URL: expected an http:\/\/ or https:\/\/ URL/);
    expect(runCli(["fetch", "0005.HK", "--from", "2021-01-01", "--yahoo-url", "mirror"]).stderr).toMatch(/^error: --yahoo-url: expected an http:\/\/ or https:\/\/ URL/);
    expect(runCli(["fetch", "0005.HK", "--from", "2021-06-01", "--to", "2021-01-01"]).stderr).toMatch(/^error: --to: must not be before --from/);
  });

  it("import adds Yahoo and bundled-layout files to the cache; a bad file is reported by line and the others still go in", () => {
    const downloads = tempDir("downloads");
    const yahooCsv = readFileSync(join(bundled, "0941.HK.csv"), "utf8").replace("date,open,high,low,close,adj_close,volume", "Date,Open,High,Low,Close,Adj Close,Volume");
    writeFileSync(join(downloads, "0005.HK.csv"), yahooCsv);
    copyFileSync(join(bundled, "INDEX_HSI.csv"), join(downloads, "INDEX_HSI.csv"));
    writeFileSync(join(downloads, "9988.HK.csv"), "date,open,high,low,close,adj_close,volume\n2021-01-04,1,2,0.5,abc,1,10\n");
    const cache = tempDir("cache");
    const { code, stdout, stderr } = runCli(["import", join(downloads, "0005.HK.csv"), join(downloads, "INDEX_HSI.csv"), join(downloads, "9988.HK.csv"), "--cache", cache]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/0005\.HK\s+imported\s+495\s+2020-01-02\s+2021-12-31/);
    expect(stdout).toMatch(/\^HSI\s+imported/);
    expect(stdout).toMatch(/9988\.HK\s+failed/);
    expect(stderr).toMatch(/error: 1 of 3 file\(s\) not imported:\n {2}.*9988\.HK\.csv line 2: close: expected a number/);
    expect(readManifest(cache).symbols.get("0005.HK")).toMatchObject({ source: "import", origin: join(downloads, "0005.HK.csv"), from: "2020-01-02", to: "2021-12-31" });
    expect(readFileSync(join(cache, "0005.HK.csv"), "utf8")).toBe(readFileSync(join(bundled, "0941.HK.csv"), "utf8"));

    const check = runCli(["check", "0005.HK", "--date", "2021-01-15", "--offline", "--cache", cache, "--json"]);
    expect(check.code).toBe(0);
    const bars = parsePriceCsv(readFileSync(join(bundled, "0941.HK.csv"), "utf8"), "0941.HK.csv");
    const day = bars.findIndex((bar) => bar.date === "2021-01-15");
    expect(JSON.parse(check.stdout).measures.closeToClose).toBeCloseTo(bars[day]!.adjClose / bars[day - 1]!.adjClose - 1, 12);
  });
});

describe("study and check with --source, --offline and --compare", () => {
  it("check on a bundled symbol makes no request, whatever the Yahoo URL", async () => {
    const yahoo = await serve();
    const { code, stdout } = await runCliAsync(["check", "1810.HK", "--date", "2021-01-15", "--claim", "plummeted 14%"], { EVENT_IMPACT_YAHOO_URL: yahoo.url });
    expect(code).toBe(0);
    expect(stdout).toMatch(/intraday low\s+-13\.63%\s+<- matches claim/);
    expect(yahoo.requests).toEqual([]);
  });

  it("check on a symbol nobody has fetches it (--yahoo-url) into the cache, and its market comes from the bundle", async () => {
    const yahoo = await serve();
    const cache = tempDir("cache");
    const { code, stdout } = await runCliAsync(["check", "0005.HK", "--date", "2021-01-15", "--yahoo-url", yahoo.url, "--cache", cache, "--json"]);
    expect(code).toBe(0);
    expect(yahoo.requests.map((request) => request.symbol)).toEqual(["0005.HK"]);
    const check = JSON.parse(stdout);
    const bars = yahoo.bars("0005.HK");
    const day = bars.findIndex((bar) => bar.date === "2021-01-15");
    expect(check.measures.closeToClose).toBeCloseTo(bars[day]!.adjClose / bars[day - 1]!.adjClose - 1, 12);
  });

  it("--source bundled never fetches", async () => {
    const yahoo = await serve();
    const { code, stderr } = await runCliAsync(["study", writeSpec(hsbcSpec), "--source", "bundled"], { EVENT_IMPACT_YAHOO_URL: yahoo.url });
    expect(code).toBe(2);
    expect(stderr).toMatch(/no price file for 0005\.HK/);
    expect(yahoo.requests).toEqual([]);
  });

  it("--offline fails clearly until the data is fetched; then the study is reproducible and --compare reports changed data", async () => {
    const data = servedPrices();
    const yahoo = await serve(data);
    const cache = tempDir("cache");
    const spec = writeSpec(hsbcSpec);
    const env = { EVENT_IMPACT_YAHOO_URL: yahoo.url, EVENT_IMPACT_CACHE: cache };

    const missing = await runCliAsync(["study", spec, "--offline"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(`error: --offline: no prices for 0005.HK in ${cache}, ${join(repoRoot, "data")}; fetch them first: event-impact fetch 0005.HK --from 2019-12-22 --to 2021-02-05 --cache ${cache}`);
    expect(yahoo.requests).toEqual([]);

    expect((await runCliAsync(["fetch", "0005.HK", "^HSI", "--from", "2019-06-01", "--to", "2021-12-31"], env)).code).toBe(0);
    const first = join(tempDir("results"), "first");
    const run1 = await runCliAsync(["study", spec, "--offline", "--out", first], env);
    expect(run1.code).toBe(0);
    const result = JSON.parse(readFileSync(join(first, "result.json"), "utf8"));
    const manifest = readManifest(cache);
    expect(result.prices.map(({ symbol, source, sha256 }: { symbol: string; source: string; sha256: string }) => [symbol, source, sha256])).toEqual([
      ["0005.HK", "cache", manifest.symbols.get("0005.HK")!.sha256],
      ["^HSI", "cache", manifest.symbols.get("^HSI")!.sha256],
    ]);

    const second = join(tempDir("results"), "second");
    const run2 = await runCliAsync(["study", spec, "--offline", "--out", second, "--compare", join(first, "result.json")], env);
    expect(run2.code).toBe(0);
    expect(run2.stderr).toMatch(/0005\.HK\s+same\s+[0-9a-f]{12}\s+[0-9a-f]{12}/);
    expect(run2.stderr).toMatch(/All 2 price series are identical to those behind .*first\/result\.json\./);
    expect(readFileSync(join(second, "result.json"), "utf8")).toBe(readFileSync(join(first, "result.json"), "utf8"));

    const revised = readFileSync(join(data, "0005.HK.csv"), "utf8").replace(/^2020-06-01,([^,]+),([^,]+),([^,]+),([^,]+),[^,]+,/m, "2020-06-01,$1,$2,$3,$4,39.5,");
    writeFileSync(join(data, "0005.HK.csv"), revised);
    const refetch = await runCliAsync(["fetch", "0005.HK", "--from", "2020-01-01", "--to", "2021-12-31"], env);
    expect(refetch.stdout).toMatch(/0005\.HK\s+updated\s+495\s+2020-01-02\s+2021-12-31\s+0\s+1/);
    const run3 = await runCliAsync(["study", spec, "--offline", "--compare", join(first, "result.json"), "--json"], env);
    expect(run3.code).toBe(0);
    expect(JSON.parse(run3.stdout).prices[0].sha256).not.toBe(result.prices[0].sha256);
    expect(run3.stderr).toMatch(/0005\.HK\s+changed\s+/);
    expect(run3.stderr).toMatch(/\^HSI\s+same\s+/);
    expect(run3.stderr).toMatch(/warning: the price data of 1 of 2 symbol\(s\) differs from .*first\/result\.json \(0005\.HK: changed\), so results may differ\./);
  }, 60_000);

  it("--offline reads the bundled data: a check on a bundled symbol needs no cache", () => {
    const { code, stdout } = runCli(["check", "1810.HK", "--date", "2021-01-15", "--claim", "plummeted 14%", "--offline"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/intraday low\s+-13\.63%\s+<- matches claim/);
  });

  it("a mistyped --data folder is an error naming it, not a silent fall back to the bundled data", () => {
    const missing = join(tempDir("data"), "prices-typo");
    for (const args of [["check", "1810.HK", "--date", "2021-01-15"], ["study", join(repoRoot, "data/studies/xiaomi-ccmc.json")]]) {
      const { code, stderr } = runCli([...args, "--data", missing]);
      expect(code).toBe(2);
      expect(stderr).toBe(`error: the price folder ${missing} does not exist\n`);
    }
  });

  it("--compare with a file that is not a result names it", () => {
    const file = join(tempDir("bad"), "result.json");
    writeFileSync(file, JSON.stringify({ prices: [{ symbol: 1 }] }));
    const { code, stderr } = runCli(["study", join(repoRoot, "data/studies/xiaomi-ccmc.json"), "--compare", file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/result\.json: prices\.0\.symbol: Invalid input: expected string/);
  });
});
