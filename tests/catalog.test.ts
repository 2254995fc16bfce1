import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { filterCatalog, readCatalog } from "../src/sources/catalog.js";
import { runStudy } from "../src/study/runStudy.js";
import { repoRoot, runCli } from "./helpers/cli.js";

const catalogFile = join(repoRoot, "data/events/us-china-2020-2021.csv");

describe("the bundled event catalog", () => {
  const events = readCatalog();

  it("reads every row with its source", () => {
    const dataLines = readFileSync(catalogFile, "utf8").trim().split("\n").length - 1;
    expect(events).toHaveLength(dataLines);
    expect(events.every((e) => e.source.startsWith("http"))).toBe(true);
  });

  it("keeps the announcement time and zone, and the benchmark as market", () => {
    const xiaomi = events.find((e) => e.id === "E13" && e.symbol === "1810.HK")!;
    expect(xiaomi).toMatchObject({ date: "2021-01-14", time: "15:50", timezone: "America/New_York", market: "^HSI", authority: "US DoD" });
    const unknownTime = events.find((e) => e.id === "E01")!;
    expect(unknownTime.time).toBeUndefined();
  });

  it("filters by ids, symbols and text", () => {
    // E04 rows of the file, in file order: SMIC (HK, Shanghai), CNOOC (HK), CNOOC ADR
    expect(filterCatalog(events, { ids: ["E04"] }).map((e) => e.symbol)).toEqual(["0981.HK", "688981.SS", "0883.HK", "CEO"]);
    expect(filterCatalog(events, { symbols: ["1810.HK"], action: "section 1237" }).map((e) => e.id)).toEqual(["E13"]);
    expect(filterCatalog(events, { authority: "dod" }).every((e) => /dod/i.test(e.authority))).toBe(true);
  });

  it("names the file, line and column of a bad row", () => {
    const dir = mkdtempSync(join(tmpdir(), "event-impact-catalog-"));
    const lines = readFileSync(catalogFile, "utf8").split("\n");
    lines[3] = lines[3]!.replace(/^(E\d+),\d{4}-\d{2}-\d{2}/, "$1,2020-02-30");
    writeFileSync(join(dir, "bad.csv"), lines.join("\n"));
    expect(() => readCatalog(join(dir, "bad.csv"))).toThrow(/bad\.csv line 4: announced_date: not a calendar date/);
  });
});

describe("a study of catalog events", () => {
  it("takes day 0 from the catalog's announcement time and zone", () => {
    const result = runStudy({ catalog: { ids: ["E13"], symbols: ["1810.HK"] } });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ catalogId: "E13", symbol: "1810.HK", market: "^HSI", day0: "2021-01-15", announcement: { date: "2021-01-14", time: "15:50", timezone: "America/New_York" } });
  });

  it("fails clearly when the selection matches nothing", () => {
    expect(() => runStudy({ catalog: { ids: ["E99"] } })).toThrow(InputError);
    expect(() => runStudy({ catalog: { ids: ["E99"] } })).toThrow(/matches no event/);
  });

  it("ccmc-hk.json studies every bundled Hong Kong stock on the DoD list: E01 China Mobile, E04 SMIC and CNOOC (clustered), E13 Xiaomi", () => {
    const { code, stdout } = runCli(["study", "data/studies/ccmc-hk.json", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.events.map((e: { catalogId: string; symbol: string; day0: string }) => `${e.catalogId} ${e.symbol} ${e.day0}`)).toEqual([
      "E01 0941.HK 2020-06-26",
      "E04 0981.HK 2020-12-04",
      "E04 0883.HK 2020-12-04",
      "E13 1810.HK 2021-01-15",
    ]);
    expect(result.dropped).toEqual([]);
    expect(result.aggregate.clustered).toBe(true);
    expect(result.aggregate.clusters).toEqual([{ day0: "2020-12-04", market: "^HSI", symbols: ["0981.HK", "0883.HK"] }]);
    expect(result.aggregate.headline).toBe("kolariPynnonen");
    const day0 = result.events.map((e: { windows: { car: number }[] }) => e.windows[0]!.car);
    expect(result.aggregate.windows[0].caar).toBeCloseTo(day0.reduce((a: number, b: number) => a + b, 0) / 4, 15);
  });

  it("study --out writes aggregate.csv with one row per window and test, and per day and test", () => {
    const out = join(mkdtempSync(join(tmpdir(), "event-impact-agg-")), "out");
    expect(runCli(["study", "data/studies/ccmc-hk.json", "--out", out]).code).toBe(0);
    const rows = readFileSync(join(out, "aggregate.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toBe("scope,start,end,n,measure,value,positive,negative,test,statistic,p,testN,headline,r");
    // 3 windows x (9 tests + the BHAR and CAV tests) + 7 days x 9 tests
    expect(rows).toHaveLength(1 + 3 * 11 + 7 * 9);
    expect(rows.filter((r) => r.startsWith("window,0,0,4,") && r.includes(",kolariPynnonen,"))).toHaveLength(1);
    const { aggregate } = JSON.parse(readFileSync(join(out, "result.json"), "utf8"));
    const records = rows.slice(1).map((row) => Object.fromEntries(rows[0]!.split(",").map((column, c) => [column, row.split(",")[c]])));
    expect(aggregate.headline).toBe("kolariPynnonen");
    expect(records.filter((r) => r.headline === "true").map((r) => r.test)).toEqual(Array(3 + 7).fill("kolariPynnonen"));
    expect(new Set(records.map((r) => Number(r.r)))).toEqual(new Set([aggregate.meanResidualCorrelation]));
    const window = records.find((r) => r.scope === "window" && r.start === "-1" && r.test === "bmp")!;
    expect([window.measure, Number(window.value), Number(window.statistic)]).toEqual(["caar", aggregate.windows[1].caar, aggregate.windows[1].tests.bmp.statistic]);
    const day = records.find((r) => r.scope === "day" && r.start === "0" && r.test === "patell")!;
    expect([day.measure, Number(day.value)]).toEqual(["aar", aggregate.days.find((d: { offset: number }) => d.offset === 0).aar]);
    expect(records.filter((r) => r.measure === "bhar").map((r) => r.test)).toEqual(Array(3).fill("bharSkewnessAdjustedT"));
    expect(records.filter((r) => r.measure === "cav").map((r) => r.test)).toEqual(Array(3).fill("cavCrossSectionalT"));
  });
});

describe("event-impact events", () => {
  it("lists catalog rows filtered by symbol and action", () => {
    const { code, stdout } = runCli(["events", "--symbol", "1810.HK"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/E13\s+2021-01-14\s+15:50\s+1810\.HK\s+\^HSI/);
    expect(stdout).toMatch(/5 event row\(s\)/);
  });

  it("--json gives the rows with sources", () => {
    const { stdout } = runCli(["events", "--action", "Section 1237", "--json"]);
    const rows = JSON.parse(stdout);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r: { action: string; source: string }) => r.action.includes("Section 1237") && r.source.startsWith("http"))).toBe(true);
  });
});
