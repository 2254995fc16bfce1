import { describe, expect, it } from "vitest";
import type { CheckedClaim, CheckedMove, ClaimCheck, ClaimInference, RecordFinding } from "../src/claims/checkSchema.js";
import { joinList, ordinal, recordDecisive, standing, writeVerdict } from "../src/claims/verdict.js";
import type { Rank, UniverseRanking } from "../src/engine/universeRankingSchema.js";

/**
 * The verdict's sentences, written out by hand for each branch, on a check built here rather than by checkClaim (so that
 * each measure, p-value and finding can be set at a branch's edge). Every fixture is built inside the test that reads it.
 */

type Unlabelled = Omit<ClaimCheck, "verdict">;
type CheckedRecord = Extract<CheckedClaim, { kind: "record" }>;
type CheckedPrice = Extract<CheckedClaim, { kind: "price" }>;
type CheckedMarketValue = Extract<CheckedClaim, { kind: "marketValue" }>;

/** A t-test far in the tail and an SQ test at its floor: the abnormal return below all 240 estimation-window residuals. */
function inference(changes: Partial<ClaimInference> = {}): ClaimInference {
  return {
    t: -6,
    p: 0.00002,
    sq: { p: 0.0083, quantile: 0, minP: 0.0083 },
    abnormalVolume: { cav: 1.2, t: 3, p: 0.003, df: 239, days: 1 },
    df: 238,
    model: "market",
    estimationWindow: [-250, -11],
    nEstimation: 240,
    sigma: 0.02,
    estimation: { start: "2020-01-10", end: "2020-12-30" },
    ...changes,
  };
}

/**
 * 1810.HK on 2021-01-15, with round numbers: previous close 30, open 28.5 (-5%), low 24 (-20%), high 31.5 (+5%), close 27
 * (-10%); the Hang Seng Index rose 1%; abnormal return -12%; 2 of the 500 other days on file fell further (0.4%).
 */
function day(changes: Partial<Unlabelled> = {}): Unlabelled {
  return {
    schemaVersion: 1 as Unlabelled["schemaVersion"],
    symbol: "1810.HK",
    date: "2021-01-15",
    previousDate: "2021-01-14",
    market: "^HSI",
    prices: { previousClose: 30, open: 28.5, high: 31.5, low: 24, close: 27, marketPreviousClose: 28000, marketClose: 28280 },
    measures: {
      closeToClose: -0.1,
      openGap: -0.05,
      intradayLow: -0.2,
      intradayHigh: 0.05,
      marketReturn: 0.01,
      marketAdjusted: -0.11,
      abnormalReturn: -0.12,
      zScore: -6,
      percentile: 0.004,
    },
    historyDays: 500,
    inference: inference(),
    claim: null,
    universe: null,
    notes: [],
    pricePath: [{ offset: 0, date: "2021-01-15", open: 28.5, high: 31.5, low: 24, close: 27 }],
    dailyReturns: [{ date: "2021-01-15", ret: -0.1 }],
    sources: [],
    pricesAdjusted: false,
    ...changes,
  };
}

/** The fixture day's measures with some changed. */
function measures(changes: Partial<Unlabelled["measures"]>): Pick<Unlabelled, "measures"> {
  return { measures: { ...day().measures, ...changes } };
}

const HEADLINE = "On 2021-01-15, 1810.HK closed at 27, down 10.00% from the previous close of 30 (2021-01-14), close to close.";
const OPENED = "It opened down 5.00% and traded between 24 (-20.00%) and 31.5 (+5.00%).";
const MARKET =
  "The Hang Seng Index (^HSI) rose 1.00% that day; the market-model abnormal return was -12.00% (t = -6.00, p < 0.0001, 238 df), a highly unusual move.";
const SQ =
  "The SQ test, which does not assume normal tails, gives p = 0.0083, the smallest p it can give (the abnormal return lies below every one of the stock's 240 estimation-window abnormal returns), agreeing with the t-test at 5%.";
const HISTORY = "0.4% of the other 500 days on file had a lower close-to-close return.";

/** The verdict's text on the fixture day with a claim: the claim's sentences between the day's and the market's. */
function withClaim(...claimSentences: string[]): string {
  return [HEADLINE, OPENED, ...claimSentences, MARKET, SQ, HISTORY].join(" ");
}

/** "fell 10%", matching the close-to-close move. */
function move(changes: Partial<CheckedMove> = {}): CheckedMove {
  return {
    kind: "move",
    text: "fell 10%",
    value: -0.1,
    direction: "down",
    bound: "rounded",
    band: [0.095, 0.105],
    measureHint: null,
    unit: "percent",
    span: { kind: "sessions", sessions: 1 },
    matches: ["closeToClose"],
    otherMatches: [],
    spanMove: null,
    ...changes,
  };
}

