import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import type { StockMove } from "../src/engine/universeRankingSchema.js";
import { rankInUniverse } from "../src/engine/universeRanking.js";
import { runStudy } from "../src/study/runStudy.js";
import { availableSymbols } from "../src/sources/localFiles.js";
import { repoRoot, runCli } from "./helpers/cli.js";
import { hasHkUniverse, hkUniverseDir } from "./helpers/hkUniverse.js";

describe("rankInUniverse", () => {
  const moves: StockMove[] = [
    { symbol: "A", ret: -0.05, ar: -0.04 },
    { symbol: "B", ret: 0.02, ar: null },
    { symbol: "C", ret: 0.08, ar: 0.07 },
    { symbol: "F", name: "Firm", ret: 0, ar: 0 },
  ];
  const ranking = rankInUniverse(moves, { symbol: "F", ret: -0.03, ar: -0.05 }, { date: "2021-01-15", market: "^HSI", universe: "u", unreadable: [] });

  it("ranks the firm's values among the other stocks, 1 being the lowest", () => {
    // others' returns: -0.05, 0.02, 0.08 -> one fell more than -0.03, two rose more
    expect(ranking.ret).toEqual({ value: -0.03, rank: 2, of: 4, percentile: 1 / 3, fellMore: 1, roseMore: 2 });
    // others' abnormal returns (B has none): -0.04, 0.07 -> nobody below -0.05
    expect(ranking.ar).toEqual({ value: -0.05, rank: 1, of: 3, percentile: 0, fellMore: 0, roseMore: 2 });
    expect(ranking.size).toBe(4);
  });

  it("lists the biggest absolute moves, the firm's entry replaced by its own values and name kept", () => {
    expect(ranking.biggestMovers.map((m) => m.symbol)).toEqual(["C", "A", "F", "B"]);
    expect(ranking.biggestMovers[2]).toEqual({ symbol: "F", name: "Firm", ret: -0.03, ar: -0.05 });
  });
});

describe.skipIf(!hasHkUniverse)("the Xiaomi day among the 83 Hang Seng stocks (../shared/data/hk-universe)", () => {
  it("check --universe: Xiaomi had the biggest fall of the day, by return and by abnormal return", () => {
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%", universeDir: hkUniverseDir });
    const universe = check.universe!;
    // Independent count from the universe files: stocks with a close on 2021-01-15 and on their previous row.
    const traded = availableSymbols(hkUniverseDir).filter((symbol) => {
      const lines = readFileSync(join(hkUniverseDir, `${symbol}.csv`), "utf8").split("\n");
      const at = lines.findIndex((line) => line.startsWith("2021-01-15,"));
      return at > 1;
    });
    expect(universe.size).toBe(traded.length);
    expect(universe.ret).toMatchObject({ rank: 1, fellMore: 0, value: check.measures.closeToClose });
    expect(universe.ar).toMatchObject({ rank: 1, fellMore: 0 });
    expect(universe.biggestMovers[0]).toMatchObject({ symbol: "1810.HK", name: "XIAOMI-W" });
    expect(universe.biggestMovers).toHaveLength(5);
    expect(check.verdict.text).toMatch(/Among the \d+ stocks of .* that traded that day, 1810\.HK had the biggest fall/);
  });

  it("the terminal answer names the rank and the five biggest movers", () => {
    const { code, stdout } = runCli(["check", "1810.HK", "--date", "2021-01-15", "--universe", hkUniverseDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/return\s+-10\.26%\s+1 of \d+\s+0/);
    expect(stdout).toMatch(/biggest movers[\s\S]*1810\.HK\s+XIAOMI-W\s+-10\.26%/);
  });

  it("a study of all 83 stocks on one shared day 0 runs, clustered, with the Kolari-Pynnonen headline", () => {
    const events = availableSymbols(hkUniverseDir).map((symbol) => ({ symbol, date: "2021-01-14", time: "15:50", timezone: "America/New_York", market: "^HSI" }));
    expect(events).toHaveLength(83);
    const result = runStudy({ name: "HK universe", events }, { dataDir: hkUniverseDir, lenient: true });
    expect(result.events.length + result.dropped.length).toBe(83);
    for (const dropped of result.dropped) expect(dropped.reason).toMatch(/estimation observations|before the prices start/);
    const aggregate = result.aggregate!;
    expect(aggregate.clustered).toBe(true);
    expect(aggregate.clusters).toEqual([{ day0: "2021-01-15", market: "^HSI", symbols: result.events.map((e) => e.symbol) }]);
    expect(aggregate.headline).toBe("kolariPynnonen");
    expect(aggregate.windows[0]!.tests.kolariPynnonen.n).toBe(result.events.length);
  });

  it("study --universe ranks each event's day 0", () => {
    const out = mkdtempSync(join(tmpdir(), "event-impact-universe-"));
    const spec = join(out, "spec.json");
    writeFileSync(spec, JSON.stringify({ events: [{ symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York" }] }));
    const { code, stdout } = runCli(["study", spec, "--universe", hkUniverseDir, "--json"], repoRoot);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).events[0].universe.ret.rank).toBe(1);
  });
});
