import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkClaim, type ClaimCheck } from "../src/claims/checkClaim.js";
import type { CheckedMove } from "../src/claims/checkSchema.js";
import { InputError } from "../src/errors.js";
import { repoRoot } from "./helpers/cli.js";
import { thrownInputError } from "./helpers/inputError.js";
import { ols } from "./helpers/ols.js";
import { oneDecimal, priceRows } from "./helpers/priceTruth.js";

/** Prices of 14-15 Jan 2021 copied from data/prices (see PROVENANCE.md, "Event check"). */
const XIAOMI = { previousClose: 32.65, open: 29.0, high: 30.5, low: 28.2, close: 29.3 };
const HSI = { previousClose: 28496.86, close: 28573.86 };

/** A check's claim, which must be a move. */
function moveOf(check: ClaimCheck): CheckedMove {
  if (check.claim?.kind !== "move") throw new Error("not a move claim");
  return check.claim;
}

describe("checkClaim on the Xiaomi case (bundled data)", () => {
  // Built before each test, not in the describe body, so that Stryker's per-test coverage credits the tests with it.
  let check: ClaimCheck;
  beforeEach(() => {
    check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" });
  });

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
    expect(moveOf(check).matches).toEqual(["intradayLow"]);
    expect(check.verdict.text).toMatch(/matches the intraday low \(-13\.63%\), but not the close-to-close move \(-10\.26%\)/);
  });

  it("gives the market-model abnormal return with t and p on 238 degrees of freedom", () => {
    expect(check.inference).not.toBeNull();
    const inference = check.inference!;
    expect(inference).toMatchObject({ model: "market", df: 238, nEstimation: 240, estimationWindow: [-250, -11] });
    expect(check.measures.abnormalReturn!).toBeLessThan(-0.1);
    expect(inference.t).toBeLessThan(-3);
    expect(inference.p).toBeLessThan(0.001);
    expect(check.verdict.text).toMatch(/highly unusual/);
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
    expect(check.verdict.text).toMatch(
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
    expect(moveOf(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "closed 10.3% lower" })).matches).toEqual(["closeToClose"]);
  });

  it("names the model of the abnormal return a claim matches ('fell 11.1%': AR -11.11%, close -10.26%)", () => {
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "fell 11.1%" }).verdict.labelText).toBe("accurate for the market-model abnormal return only");
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", model: "scholes-williams", claim: "fell 11.1%" }).verdict.labelText).toBe(
      "accurate for the scholes-williams-model abnormal return only",
    );
  });

  it("matches only the measures the wording points to, and says where else the figure fits", () => {
    const closed = moveOf(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "closed 13.6% lower" }));
    expect(closed.matches).toEqual([]);
    expect(closed.otherMatches).toEqual(["intradayLow"]);
    const intraday = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "fell as much as 14%" });
    expect(moveOf(intraday).matches).toEqual(["intradayLow"]);
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "closed 13.6% lower" }).verdict.text).toMatch(
      /speaks of the close, which it does not match; the figure matches the intraday low \(-13\.63%\)/,
    );
  });

  it("reports measures and a verdict without a claim", () => {
    const plain = checkClaim({ symbol: "1810.HK", date: "2021-01-15" });
    expect(plain.claim).toBeNull();
    expect(plain.verdict.text).toMatch(/down 10\.26%/);
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

describe("checkClaim on the other kinds of claim (truth from the bundled CSVs)", () => {
  const rows = priceRows("1810.HK");
  const at = (date: string) => rows.findIndex((row) => row.date === date);
  const k = at("2021-01-15");

  it("measures a move over several sessions, this week and since the announcement", () => {
    const twoDays = rows[k + 1]!.adj / rows[k - 1]!.adj - 1;
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: `fell ${oneDecimal(twoDays)}% over two days` });
    expect(moveOf(check).spanMove).toMatchObject({ from: "2021-01-14", to: "2021-01-18", sessions: 2, matches: true });
    expect(moveOf(check).spanMove!.ret).toBeCloseTo(twoDays, 12);
    expect(check.verdict.label).toBe("accurate");
    const lastOfPreviousWeek = rows.filter((row) => row.date < "2021-01-11").at(-1)!;
    const week = rows[k]!.adj / lastOfPreviousWeek.adj - 1;
    expect(moveOf(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "fell 5% this week" })).spanMove).toMatchObject({ from: lastOfPreviousWeek.date, to: "2021-01-15" });
    expect(moveOf(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: `fell ${oneDecimal(week)}% this week` })).spanMove!.matches).toBe(true);
    // the catalog's announcement about 1810.HK is dated 2021-01-14: measured from that day's close
    const since = rows[at("2021-01-19")]!.adj / rows[at("2021-01-14")]!.adj - 1;
    const sinceCheck = checkClaim({ symbol: "1810.HK", date: "2021-01-19", claim: `has lost ${oneDecimal(since)}% since the announcement` });
    expect(moveOf(sinceCheck).spanMove).toMatchObject({ from: "2021-01-14", to: "2021-01-19", matches: true });
  });

  it("judges a record on the close and intraday bases, with the last larger move and the file's start", () => {
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "its worst day on record" });
    if (check.claim?.kind !== "record") throw new Error("not a record claim");
    expect(check.claim.fileStart).toBe(rows[0]!.date);
    const lows = rows.map((row, t) => (t === 0 ? 0 : row.low / rows[t - 1]!.close - 1));
    expect(check.claim.findings).toEqual([
      { basis: "close", value: expect.closeTo(rows[k]!.adj / rows[k - 1]!.adj - 1, 12), lastBeyond: null, holds: true },
      { basis: "intraday", value: expect.closeTo(lows[k]!, 12), lastBeyond: null, holds: true },
    ]);
    expect(check.verdict.label).toBe("accurate");
  });

  it("checks a price against the raw prices, and says a price on an adjusted file cannot be checked", () => {
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: `fell to HK$${rows[k]!.low.toFixed(2)}` }).verdict.label).toBe("accurate");
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: `opened at HK$${(rows[k]!.open + 0.5).toFixed(2)}` }).verdict.label).toBe("inaccurate");
    const adjusted = checkClaim({ symbol: "0883.HK", date: "2021-01-15", claim: "closed at HK$8.10" });
    expect(adjusted.pricesAdjusted).toBe(true);
    expect(adjusted.verdict).toMatchObject({ label: "unverifiable", why: expect.stringMatching(/adjusted/) });
    expect(adjusted.verdict.headline).toMatch(/adjusted prices/);
  });

  it("checks a change of market value from the shares given, and calls it unverifiable without", () => {
    const shares = 25_000_000_000;
    const change = shares * (rows[k]!.close - rows[k - 1]!.close);
    const claim = `wiped HK$${(Math.abs(change) / 1e9).toFixed(0)}bn off its market value`;
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim, shares }).verdict.label).toBe("accurate");
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim }).verdict).toMatchObject({ label: "unverifiable", why: expect.stringMatching(/--shares/) });
  });

  it("labels percentage points unverifiable and says when a claim states no direction", () => {
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "fell 10 percentage points" }).verdict.label).toBe("unverifiable");
    const directionless = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "moved 10.3%" });
    expect(directionless.verdict.label).toBe("accurate");
    expect(directionless.verdict.text).toMatch(/does not say whether 1810\.HK rose or fell/);
  });

  it("checks a claim about the index itself", () => {
    const hsi = priceRows("INDEX_HSI");
    const h = hsi.findIndex((row) => row.date === "2021-01-15");
    const ret = hsi[h]!.adj / hsi[h - 1]!.adj - 1;
    const check = checkClaim({ symbol: "^HSI", date: "2021-01-15", claim: `the Hang Seng rose ${oneDecimal(ret)}%` });
    expect(check.market).toBe("^HSI");
    expect(check.verdict.label).toBe("accurate");
    expect(check.notes.join(" ")).toMatch(/market index itself/);
  });
});