describe("writeVerdict: the day without a claim", () => {
  it("writes the close, the day's range, the market with the abnormal return, the SQ test and the history, and no label", () => {
    expect(writeVerdict(day())).toEqual({ label: null, labelText: null, why: null, headline: HEADLINE, text: withClaim() });
  });

  it("a rise, and a close exactly unchanged, are 'up'", () => {
    expect(writeVerdict(day({ prices: { ...day().prices, close: 33 }, ...measures({ closeToClose: 0.1 }) })).headline).toBe(
      "On 2021-01-15, 1810.HK closed at 33, up 10.00% from the previous close of 30 (2021-01-14), close to close.",
    );
    expect(writeVerdict(day({ prices: { ...day().prices, close: 30 }, ...measures({ closeToClose: 0 }) })).headline).toBe(
      "On 2021-01-15, 1810.HK closed at 30, up 0.00% from the previous close of 30 (2021-01-14), close to close.",
    );
  });

  it("says when the file's prices are adjusted", () => {
    expect(writeVerdict(day({ pricesAdjusted: true })).headline).toBe(
      "On 2021-01-15, 1810.HK closed at 27, down 10.00% from the previous close of 30 (2021-01-14), close to close (adjusted prices: the file's prices are not the ones quoted that day).",
    );
  });

  it("an open above, or exactly at, the previous close opened 'up'", () => {
    expect(writeVerdict(day(measures({ openGap: 0.05 }))).text).toContain("It opened up 5.00% and traded between 24 (-20.00%) and 31.5 (+5.00%).");
    expect(writeVerdict(day(measures({ openGap: 0 }))).text).toContain("It opened up 0.00% and traded between 24 (-20.00%) and 31.5 (+5.00%).");
  });

  it("leaves out the day's range when any of the open gap, the low or the high is missing", () => {
    const withoutRange = [HEADLINE, MARKET, SQ, HISTORY].join(" ");
    expect(writeVerdict(day(measures({ openGap: null }))).text).toBe(withoutRange);
    expect(writeVerdict(day(measures({ intradayLow: null }))).text).toBe(withoutRange);
    expect(writeVerdict(day(measures({ intradayHigh: null }))).text).toBe(withoutRange);
  });
});

describe("writeVerdict: the market sentence", () => {
  it("without an inference (or without an abnormal return) gives the market's move alone, and no SQ sentence", () => {
    const marketOnly = [HEADLINE, OPENED, "The Hang Seng Index (^HSI) rose 1.00% that day.", HISTORY].join(" ");
    expect(writeVerdict(day({ inference: null })).text).toBe(marketOnly);
    expect(writeVerdict(day(measures({ abnormalReturn: null }))).text).toBe(marketOnly);
  });

  it("a market that fell, and one exactly unchanged ('rose 0.00%')", () => {
    expect(writeVerdict(day(measures({ marketReturn: -0.01 }))).text).toContain("The Hang Seng Index (^HSI) fell 1.00% that day;");
    expect(writeVerdict(day(measures({ marketReturn: 0 }))).text).toContain("The Hang Seng Index (^HSI) rose 0.00% that day;");
  });

  it("a market without a name of its own is called by its symbol", () => {
    expect(writeVerdict(day({ market: "^N225" })).text).toContain("^N225 (^N225) rose 1.00% that day;");
    expect(writeVerdict(day({ market: "^GSPC" })).text).toContain("The S&P 500 (^GSPC) rose 1.00% that day;");
  });

  it("the market index itself is said to be the index", () => {
    expect(writeVerdict(day({ symbol: "^HSI" })).text).toContain(" ^HSI is the market index itself. ");
  });

  it("unusual by the t-test's p: below 0.01 highly unusual, below 0.05 unusual, from 0.05 on not unusual", () => {
    const said = (p: number) => writeVerdict(day({ inference: inference({ p, sq: { p, quantile: 0.5, minP: 0.0083 } }) })).text;
    expect(said(0.0099)).toContain("(t = -6.00, p = 0.0099, 238 df), a highly unusual move.");
    expect(said(0.01)).toContain("(t = -6.00, p = 0.0100, 238 df), an unusual move.");
    expect(said(0.0499)).toContain("(t = -6.00, p = 0.0499, 238 df), an unusual move.");
    expect(said(0.05)).toContain("(t = -6.00, p = 0.0500, 238 df), not unusual for this stock.");
  });

  it("names the check's model", () => {
    expect(writeVerdict(day({ inference: inference({ model: "dimson" }) })).text).toContain(
      "The Hang Seng Index (^HSI) rose 1.00% that day; the dimson-model abnormal return was -12.00% (t = -6.00, p < 0.0001, 238 df), a highly unusual move.",
    );
  });
});

