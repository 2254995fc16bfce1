import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { dayZeroComparisonText } from "../src/reports/peerComparison.js";
import { bundledDataDir } from "../src/sources/localFiles.js";
import { readCatalog } from "../src/sources/catalog.js";
import { runStudy } from "../src/study/runStudy.js";
import { ols } from "./helpers/ols.js";

const spec = JSON.parse(readFileSync(join(bundledDataDir, "studies", "us-china-2020-2021.json"), "utf8"));

/** Date and adjusted close of a bundled price file, read with split and Number (independent of the reader). */
function adjustedCloses(file: string): Map<string, number> {
  const [, ...rows] = readFileSync(join(bundledDataDir, "prices", file), "utf8").trim().split("\n");
  return new Map(rows.map((row) => row.split(",")).map((cells) => [cells[0]!, Number(cells[5])]));
}

/**
 * The market-model abnormal return on day 0 computed from the two CSVs: simple returns on the dates both
 * traded, OLS over offsets -250 to -11, AR_0 = R_0 - alpha - beta R_m0.
 */
function dayZeroAbnormalReturn(stockFile: string, marketFile: string, day0: string) {
  const stock = adjustedCloses(stockFile);
  const market = adjustedCloses(marketFile);
  const dates = [...stock.keys()].filter((date) => market.has(date));
  const r = dates.map((date, k) => (k === 0 ? Number.NaN : stock.get(date)! / stock.get(dates[k - 1]!)! - 1));
  const rm = dates.map((date, k) => (k === 0 ? Number.NaN : market.get(date)! / market.get(dates[k - 1]!)! - 1));
  const t0 = dates.indexOf(day0);
  const first = Math.max(1, t0 - 250);
  const fit = ols(r.slice(first, t0 - 10), rm.slice(first, t0 - 10));
  return { ar: r[t0]! - fit.alpha - fit.beta * rm[t0]!, beta: fit.beta, n: fit.n };
}

describe("the bundled study of every catalog event with data (data/studies/us-china-2020-2021.json)", () => {
  // Built before each test, not at module level, so that Stryker's per-test coverage credits the tests with it.
  let result: ReturnType<typeof runStudy>;
  beforeEach(() => {
    result = runStudy(spec);
  });
  const eventOf = (id: string, symbol: string) => result.events.find((event) => event.catalogId === id && event.symbol === symbol)!;

  it("measures each listing against its own market index: HK against ^HSI, US against ^GSPC, Shanghai and Shenzhen against the CSI 300", () => {
    const markets = new Map(result.events.map((event) => [event.symbol, event.market]));
    expect(markets.get("1810.HK")).toBe("^HSI");
    expect(markets.get("CHL")).toBe("^GSPC");
    expect(markets.get("601989.SS")).toBe("000300.SS");
    expect(markets.get("002415.SZ")).toBe("000300.SS");
    expect(result.events.length).toBe(43);
  });

  it("gives China Mobile's NYSE ADR (CHL) on the first CCMC list the abnormal return computed from CHL.csv and INDEX_GSPC.csv", () => {
    const chl = eventOf("E01", "CHL");
    expect(chl.day0).toBe("2020-06-24");
    const expected = dayZeroAbnormalReturn("CHL.csv", "INDEX_GSPC.csv", "2020-06-24");
    expect(chl.nEstimation).toBe(expected.n);
    expect(chl.beta).toBeCloseTo(expected.beta, 10);
    expect(chl.abnormalReturns.find((row) => row.offset === 0)!.ar).toBeCloseTo(expected.ar, 12);
  });

  it("gives China Shipbuilding (601989.SS) its abnormal return from 601989.SS.csv and 000300.SS.csv, day 0 after the Dragon Boat holiday", () => {
    const csic = eventOf("E01", "601989.SS");
    expect(csic.day0).toBe("2020-06-29");
    const expected = dayZeroAbnormalReturn("601989.SS.csv", "000300.SS.csv", "2020-06-29");
    expect(csic.beta).toBeCloseTo(expected.beta, 10);
    expect(csic.abnormalReturns.find((row) => row.offset === 0)!.ar).toBeCloseTo(expected.ar, 12);
  });

  it("drops, with the reason, the events the data cannot cover (ADRs after their files end, SMIC's STAR shares before 100 estimation days)", () => {
    const counts = new Map<string, number>();
    for (const { symbol } of result.dropped) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ "688981.SS": 1, CHA: 5, CHU: 5, CHL: 4, CEO: 1 });
    expect(result.dropped.find((d) => d.symbol === "CEO")!.reason).toMatch(/after the prices end \(2020-12-11\)/);
  });

  it("ranks Xiaomi's listing day first among all events by day-0 abnormal return, the comparison the demo prints", () => {
    const text = dayZeroComparisonText(result, "1810.HK", readCatalog());
    const lines = text.split("\n");
    expect(lines[2]).toMatch(/^\s+1\s+E13\s+1810\.HK\s+Xiaomi Corporation\s+\^HSI\s+2021-01-15\s+-11\.11%\s+-3\.67\s+<- 1810\.HK$/);
    const ars = lines.slice(2, 2 + result.events.length).map((line) => Number(/([-+]\d+\.\d+)%/.exec(line)![1]));
    expect(ars).toEqual([...ars].sort((a, b) => a - b));
    expect(text).toMatch(/1810\.HK's events rank 1, 25, 31, 41, 42 of 43/);
  });
});