describe("checkClaim: which measures a one-day move claim is compared with", () => {
  const rows = priceRows("1810.HK");
  const k = rows.findIndex((row) => row.date === "2021-01-15");
  const check = (claim: string, date = "2021-01-15") => moveOf(checkClaim({ symbol: "1810.HK", date, claim }));

  it("compares a fall with the intraday low, not with an intraday high below the previous close", () => {
    // 15 Jan 2021 opened with a gap down: the high, 30.50, is 6.58% under the previous close, 32.65
    expect(oneDecimal(rows[k]!.high / rows[k - 1]!.close - 1)).toBe("6.6");
    expect(check("fell 6.6%")).toMatchObject({ matches: [], otherMatches: [] });
    expect(check("moved 6.6%")).toMatchObject({ matches: ["intradayHigh"], otherMatches: [] });
  });

  it("compares a rise with the intraday high, not with an intraday low above the previous close", () => {
    // 17 Aug 2020 opened with a gap up: the low is 3.13% above the previous close
    const g = rows.findIndex((row) => row.date === "2020-08-17");
    expect(oneDecimal(rows[g]!.low / rows[g - 1]!.close - 1)).toBe("3.1");
    expect(check("rose 3.1%", "2020-08-17")).toMatchObject({ matches: [], otherMatches: [] });
    expect(check("moved 3.1%", "2020-08-17")).toMatchObject({ matches: ["intradayLow"], otherMatches: [] });
  });

  it("lists a measure the wording points to under matches only, not again under other matches", () => {
    expect(check("fell as much as 14%")).toMatchObject({ matches: ["intradayLow"], otherMatches: [] });
  });

  it("compares no one-day measure with percentage points, a week's move or a move over several sessions", () => {
    // the close-to-close move is -10.26%: each figure would match it as a one-day percent move
    expect(check("fell 10.3 percentage points")).toMatchObject({ matches: [], otherMatches: [] });
    expect(check("fell 10.3% this week")).toMatchObject({ matches: [], otherMatches: [] });
    expect(check("fell 10.3% over two days")).toMatchObject({ matches: [], otherMatches: [] });
  });

  it("measures no span for a one-day claim", () => {
    expect(check("plummeted 14%").spanMove).toBeNull();
  });
});