describe("writeVerdict: the SQ test beside the t-test", () => {
  const sqOf = (tP: number, sq: ClaimInference["sq"]) => {
    const text = writeVerdict(day({ inference: inference({ p: tP, sq }) })).text;
    return text.slice(text.indexOf("The SQ test"), text.indexOf(HISTORY) - 1);
  };
  const lead = "The SQ test, which does not assume normal tails, gives";
  const below = "(the abnormal return lies below every one of the stock's 240 estimation-window abnormal returns)";

  it("where the abnormal return lies: below all, above all, or above a share of the estimation window's", () => {
    expect(sqOf(0.00002, { p: 0.02, quantile: 1, minP: 0.0083 })).toBe(
      `${lead} p = 0.0200 (the abnormal return lies above every one of the stock's 240 estimation-window abnormal returns), agreeing with the t-test at 5%.`,
    );
    expect(sqOf(0.00002, { p: 0.02, quantile: 0.25, minP: 0.0083 })).toBe(
      `${lead} p = 0.0200 (the abnormal return lies above 25.0% of the stock's 240 estimation-window abnormal returns), agreeing with the t-test at 5%.`,
    );
  });

  it("says when the p is the smallest the test can give (at its floor, not above it)", () => {
    expect(sqOf(0.00002, { p: 0.0083, quantile: 0, minP: 0.0083 })).toBe(`${lead} p = 0.0083, the smallest p it can give ${below}, agreeing with the t-test at 5%.`);
    expect(sqOf(0.00002, { p: 0.0084, quantile: 0, minP: 0.0083 })).toBe(`${lead} p = 0.0084 ${below}, agreeing with the t-test at 5%.`);
  });

  it("says when the two tests disagree at 5%, either way, with 0.05 itself not significant", () => {
    const sq = (p: number) => ({ p, quantile: 0, minP: 0.0083 });
    expect(sqOf(0.00002, sq(0.2))).toBe(`${lead} p = 0.2000 ${below}: unlike the t-test, it does not find the move significant at 5%.`);
    expect(sqOf(0.01, sq(0.05))).toBe(`${lead} p = 0.0500 ${below}: unlike the t-test, it does not find the move significant at 5%.`);
    expect(sqOf(0.2, sq(0.01))).toBe(`${lead} p = 0.0100 ${below}: unlike the t-test, it finds the move significant at 5%.`);
    expect(sqOf(0.05, sq(0.01))).toBe(`${lead} p = 0.0100 ${below}: unlike the t-test, it finds the move significant at 5%.`);
    expect(sqOf(0.05, sq(0.2))).toBe(`${lead} p = 0.2000 ${below}, agreeing with the t-test at 5%.`);
    expect(sqOf(0.04, sq(0.0499))).toBe(`${lead} p = 0.0499 ${below}, agreeing with the t-test at 5%.`);
    expect(sqOf(0.2, sq(0.05))).toBe(`${lead} p = 0.0500 ${below}, agreeing with the t-test at 5%.`);
  });
});

describe("writeVerdict: the stock's own history", () => {
  const historyOf = (closeToClose: number, percentile: number) => {
    const text = writeVerdict(day({ inference: null, ...measures({ closeToClose, percentile }) })).text;
    return text.slice(text.indexOf("that day.") + "that day. ".length);
  };

  it("a fall: the share of the other days lower; none lower", () => {
    expect(historyOf(-0.1, 0.25)).toBe("25.0% of the other 500 days on file had a lower close-to-close return.");
    expect(historyOf(-0.1, 0)).toBe("No other day among the 500 on file had a lower close-to-close return.");
  });

  it("a rise (or no move): the share of the other days higher; none higher", () => {
    expect(historyOf(0.1, 0.75)).toBe("25.0% of the other 500 days on file had a higher close-to-close return.");
    expect(historyOf(0, 0.4)).toBe("60.0% of the other 500 days on file had a higher close-to-close return.");
    expect(historyOf(0.1, 1)).toBe("No other day among the 500 on file had a higher close-to-close return.");
  });
});

