import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import { InputError } from "../src/errors.js";

/** Prices of 14-15 Jan 2021 copied from data/prices (see PROVENANCE.md, "Event check"). */
const XIAOMI = { previousClose: 32.65, open: 29.0, high: 30.5, low: 28.2, close: 29.3 };
const HSI = { previousClose: 28496.86, close: 28573.86 };

describe("checkClaim on the Xiaomi case (bundled data)", () => {
  const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" });

  it("measures the day against the previous close", () => {
    expect(check.previousDate).toBe("2021-01-14");
    expect(check.market).toBe("^HSI");
    expect(check.measures.closeToClose).toBeCloseTo(XIAOMI.close / XIAOMI.previousClose - 1, 14);
    expect(check.measures.closeToClose).toBeCloseTo(-0.1026, 4);
    expect(check.measures.intradayLow).toBeCloseTo(-0.1363, 4);
    expect(check.measures.openGap).toBeCloseTo(-0.1118, 4);
    expect(check.measures.intradayHigh).toBeCloseTo(XIAOMI.high / XIAOMI.previousClose - 1, 14);
    expect(check.measures.marketReturn).toBeCloseTo(HSI.close / HSI.previousClose - 1, 14);
    expect(check.measures.marketAdjusted).toBeCloseTo(XIAOMI.close / XIAOMI.previousClose - HSI.close / HSI.previousClose, 14);
  });

  it("says the 14% matches the intraday low and not the close", () => {
    expect(check.claim?.matches).toEqual(["intradayLow"]);
    expect(check.verdict).toMatch(/matches the intraday low \(-13\.63%\), but not the close-to-close move \(-10\.26%\)/);
  });

  it("gives the market-model abnormal return with t and p on 238 degrees of freedom", () => {
    expect(check.inference).not.toBeNull();
    const inference = check.inference!;
    expect(inference).toMatchObject({ model: "market", df: 238, nEstimation: 240, estimationWindow: [-250, -11] });
    expect(check.measures.abnormalReturn!).toBeLessThan(-0.1);
    expect(inference.t).toBeLessThan(-3);
    expect(inference.p).toBeLessThan(0.001);
    expect(check.verdict).toMatch(/highly unusual/);
  });

  it("reports the day's abnormal log volume (Campbell & Wasley 1996) against the estimation window", () => {
    const rows = readFileSync(new URL("../data/prices/1810.HK.csv", import.meta.url), "utf8").trim().split("\n").slice(1);
    const volume = new Map(rows.map((row) => [row.split(",")[0]!, Number(row.split(",")[6])]));
    const { start, end } = check.inference!.estimation;
    const logs = [...volume].filter(([d, v]) => d >= start && d <= end && v > 0).map(([, v]) => Math.log(1 + v));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    const av = Math.log(1 + volume.get("2021-01-15")!) - mean;
    const result = check.inference!.abnormalVolume;
    expect(Math.abs(result.cav - av)).toBeLessThan(1e-12);
    expect(Math.abs(result.t - av / sd)).toBeLessThan(1e-10);
    expect(result.df).toBe(logs.length - 1);
  });

  it("reports the SQ test beside the t-test (Gelbach, Helland & Klick 2013)", () => {
    // The -11% abnormal return is below all 240 estimation residuals (L2 = 1: the sums are the residuals), so
    // p_lower = (1 + 0)/241 and p = 2/241, which is also the smallest attainable p; quantile 0.
    const sq = check.inference!.sq;
    expect(sq.quantile).toBe(0);
    expect(sq.p).toBeCloseTo(2 / 241, 15);
    expect(sq.minP).toBeCloseTo(2 / 241, 15);
    expect(check.verdict).toMatch(
      /The SQ test, which does not assume normal tails, gives p = 0\.0083, the smallest p it can give \(the abnormal return lies below every one of the stock's 240 estimation-window abnormal returns\), agreeing with the t-test at 5%\./,
    );
  });

  it("finds 15 Jan 2021 the worst close-to-close day in the file", () => {
    const closes = readFileSync(new URL("../data/prices/1810.HK.csv", import.meta.url), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => Number(line.split(",")[5]));
    const returns = closes.slice(1).map((close, i) => close / closes[i]! - 1);
    expect(Math.min(...returns)).toBeCloseTo(check.measures.closeToClose, 14);
    expect(check.measures.percentile).toBe(0);
    expect(check.historyDays).toBe(returns.length - 1);
  });

  it("matches the close-to-close move for 'closed 10.3% lower'", () => {
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "closed 10.3% lower" }).claim?.matches).toEqual(["closeToClose"]);
  });

  it("matches only the measures the wording points to, and says where else the figure fits", () => {
    const closed = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "closed 13.6% lower" }).claim!;
    expect(closed.matches).toEqual([]);
    expect(closed.otherMatches).toEqual(["intradayLow"]);
    const intraday = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "fell as much as 14%" });
    expect(intraday.claim?.matches).toEqual(["intradayLow"]);
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "closed 13.6% lower" }).verdict).toMatch(
      /speaks of the close, which it does not match; the figure matches the intraday low \(-13\.63%\)/,
    );
  });

  it("reports measures and a verdict without a claim", () => {
    const plain = checkClaim({ symbol: "1810.HK", date: "2021-01-15" });
    expect(plain.claim).toBeNull();
    expect(plain.verdict).toMatch(/down 10\.26%/);
  });

  it("leaves intraday measures empty on a half-day session without intraday data", () => {
    const halfDay = checkClaim({ symbol: "1810.HK", date: "2020-12-24" });
    expect(halfDay.measures.openGap).toBeNull();
    expect(halfDay.measures.intradayLow).toBeNull();
    expect(halfDay.notes[0]).toMatch(/no intraday data/);
    expect(Number.isFinite(halfDay.measures.closeToClose)).toBe(true);
  });

  it("rejects a date without a session, naming the nearest sessions", () => {
    expect(() => checkClaim({ symbol: "1810.HK", date: "2021-01-16" })).toThrow(/did not trade on 2021-01-16 \(a Saturday\); the nearest sessions are 2021-01-15 and 2021-01-18/);
    expect(() => checkClaim({ symbol: "1810.HK", date: "2023-01-16" })).toThrow(InputError);
  });

  it("keeps the raw measures but no abnormal return when the estimation window is too short", () => {
    const early = checkClaim({ symbol: "0981.HK", date: "2020-03-02" });
    expect(early.inference).toBeNull();
    expect(early.measures.abnormalReturn).toBeNull();
    expect(early.notes.join(" ")).toMatch(/estimation observations/);
  });
});