describe("checkClaim: the move over a claim's span (truth from the bundled CSVs)", () => {
  const rows = priceRows("1810.HK");
  const at = (date: string) => rows.findIndex((row) => row.date === date);
  const span = (claim: string, date: string, symbol = "1810.HK") => moveOf(checkClaim({ symbol, date, claim })).spanMove;

  it("does not match a span move of another size, or one given in percentage points", () => {
    const k = at("2021-01-15");
    const twoDays = rows[k + 1]!.adj / rows[k - 1]!.adj - 1;
    expect(span("fell 50% over two days", "2021-01-15")).toMatchObject({ sessions: 2, matches: false });
    expect(span(`fell ${oneDecimal(twoDays)} percentage points over two days`, "2021-01-15")).toMatchObject({ sessions: 2, matches: false });
  });

  it("measures no move over sessions after the end of the file", () => {
    expect(rows.at(-1)!.date).toBe("2021-12-31");
    expect(span("fell 1% over two days", "2021-12-31")).toBeNull();
  });

  it("measures this week from the last close of the week before, also on the last day of the file", () => {
    // Friday 31 Dec 2021: the week before ends on Friday 24 Dec
    const week = rows.at(-1)!.adj / rows[at("2021-12-24")]!.adj - 1;
    expect(span("rose 1% this week", "2021-12-31")).toMatchObject({ from: "2021-12-24", to: "2021-12-31", sessions: at("2021-12-31") - at("2021-12-24"), ret: expect.closeTo(week, 12) });
  });

  it("measures this week from the file's first close when the file starts on the Friday before", () => {
    expect(rows[0]!.date).toBe("2019-06-14");
    expect(span("rose 1% this week", "2019-06-18")).toMatchObject({ from: "2019-06-14", to: "2019-06-18", sessions: 2, ret: expect.closeTo(rows[2]!.adj / rows[0]!.adj - 1, 12) });
  });

  it("measures since the stock's own last announcement, and nothing on the day of an announcement", () => {
    // 0753.HK's announcement is dated 2021-01-14; Xiaomi's lawsuit (2021-01-29) is not about 0753.HK
    const airChina = priceRows("0753.HK");
    const from = airChina.findIndex((row) => row.date === "2021-01-14");
    const to = airChina.findIndex((row) => row.date === "2021-02-02");
    expect(span("fell 1% since the announcement", "2021-02-02", "0753.HK")).toMatchObject({ from: "2021-01-14", to: "2021-02-02", sessions: to - from, ret: expect.closeTo(airChina[to]!.adj / airChina[from]!.adj - 1, 12) });
    // Xiaomi's lawsuit is dated 2021-01-29 itself: no move since it on that day (the DoD listing of 14 January is not the last)
    expect(span("fell 1% since the announcement", "2021-01-29")).toBeNull();
    // 0700.HK has no announcement in the catalog
    expect(span("fell 1% since the announcement", "2021-02-02", "0700.HK")).toBeNull();
  });
});