describe("writeVerdict: the universe sentence", () => {
  const rank = (value: number, fellMore: number, roseMore: number): Rank => ({ value, rank: fellMore + 1, of: 83, percentile: fellMore / 82, fellMore, roseMore });
  const universe = (ar: Rank | null): UniverseRanking => ({
    date: "2021-01-15",
    market: "^HSI",
    universe: "hk-universe",
    size: 83,
    ret: rank(-0.1, 2, 80),
    ar,
    biggestMovers: [],
    moves: [],
    unreadable: [],
  });

  it("ranks the day's return and abnormal return among the stocks that traded", () => {
    expect(writeVerdict(day({ universe: universe(rank(-0.12, 0, 82)) })).text).toBe(
      `${withClaim()} Among the 83 stocks of hk-universe that traded that day, 1810.HK had the 3rd biggest fall (2 fell more); by abnormal return, the biggest negative abnormal return.`,
    );
  });

  it("without abnormal returns ranks the return alone", () => {
    expect(writeVerdict(day({ universe: universe(null) })).text).toBe(
      `${withClaim()} Among the 83 stocks of hk-universe that traded that day, 1810.HK had the 3rd biggest fall (2 fell more).`,
    );
  });
});

describe("writeVerdict: a move claim", () => {
  it("matching the close-to-close move: accurate", () => {
    const verdict = writeVerdict(day({ claim: move() }));
    expect(verdict).toMatchObject({ label: "accurate", labelText: "accurate", why: null });
    expect(verdict.text).toBe(withClaim('The claim "fell 10%" (a fall of 10%, read as 9.5% to 10.5%) matches the close-to-close move (-10.00%).'));
  });

  it("matching only other measures, with no wording for one: accurate for those measures only", () => {
    const verdict = writeVerdict(day({ claim: move({ text: "fell 20%", value: -0.2, band: [0.195, 0.205], matches: ["intradayLow"] }) }));
    expect(verdict).toMatchObject({ label: "accurate-for-measure-only", labelText: "accurate for the intraday low only", why: "not for the close-to-close move (-10.00%)" });
    expect(verdict.text).toBe(
      withClaim('The claim "fell 20%" (a fall of 20%, read as 19.5% to 20.5%) matches the intraday low (-20.00%), but not the close-to-close move (-10.00%).'),
    );
  });

  it("names the abnormal return by the check's model, the market model by its own name", () => {
    const claim = move({ text: "fell 12%", value: -0.12, band: [0.115, 0.125], matches: ["marketAdjusted", "abnormalReturn"] });
    expect(writeVerdict(day({ claim })).labelText).toBe("accurate for the market-adjusted return and the market-model abnormal return only");
    const dimson = writeVerdict(day({ claim, inference: inference({ model: "dimson" }) }));
    expect(dimson.labelText).toBe("accurate for the market-adjusted return and the dimson-model abnormal return only");
    expect(dimson.text).toContain(
      'The claim "fell 12%" (a fall of 12%, read as 11.5% to 12.5%) matches the market-adjusted return (-11.00%) and the dimson-model abnormal return (-12.00%), but not the close-to-close move (-10.00%).',
    );
    const withoutModel = writeVerdict(day({ claim, inference: null }));
    expect(withoutModel.labelText).toBe("accurate for the market-adjusted return and the market-model abnormal return only");
  });

  it("matching a measure its wording points to: accurate, though not the close", () => {
    const verdict = writeVerdict(
      day({ claim: move({ text: "fell as much as 20%", value: -0.2, band: [0.195, 0.205], measureHint: "intraday", matches: ["intradayLow"] }) }),
    );
    expect(verdict).toMatchObject({ label: "accurate", labelText: "accurate", why: null });
    expect(verdict.text).toBe(
      withClaim('The claim "fell as much as 20%" (a fall of 20%, read as 19.5% to 20.5%) matches the intraday low (-20.00%), but not the close-to-close move (-10.00%).'),
    );
  });

  it("matching the measure its wording points to and others besides: the others go unnamed", () => {
    const claim = move({ text: "fell as much as 20%", value: -0.2, band: [0.195, 0.205], measureHint: "intraday", matches: ["intradayLow"], otherMatches: ["abnormalReturn"] });
    expect(writeVerdict(day({ claim })).text).toBe(
      withClaim('The claim "fell as much as 20%" (a fall of 20%, read as 19.5% to 20.5%) matches the intraday low (-20.00%), but not the close-to-close move (-10.00%).'),
    );
  });

  it("not matching the measure its wording points to: inaccurate, naming what the figure matches instead", () => {
    const claim = (measureHint: CheckedMove["measureHint"], otherMatches: CheckedMove["otherMatches"]) =>
      move({ text: "lost 20%", value: -0.2, band: [0.195, 0.205], measureHint, matches: [], otherMatches });
    const close = writeVerdict(day({ claim: claim("close", ["intradayLow"]) }));
    expect(close).toMatchObject({ label: "inaccurate", labelText: "inaccurate", why: null });
    expect(close.text).toBe(
      withClaim('The claim "lost 20%" (a fall of 20%, read as 19.5% to 20.5%) speaks of the close, which it does not match; the figure matches the intraday low (-20.00%).'),
    );
    expect(writeVerdict(day({ claim: claim("open", ["intradayLow", "abnormalReturn"]) })).text).toBe(
      withClaim(
        'The claim "lost 20%" (a fall of 20%, read as 19.5% to 20.5%) speaks of the open, which it does not match; the figure matches the intraday low (-20.00%) and the market-model abnormal return (-12.00%).',
      ),
    );
    expect(writeVerdict(day({ claim: claim("intraday", ["closeToClose"]) })).text).toBe(
      withClaim('The claim "lost 20%" (a fall of 20%, read as 19.5% to 20.5%) speaks of the intraday extreme, which it does not match; the figure matches the close-to-close move (-10.00%).'),
    );
  });

  it("matching nothing: inaccurate", () => {
    const verdict = writeVerdict(day({ claim: move({ text: "fell 30%", value: -0.3, band: [0.295, 0.305], matches: [] }) }));
    expect(verdict).toMatchObject({ label: "inaccurate", labelText: "inaccurate", why: null });
    expect(verdict.text).toBe(withClaim('The claim "fell 30%" (a fall of 30%, read as 29.5% to 30.5%) matches none of the measures.'));
  });

  it("an intraday claim on a day without intraday data: unverifiable; with intraday data, or another wording, inaccurate", () => {
    const claim = (measureHint: CheckedMove["measureHint"]) => move({ text: "fell as much as 30%", value: -0.3, band: [0.295, 0.305], measureHint, matches: [] });
    const noIntraday = measures({ openGap: null, intradayLow: null, intradayHigh: null });
    expect(writeVerdict(day({ claim: claim("intraday"), ...noIntraday }))).toMatchObject({
      label: "unverifiable",
      labelText: "unverifiable: 1810.HK has no intraday data on 2021-01-15",
      why: "1810.HK has no intraday data on 2021-01-15",
    });
    expect(writeVerdict(day({ claim: claim("intraday") })).label).toBe("inaccurate");
    expect(writeVerdict(day({ claim: claim("close"), ...noIntraday })).label).toBe("inaccurate");
  });

  it("a claim without a direction says so, and is read as a move either way", () => {
    const verdict = writeVerdict(day({ claim: move({ text: "moved 10%", value: 0.1, direction: null }) }));
    expect(verdict.label).toBe("accurate");
    expect(verdict.text).toBe(
      withClaim(
        'The claim "moved 10%" does not say whether 1810.HK rose or fell, so it is compared with moves either way.',
        'The claim "moved 10%" (a move of 10%, read as 9.5% to 10.5%) matches the close-to-close move (-10.00%).',
      ),
    );
  });

  it("the claimed band in words: a rise, at least, less than, a range", () => {
    const said = (changes: Partial<CheckedMove>) => writeVerdict(day({ claim: move({ matches: [], ...changes }) })).text;
    expect(said({ text: "rose 10%", value: 0.1, direction: "up" })).toContain('The claim "rose 10%" (a rise of 10%, read as 9.5% to 10.5%) matches');
    expect(said({ text: "fell at least 10%", bound: "atLeast", band: [0.1, Number.POSITIVE_INFINITY] })).toContain(
      'The claim "fell at least 10%" (a fall of at least 10.00%) matches',
    );
    expect(said({ text: "fell less than 10%", bound: "below", band: [0, 0.1] })).toContain('The claim "fell less than 10%" (a fall of less than 10.00%) matches');
    expect(said({ text: "fell 10% to 14%", bound: "range", band: [0.1, 0.14] })).toContain('The claim "fell 10% to 14%" (a fall of 10% to 14%) matches');
  });

  it("percentage points: unverifiable, a change of a rate", () => {
    const verdict = writeVerdict(day({ claim: move({ text: "moved 10 percentage points", value: 0.1, direction: null, unit: "percentagePoints" }) }));
    expect(verdict).toMatchObject({
      label: "unverifiable",
      labelText: "unverifiable: a change in percentage points is a change of a rate, not a price move",
      why: "a change in percentage points is a change of a rate, not a price move",
    });
    expect(verdict.text).toBe(
      withClaim(
        'The claim "moved 10 percentage points" does not say whether 1810.HK rose or fell, so it is compared with moves either way.',
        'The claim "moved 10 percentage points" gives percentage points, a change of a rate, which prices cannot check.',
      ),
    );
  });
});

