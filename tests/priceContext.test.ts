import { describe, expect, it } from "vitest";
import { claimPriceNeeds } from "../src/claims/claimPriceNeeds.js";
import { dailyReturns, pricePath } from "../src/claims/priceContext.js";
import type { PriceBar } from "../src/sources/priceBar.js";

/** The prices a claim check reads (claimPriceNeeds) and the context it shows around the day (pricePath, dailyReturns). */

/** `n` daily bars from 2021-01-01: bar k opens at 100 + k, trades 1 either side, closes at 100.5 + k; adjusted close 50 + k. */
function bars(n: number): PriceBar[] {
  return Array.from({ length: n }, (_, k) => ({
    date: new Date(Date.UTC(2021, 0, 1 + k)).toISOString().slice(0, 10),
    open: 100 + k,
    high: 101 + k,
    low: 99 + k,
    close: 100.5 + k,
    adjClose: 50 + k,
    volume: 1000,
  }));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe("pricePath: the sessions from 20 before to 10 after day 0", () => {
  it("in the middle of the file: offsets -20 to 10, each session's raw prices", () => {
    const path = pricePath(bars(40), 25);
    expect(path.map((p) => p.offset)).toEqual(range(-20, 10));
    expect(path[0]).toEqual({ offset: -20, date: "2021-01-06", open: 105, high: 106, low: 104, close: 105.5 });
    expect(path[20]).toEqual({ offset: 0, date: "2021-01-26", open: 125, high: 126, low: 124, close: 125.5 });
    expect(path[30]).toEqual({ offset: 10, date: "2021-02-05", open: 135, high: 136, low: 134, close: 135.5 });
  });

  it("near the start of the file: from its first session", () => {
    const path = pricePath(bars(40), 3);
    expect(path.map((p) => p.offset)).toEqual(range(-3, 10));
    expect(path[0]!.date).toBe("2021-01-01");
  });

  it("near the end of the file: to its last session", () => {
    const path = pricePath(bars(40), 35);
    expect(path.map((p) => p.offset)).toEqual(range(-20, 4));
    expect(path.at(-1)!.date).toBe("2021-02-09");
  });
});

describe("dailyReturns: every close-to-close return on file", () => {
  it("adjusted close over the previous adjusted close, less one, dated by the later session", () => {
    const file = bars(3).map((bar, k) => ({ ...bar, adjClose: [10, 11, 9.9][k]! }));
    const returns = dailyReturns(file);
    expect(returns.map((r) => r.date)).toEqual(["2021-01-02", "2021-01-03"]);
    expect(returns[0]!.ret).toBeCloseTo(0.1, 12);
    expect(returns[1]!.ret).toBeCloseTo(-0.1, 12);
  });
});

describe("claimPriceNeeds: the symbols and dates a claim check reads", () => {
  // The default estimation window reaches 250 sessions back: 1.5 calendar days a session plus 14 is 389 days, and 389
  // days before 2021-01-15 is 2019-12-23 (15 days to 2020-12-31, 366 to 2019-12-31, 8 more).
  it("the stock and its exchange's index, from the estimation window's first day to the date", () => {
    expect(claimPriceNeeds({ symbol: "1810.HK", date: "2021-01-15" })).toEqual([
      { symbol: "1810.HK", from: "2019-12-23", to: "2021-01-15" },
      { symbol: "^HSI", from: "2019-12-23", to: "2021-01-15" },
    ]);
  });

  it("the market chosen instead of the default; an index that is its own market once", () => {
    expect(claimPriceNeeds({ symbol: "BABA", date: "2021-01-15", market: "^IXIC" })).toEqual([
      { symbol: "BABA", from: "2019-12-23", to: "2021-01-15" },
      { symbol: "^IXIC", from: "2019-12-23", to: "2021-01-15" },
    ]);
    expect(claimPriceNeeds({ symbol: "^HSI", date: "2021-01-15", market: "^HSI" })).toEqual([{ symbol: "^HSI", from: "2019-12-23", to: "2021-01-15" }]);
  });
});