describe("checkClaim: a change of market value", () => {
  const rows = priceRows("1810.HK");
  const k = rows.findIndex((row) => row.date === "2021-01-15");
  const shares = 25_000_000_000;
  // 25bn shares x (29.30 - 32.65) = -83.75bn
  const change = shares * (rows[k]!.close - rows[k - 1]!.close);
  const valueClaim = (claim: string) => {
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim, shares });
    if (check.claim?.kind !== "marketValue") throw new Error("not a market-value claim");
    return check.claim;
  };

  it("gives the change as shares times the change of the close", () => {
    expect(change).toBeCloseTo(-83.75e9, 0);
    expect(valueClaim("wiped HK$84bn off its market value")).toMatchObject({ shares, change: expect.closeTo(change, 0), matches: true });
  });

  it("matches a rise on a rise (4 May 2021: 24.45 to 24.80)", () => {
    const rise = checkClaim({ symbol: "1810.HK", date: "2021-05-04", claim: "added HK$9bn to its market value", shares });
    // 25bn x 0.35 = 8.75bn, which rounds to 9bn
    expect(rise.claim).toMatchObject({ kind: "marketValue", change: expect.closeTo(8.75e9, 0), matches: true });
  });

  it("does not match a rise of the right size on a fall", () => {
    expect(valueClaim("added HK$84bn to its market value").matches).toBe(false);
  });

  it("matches a claim without a direction on its size alone", () => {
    expect(valueClaim("its market value moved by HK$84bn").matches).toBe(true);
    expect(valueClaim("its market value moved by HK$94bn").matches).toBe(false);
  });
});