describe("writeVerdict: a move claim over several sessions", () => {
  const overTwoDays = (changes: Partial<CheckedMove>) =>
    move({ text: "fell 15% over two days", value: -0.15, band: [0.145, 0.155], matches: [], span: { kind: "sessions", sessions: 2 }, ...changes });
  const spanMove = (matches: boolean) => ({ from: "2021-01-13", to: "2021-01-15", sessions: 2, ret: -0.15, matches });

  it("judges the move over the span, not day 0's", () => {
    const verdict = writeVerdict(day({ claim: overTwoDays({ spanMove: spanMove(true) }) }));
    expect(verdict).toMatchObject({ label: "accurate", labelText: "accurate", why: null });
    expect(verdict.text).toBe(
      withClaim(
        'The claim "fell 15% over two days" (a fall of 15%, read as 14.5% to 15.5%) speaks of 2 sessions: from the close of 2021-01-13 to the close of 2021-01-15, 1810.HK moved -15.00%, which it matches.',
      ),
    );
    const missed = writeVerdict(day({ claim: overTwoDays({ spanMove: spanMove(false), matches: ["closeToClose"] }) }));
    expect(missed.label).toBe("inaccurate");
    expect(missed.text).toContain("1810.HK moved -15.00%, which it does not match.");
  });

  it("a span not on file: unverifiable, saying which", () => {
    const verdict = writeVerdict(day({ claim: overTwoDays({ spanMove: null }) }));
    expect(verdict).toMatchObject({ label: "unverifiable", why: "the span of days is not on file" });
    expect(verdict.text).toBe(
      withClaim('The claim "fell 15% over two days" (a fall of 15%, read as 14.5% to 15.5%) speaks of a move over several sessions that the file cannot measure.'),
    );
    expect(writeVerdict(day({ claim: overTwoDays({ span: { kind: "week" } }) })).why).toBe("the span of days is not on file");
    expect(writeVerdict(day({ claim: overTwoDays({ span: { kind: "sinceAnnouncement" } }) })).why).toBe(
      "no announcement about 1810.HK on or before 2021-01-15 in the event catalog",
    );
  });

  it("a week's move is a span too; a directionless one says so first", () => {
    const verdict = writeVerdict(day({ claim: overTwoDays({ text: "moved 15% this week", value: 0.15, direction: null, span: { kind: "week" }, spanMove: spanMove(true) }) }));
    expect(verdict.label).toBe("accurate");
    expect(verdict.text).toBe(
      withClaim(
        'The claim "moved 15% this week" does not say whether 1810.HK rose or fell, so it is compared with moves either way.',
        'The claim "moved 15% this week" (a move of 15%, read as 14.5% to 15.5%) speaks of 2 sessions: from the close of 2021-01-13 to the close of 2021-01-15, 1810.HK moved -15.00%, which it matches.',
      ),
    );
  });
});

describe("writeVerdict: a record claim", () => {
  const finding = (basis: RecordFinding["basis"], changes: Partial<RecordFinding> = {}): RecordFinding => ({
    basis,
    value: basis === "close" ? -0.1 : -0.2,
    lastBeyond: null,
    holds: true,
    ...changes,
  });
  const record = (changes: Partial<CheckedRecord> = {}): CheckedRecord => ({
    kind: "record",
    text: "its biggest fall since March 2020",
    direction: "down",
    extreme: "move",
    basis: null,
    since: { start: "2020-03-01", end: "2020-03-31", text: "March 2020" },
    fileStart: "2018-07-09",
    findings: [finding("close", { lastBeyond: { date: "2020-02-03", value: -0.13 } }), finding("intraday")],
    ...changes,
  });

  it("a fall: both bases, the last session beyond or nothing beyond, and the close decides", () => {
    const verdict = writeVerdict(day({ claim: record() }));
    expect(verdict).toMatchObject({ label: "accurate", labelText: "accurate", why: "as far back as the file goes (2018-07-09)" });
    expect(verdict.text).toBe(
      withClaim(
        'The claim "its biggest fall since March 2020" is a biggest fall since March 2020; close to close, the last session beyond -10.00% was 2020-02-03 (-13.00%): it holds; on the intraday low against the previous close, nothing beyond -20.00% on file since 2018-07-09: it holds.',
      ),
    );
  });

  it("a rise on record, with no intraday data and a finding that does not hold", () => {
    const claim = record({
      text: "its best day on record",
      direction: "up",
      since: null,
      findings: [finding("close", { value: 0.1, lastBeyond: { date: "2020-03-24", value: 0.12 }, holds: false }), finding("intraday", { value: null, holds: null })],
    });
    const verdict = writeVerdict(day({ claim }));
    expect(verdict).toMatchObject({ label: "inaccurate", why: null });
    expect(verdict.text).toContain(
      'The claim "its best day on record" is a biggest rise on record; close to close, the last session beyond +10.00% was 2020-03-24 (+12.00%): it does not hold; on the intraday high against the previous close, not measured (no intraday data).',
    );
  });

  it("a lowest and a highest close: levels to two decimals, on the adjusted close and the intraday low or high", () => {
    const levels = [finding("close", { value: 27, lastBeyond: { date: "2019-09-30", value: 26.5 } }), finding("intraday", { value: 24, holds: null })];
    expect(writeVerdict(day({ claim: record({ text: "its lowest close since 2019", extreme: "close", since: null, findings: levels }) })).text).toContain(
      'The claim "its lowest close since 2019" is a lowest close on record; on the adjusted close, the last session beyond 27.00 was 2019-09-30 (26.50): it holds; on the intraday low, nothing beyond 24.00 on file since 2018-07-09: the file does not reach back far enough to say.',
    );
    expect(writeVerdict(day({ claim: record({ text: "its highest close", direction: "up", extreme: "close", since: null, findings: levels }) })).text).toContain(
      'The claim "its highest close" is a highest close on record; on the adjusted close, the last session beyond 27.00 was 2019-09-30 (26.50): it holds; on the intraday high, nothing beyond 24.00 on file since 2018-07-09: the file does not reach back far enough to say.',
    );
  });

  it("decided by the basis the wording names, else the close", () => {
    const findings = [finding("close", { holds: true }), finding("intraday", { holds: false })];
    expect(writeVerdict(day({ claim: record({ findings }) })).label).toBe("accurate");
    expect(writeVerdict(day({ claim: record({ basis: "intraday", findings }) })).label).toBe("inaccurate");
    expect(writeVerdict(day({ claim: record({ basis: "close", findings: [finding("intraday", { holds: false }), finding("close", { holds: true })] }) })).label).toBe("accurate");
  });

  it("a file that does not reach back far enough, or no finding on the deciding basis: unverifiable", () => {
    const unverifiable = {
      label: "unverifiable",
      why: "the prices on file begin on 2018-07-09, after the period the claim reaches back to",
      labelText: "unverifiable: the prices on file begin on 2018-07-09, after the period the claim reaches back to",
    };
    expect(writeVerdict(day({ claim: record({ findings: [finding("close", { holds: null }), finding("intraday")] }) }))).toMatchObject(unverifiable);
    expect(writeVerdict(day({ claim: record({ basis: "intraday", findings: [finding("close")] }) }))).toMatchObject(unverifiable);
  });

  it("recordDecisive picks the finding on the named basis, the close when none is named", () => {
    const close = finding("close");
    const intraday = finding("intraday");
    expect(recordDecisive([intraday, close], null)).toBe(close);
    expect(recordDecisive([close, intraday], "intraday")).toBe(intraday);
    expect(recordDecisive([close], "intraday")).toBeUndefined();
  });
});