describe("checkClaim: the day's session, the estimation and the model", () => {
  it("rejects the first date of a file, which has no previous close", () => {
    expect(() => checkClaim({ symbol: "1810.HK", date: "2019-06-14" })).toThrow(/1810\.HK: 2019-06-14 is the first date in .*1810\.HK\.csv, so there is no previous close to measure from/);
  });

  it("rejects a date before the file, naming the dates it covers", () => {
    expect(() => checkClaim({ symbol: "1810.HK", date: "2019-06-13" })).toThrow(/1810\.HK: no prices on 2019-06-13; .*1810\.HK\.csv covers 2019-06-14 to 2021-12-31/);
  });

  it("gives no z-score or abnormal return on the first return of the file, and says why", () => {
    const second = checkClaim({ symbol: "1810.HK", date: "2019-06-17" });
    expect(second.measures.zScore).toBeNull();
    expect(second.inference).toBeNull();
    expect(second.notes).toHaveLength(1);
    expect(second.notes[0]).toMatch(/^no abnormal return or z-score: /);
  });

  it("adds no note on an ordinary session of an unadjusted file, and names the stock's and the market's price files", () => {
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15" });
    expect(check.notes).toEqual([]);
    expect(check.pricesAdjusted).toBe(false);
    expect(check.sources.map((source) => [source.symbol, source.file])).toEqual([
      ["1810.HK", "1810.HK.csv"],
      ["^HSI", "INDEX_HSI.csv"],
    ]);
    expect(checkClaim({ symbol: "^HSI", date: "2021-01-15" }).sources.map((source) => source.file)).toEqual(["INDEX_HSI.csv"]);
  });

  it("says when the prices on file are adjusted", () => {
    expect(checkClaim({ symbol: "0883.HK", date: "2021-01-15" }).notes).toEqual([
      "0883.HK's open, high, low and close on file are adjusted (they are not on the exchange's price grid), so quoted prices cannot be checked exactly",
    ]);
  });

  it("gives betas for a factor model only", () => {
    const market = checkClaim({ symbol: "1810.HK", date: "2021-01-15" }).inference!;
    expect(Object.keys(market)).not.toContain("betas");
    const ff3 = checkClaim({ symbol: "1810.HK", date: "2021-01-15", model: "ff3", factors: ["data/factors/F-F_Research_Data_Factors_daily.CSV"] }).inference!;
    expect(ff3.model).toBe("ff3");
    expect(Object.keys(ff3.betas!).sort()).toEqual(["HML", "Mkt-RF", "SMB"]);
  });

  it("says when the factor files lack day 0 (a US holiday, a Hong Kong session)", () => {
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-18", model: "ff3", factors: ["data/factors/F-F_Research_Data_Factors_daily.CSV"] });
    expect(check.inference).toBeNull();
    expect(check.measures.zScore).toBeNull();
    expect(check.notes).toEqual(["no abnormal return or z-score: the factor files have no 2021-01-18 (they cover 1926-07-01 to 2026-04-30)"]);
  });

  it("asks for --factors with a factor model, and refuses them with another model", () => {
    const missing = thrownInputError(() => checkClaim({ symbol: "1810.HK", date: "2021-01-15", model: "ff3" }));
    expect(missing).toMatchObject({ code: "invalid-option", field: "--factors" });
    expect(missing.message).toMatch(/^--factors: the ff3 model needs a Kenneth French daily factor file/);
    expect(thrownInputError(() => checkClaim({ symbol: "1810.HK", date: "2021-01-15", model: "ff3", factors: [] })).field).toBe("--factors");
    const extra = thrownInputError(() => checkClaim({ symbol: "1810.HK", date: "2021-01-15", factors: ["data/factors/F-F_Research_Data_Factors_daily.CSV"] }));
    expect(extra).toMatchObject({ code: "invalid-option", field: "--factors" });
    expect(extra.message).toBe("--factors: factor files are for the factor models (ff3, carhart4, ff5), not --model market");
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", factors: [] }).inference!.model).toBe("market");
  });

  it("reads the claim's dates in the year of day 0 ('in five years' before 15 January 2021)", () => {
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "its worst day in five years" });
    if (check.claim?.kind !== "record") throw new Error("not a record claim");
    expect(check.claim.since).toMatchObject({ start: "2016-01-15", end: "2016-01-15" });
  });
});