describe("writeVerdict: a price claim", () => {
  const price = (changes: Partial<CheckedPrice> = {}): CheckedPrice => ({
    kind: "price",
    text: "closed at HK$27",
    price: 27,
    band: [26.995, 27.005],
    fields: ["close"],
    actual: [{ field: "close", price: 27, matches: true }],
    ...changes,
  });
  const fellTo = price({
    text: "fell to HK$24.50",
    price: 24.5,
    band: [24.495, 24.505],
    fields: ["close", "low"],
    actual: [
      { field: "close", price: 27, matches: false },
      { field: "low", price: 24, matches: false },
    ],
  });

  it("a price of the day: accurate, marking the one that matches", () => {
    const verdict = writeVerdict(day({ claim: price() }));
    expect(verdict).toMatchObject({ label: "accurate", why: null });
    expect(verdict.text).toBe(withClaim('The claim "closed at HK$27" gives a price of 27; the close was 27 (matches).'));
  });

  it("no price of the day: inaccurate, listing each price the wording can mean", () => {
    const verdict = writeVerdict(day({ claim: fellTo }));
    expect(verdict.label).toBe("inaccurate");
    expect(verdict.text).toBe(withClaim('The claim "fell to HK$24.50" gives a price of 24.5; the close was 27 and the low was 24.'));
  });

  it("adjusted prices: a price that does not match is unverifiable, one that matches is accurate, and the sentence says why", () => {
    const verdict = writeVerdict(day({ claim: fellTo, pricesAdjusted: true }));
    expect(verdict).toMatchObject({ label: "unverifiable", why: "the file's prices are adjusted, so a quoted price cannot be checked exactly" });
    expect(verdict.text).toContain(
      'The claim "fell to HK$24.50" gives a price of 24.5; the close was 27 and the low was 24. The file\'s prices are adjusted, so they differ from the prices quoted that day.',
    );
    expect(writeVerdict(day({ claim: price(), pricesAdjusted: true })).label).toBe("accurate");
  });
});