describe("checkClaim on edited copies of the bundled price files", () => {
  const bundled = join(repoRoot, "data/prices");
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "check-claim-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes `file` (a bundled price file) into the temporary folder with its data rows passed through `edit`. */
  function writeEdited(file: string, edit: (rows: string[]) => string[] = (rows) => rows): void {
    const [header, ...rows] = readFileSync(join(bundled, file), "utf8").trim().split("\n");
    writeFileSync(join(dir, file), [header, ...edit(rows)].join("\n") + "\n");
  }
  /** The row of `date` replaced by `row`. */
  const replaceRow = (date: string, row: string) => (rows: string[]) => rows.map((line) => (line.startsWith(`${date},`) ? row : line));

  it("reads the stock from --data-dir before the bundled files", () => {
    writeEdited("1810.HK.csv", replaceRow("2021-01-15", "2021-01-15,29,30.5,28.2,30,30,1149252510"));
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", dataDir: dir });
    expect(check.prices.close).toBe(30);
    expect(check.measures.closeToClose).toBeCloseTo(30 / 32.65 - 1, 14);
  });

  it("warns of a suspect row of the stock or the market, and refuses it with strict", () => {
    // 13 Jan 2021 with a high (32.00) below the close (33.00)
    writeEdited("1810.HK.csv", replaceRow("2021-01-13", "2021-01-13,33.55,32,32,33,33,120265263"));
    const warned = checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled] });
    expect(warned.sources[0]!.warnings).toHaveLength(1);
    expect(warned.sources[0]!.warnings[0]).toMatchObject({ date: "2021-01-13" });
    expect(thrownInputError(() => checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled], strict: true })).message).toMatch(/1810\.HK\.csv.*strict reading/s);
    rmSync(join(dir, "1810.HK.csv"));
    writeEdited("INDEX_HSI.csv", replaceRow("2021-01-13", "2021-01-13,28309.32,28200,28136.64,28235.6,28235.6,3559366600"));
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled] }).sources[1]!.warnings).toHaveLength(1);
    expect(thrownInputError(() => checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled], strict: true })).message).toMatch(/INDEX_HSI\.csv.*strict reading/s);
  });

  it("measures the market from its last close before day 0 when it has none on the stock's previous session", () => {
    writeEdited("INDEX_HSI.csv", (rows) => rows.filter((row) => !row.startsWith("2021-01-14,")));
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled] });
    expect(check.previousDate).toBe("2021-01-14");
    expect(check.prices.marketPreviousClose).toBe(28235.6);
    expect(check.measures.marketReturn).toBeCloseTo(28573.86 / 28235.6 - 1, 14);
    expect(check.notes).toContain("^HSI has no close on 2021-01-14, so its return is measured from 2021-01-13");
  });

  it("calls the prices adjusted when one price of one day is off the 0.001 grid", () => {
    writeEdited("1810.HK.csv", replaceRow("2020-06-01", "2020-06-01,12.2004,12.34,12.06,12.14,12.14,145999483"));
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled] }).pricesAdjusted).toBe(true);
  });

  it("keeps a price within a millionth of the grid on it (binary rounding of a quoted price)", () => {
    // 29.30000001 is 1e-5 of a thousandth off 29.300, under the tolerance of 1e-6 x 29.3 thousandths
    writeEdited("1810.HK.csv", replaceRow("2021-01-15", "2021-01-15,29,30.5,28.2,29.30000001,29.30000001,1149252510"));
    expect(checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled] }).pricesAdjusted).toBe(false);
  });

  it("measures no week when the file starts in day 0's week", () => {
    // from Monday 17 June 2019: the week of Tuesday 18 June has no close before it
    writeEdited("1810.HK.csv", (rows) => rows.filter((row) => row >= "2019-06-17"));
    expect(moveOf(checkClaim({ symbol: "1810.HK", date: "2019-06-18", claim: "rose 1% this week", priceDirs: [dir, bundled] })).spanMove).toBeNull();
  });

  it("measures nothing since an announcement made before the file starts", () => {
    // the DoD listing of 14 January 2021, and a file from 15 January
    writeEdited("1810.HK.csv", (rows) => rows.filter((row) => row >= "2021-01-15"));
    expect(moveOf(checkClaim({ symbol: "1810.HK", date: "2021-01-19", claim: "rose 1% since the announcement", priceDirs: [dir, bundled] })).spanMove).toBeNull();
  });

  it("measures the market from the stock's previous session when the stock skipped a market session", () => {
    // 1810.HK without 14 January 2021 (as if suspended): day 0's previous session is 13 January, for the market too
    writeEdited("1810.HK.csv", (rows) => rows.filter((row) => !row.startsWith("2021-01-14,")));
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled] });
    expect(check.previousDate).toBe("2021-01-13");
    expect(check.prices.marketPreviousClose).toBe(28235.6);
    expect(check.measures.marketReturn).toBeCloseTo(28573.86 / 28235.6 - 1, 14);
    expect(check.notes.join(" ")).not.toMatch(/has no close/);
  });

  it("adds no market note when the stock's previous session is the market file's first", () => {
    writeEdited("INDEX_HSI.csv", (rows) => rows.filter((row) => row >= "2021-01-14"));
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", priceDirs: [dir, bundled] });
    expect(check.prices.marketPreviousClose).toBe(28496.86);
    expect(check.notes.join(" ")).not.toMatch(/has no close/);
  });

  it("measures since an announcement made on the file's first day", () => {
    writeEdited("1810.HK.csv", (rows) => rows.filter((row) => row >= "2021-01-14"));
    expect(moveOf(checkClaim({ symbol: "1810.HK", date: "2021-01-19", claim: "fell 1% since the announcement", priceDirs: [dir, bundled] })).spanMove).toMatchObject({
      from: "2021-01-14",
      to: "2021-01-19",
      sessions: 3,
    });
  });

  it("gives the estimation's reason, not a missing factor date, when the factor file starts on day 0", () => {
    const [header, ...rows] = readFileSync(join(repoRoot, "data/factors/F-F_Research_Data_Factors_daily.CSV"), "latin1").split("\n");
    const from = rows.findIndex((row) => row.startsWith("20210115,"));
    const file = join(dir, "factors.CSV");
    writeFileSync(file, [header, "", ",Mkt-RF,SMB,HML,RF", ...rows.slice(from, from + 30)].join("\n"));
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", model: "ff3", factors: [file] });
    expect(check.notes).toHaveLength(1);
    expect(check.notes[0]).toMatch(/^no abnormal return or z-score: 1810\.HK: only 0 estimation observations/);
  });

  it("ranks the day's return and market-model abnormal return in a universe folder", () => {
    for (const file of ["0700.HK.csv", "0981.HK.csv", "1810.HK.csv"]) writeEdited(file);
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", universeDir: dir });
    const ret = (symbol: string) => {
      const rows = priceRows(symbol);
      const k = rows.findIndex((row) => row.date === "2021-01-15");
      return rows[k]!.adj / rows[k - 1]!.adj - 1;
    };
    const ar = new Map(["0700.HK", "0981.HK", "1810.HK"].map((symbol) => [symbol, marketModelAr(symbol, "2021-01-15")]));
    expect(check.universe).toMatchObject({ date: "2021-01-15", market: "^HSI", universe: dir, unreadable: [], size: 3 });
    const fellMore = [ret("0700.HK"), ret("0981.HK")].filter((r) => r < ret("1810.HK")).length;
    expect(check.universe!.ret).toMatchObject({ value: expect.closeTo(ret("1810.HK"), 14), rank: fellMore + 1, of: 3, fellMore, roseMore: 2 - fellMore });
    const arFellMore = [ar.get("0700.HK")!, ar.get("0981.HK")!].filter((a) => a < ar.get("1810.HK")!).length;
    expect(check.universe!.ar).toMatchObject({ value: expect.closeTo(ar.get("1810.HK")!, 12), rank: arFellMore + 1, of: 3 });
    for (const move of check.universe!.moves) expect(move.ar).toBeCloseTo(ar.get(move.symbol)!, 12);
  });
});

/** The market-model abnormal return of `symbol` against the HSI on `date` (estimation window [-250, -11] of the joined sessions), by plain OLS. */
function marketModelAr(symbol: string, date: string): number {
  const hsi = new Map(priceRows("INDEX_HSI").map((row) => [row.date, row.adj]));
  const joined = priceRows(symbol).filter((row) => hsi.has(row.date));
  const d0 = joined.findIndex((row) => row.date === date);
  const ret = (j: number) => joined[j]!.adj / joined[j - 1]!.adj - 1;
  const mret = (j: number) => hsi.get(joined[j]!.date)! / hsi.get(joined[j - 1]!.date)! - 1;
  const est = Array.from({ length: 240 }, (_, i) => d0 - 250 + i);
  const fit = ols(est.map(ret), est.map(mret));
  return ret(d0) - fit.alpha - fit.beta * mret(d0);
}