describe("writeVerdict: a market-value claim", () => {
  const marketValue = (changes: Partial<CheckedMarketValue> = {}): CheckedMarketValue => ({
    kind: "marketValue",
    text: "wiped HK$75bn off its market value",
    direction: "down",
    amount: 75e9,
    band: [74.5e9, 75.5e9],
    shares: 25e9,
    change: -75e9,
    matches: true,
    ...changes,
  });

  it("shares times the change of the close (25 bn x (27 - 30) = -75 bn): accurate when it matches, inaccurate when not", () => {
    const verdict = writeVerdict(day({ claim: marketValue() }));
    expect(verdict).toMatchObject({ label: "accurate", why: null });
    expect(verdict.text).toBe(
      withClaim(
        'The claim "wiped HK$75bn off its market value" speaks of a change of market value of 75.00 billion; 25,000,000,000 shares times the change of the close (30 to 27) is -75.00 billion, which it matches.',
      ),
    );
    const wrong = writeVerdict(day({ claim: marketValue({ text: "wiped HK$80bn off its market value", amount: 80e9, matches: false }) }));
    expect(wrong.label).toBe("inaccurate");
    expect(wrong.text).toContain(
      'The claim "wiped HK$80bn off its market value" speaks of a change of market value of 80.00 billion; 25,000,000,000 shares times the change of the close (30 to 27) is -75.00 billion, which it does not match.',
    );
  });

  it("without shares outstanding: unverifiable, saying how to give them", () => {
    const verdict = writeVerdict(day({ claim: marketValue({ shares: null, change: null, matches: null }) }));
    expect(verdict).toMatchObject({
      label: "unverifiable",
      why: "no shares outstanding given (pass --shares, or a shares column in the names table)",
    });
    expect(verdict.text).toBe(
      withClaim('The claim "wiped HK$75bn off its market value" speaks of a change of market value of 75.00 billion; without the number of shares outstanding it cannot be checked.'),
    );
  });
});

describe("standing: where a value stands in its cross-section", () => {
  const rank = (value: number, fellMore: number, roseMore: number): Rank => ({ value, rank: fellMore + 1, of: 10, percentile: fellMore / 9, fellMore, roseMore });

  it("a fall counts those that fell more; a rise (or no move) those that rose more", () => {
    expect(standing(rank(-0.1, 0, 9), "fall", "rise")).toBe("the biggest fall");
    expect(standing(rank(-0.05, 2, 7), "fall", "rise")).toBe("the 3rd biggest fall (2 fell more)");
    expect(standing(rank(0.1, 9, 0), "fall", "rise")).toBe("the biggest rise");
    expect(standing(rank(0.02, 8, 1), "fall", "rise")).toBe("the 2nd biggest rise (1 rose more)");
    expect(standing(rank(0, 4, 5), "fall", "rise")).toBe("the 6th biggest rise (5 rose more)");
  });
});

describe("ordinal", () => {
  it("st, nd, rd by the last digit, th for the rest and for 11 to 13 of each hundred", () => {
    const written = [1, 2, 3, 4, 10, 11, 12, 13, 14, 21, 22, 23, 100, 101, 111, 112, 113, 122].map(ordinal);
    expect(written).toEqual(["1st", "2nd", "3rd", "4th", "10th", "11th", "12th", "13th", "14th", "21st", "22nd", "23rd", "100th", "101st", "111th", "112th", "113th", "122nd"]);
  });
});

describe("joinList", () => {
  it("nothing, one item, two joined by 'and', more by commas and a last 'and'", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["a"])).toBe("a");
    expect(joinList(["a", "b"])).toBe("a and b");
    expect(joinList(["a", "b", "c"])).toBe("a, b and c");
  });
});
