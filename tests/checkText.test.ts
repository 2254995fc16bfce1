import { describe, expect, it } from "vitest";
import type { ClaimCheck, TextCheck } from "../src/claims/checkSchema.js";
import { checkClaim } from "../src/claims/checkClaim.js";
import { checkText, paragraphText, universeText } from "../src/reports/checkText.js";
import { HAND_UNIVERSE, priceFileWithWarnings } from "./helpers/handUniverse.js";

/**
 * The terminal rendering of a claim check, from the bundled Xiaomi prices: on 2021-01-15 1810.HK closed at 29.30
 * after 32.65 (-10.26%), opened at 29.00 (-11.18%), traded between 28.20 (-13.63%) and 30.50 (-6.58%).
 */
const xiaomi = (claim?: string): ClaimCheck => checkClaim({ symbol: "1810.HK", date: "2021-01-15", ...(claim === undefined ? {} : { claim }) });
/** One line of the output, its cells separated by runs of spaces. */
const line = (...cells: string[]) => new RegExp(`^${cells.map((cell) => cell.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+")}$`, "m");

describe("checkText", () => {
  it("starts with the label, then the headline, the caption and the measures table", () => {
    const lines = checkText(xiaomi("plummeted 14%")).split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "Verdict: accurate for the intraday low only",
      "On 2021-01-15, 1810.HK closed at 29.3, down 10.26% from the previous close of 32.65 (2021-01-14), close to close.",
      "",
      "1810.HK on 2021-01-15 against the previous session 2021-01-14; market ^HSI",
      "",
    ]);
    expect(lines[5]).toMatch(/^measure\s+value$/);
  });

  it("marks the matching measure, explains the percentile, and leaves the other rows bare", () => {
    const text = checkText(xiaomi("plummeted 14%"));
    expect(text).toMatch(line("intraday low", "-13.63%", "<- matches claim"));
    expect(text).toMatch(line("close-to-close", "-10.26%"));
    expect(text).toMatch(line("open gap", "-11.18%"));
    expect(text).toMatch(line("intraday high", "-6.58%"));
    expect(text).toMatch(line("percentile", "0.0%", "share of the 631 other days on file with a lower return"));
  });

  it("has no label line without a claim, and ends with the verdict after a blank line", () => {
    const check = xiaomi();
    const lines = checkText(check).split("\n");
    expect(lines[0]).toBe(check.verdict.headline);
    expect(lines.slice(-2)).toEqual(["", "It opened down 11.18% and traded between 28.2 (-13.63%) and 30.5 (-6.58%). The Hang Seng Index (^HSI) rose 0.27% that day; the market-model abnormal return was -11.11% (t = -3.67, p = 0.0003, 238 df), a highly unusual move. The SQ test, which does not assume normal tails, gives p = 0.0083, the smallest p it can give (the abnormal return lies below every one of the stock's 240 estimation-window abnormal returns), agreeing with the t-test at 5%. No other day among the 631 on file had a lower close-to-close return."]);
  });

  it("puts the inference after the table, set off by blank lines", () => {
    const text = checkText(xiaomi());
    expect(text).toMatch(/share of the 631 other days on file with a lower return\n\nabnormal return: market model on \[-250, -11\] \(240 days, 2020-01-13 to 2020-12-30\): t = -3\.67, .*\(Campbell & Wasley 1996\)\n\nIt opened/);
  });

  it("without an inference, lists the notes right after the table", () => {
    const check = checkClaim({ symbol: "0981.HK", date: "2020-03-02" });
    const text = checkText(check);
    expect(text).not.toContain("abnormal return: ");
    expect(text).toContain(
      "share of the 493 other days on file with a lower return\nnote: no abnormal return or z-score: 0981.HK: only 29 estimation observations in [-250, -11] before day 0 2020-03-02 (prices start 2020-01-02); at least 100 needed\n\nIt opened down 0.66%",
    );
  });

  it("adds the universe ranking and the price warnings, each after a blank line, before the verdict", () => {
    const check = { ...xiaomi(), universe: HAND_UNIVERSE, sources: [priceFileWithWarnings("1810.HK.csv", 1)] };
    const text = checkText(check);
    expect(text).toContain(
      "(Campbell & Wasley 1996)\n\nRanked among 83 stocks of hk-universe on 2021-01-15:\n",
    );
    expect(text).toContain(
      "\n\nPrice warnings (rows kept as trading days; --strict makes them errors):\n  1810.HK.csv line 10 (2020-06-01): low above close\n\nIt opened down 11.18%",
    );
  });
});

describe("universeText", () => {
  it("gives the firm's ranks by return and abnormal return, and the day's biggest movers", () => {
    const text = universeText(HAND_UNIVERSE);
    const [title, ranks, movers] = text.split(/\n(?=\s*value|biggest movers)/);
    expect(title).toBe("Ranked among 83 stocks of hk-universe on 2021-01-15:");
    expect(ranks).toMatch(line("", "value", "rank (1 = lowest)", "fell more", "rose more"));
    expect(ranks).toMatch(line("return", "-10.26%", "1 of 83", "0", "82"));
    expect(ranks).toMatch(line("abnormal return", "-11.11%", "2 of 80", "1", "78"));
    expect(ranks!.endsWith("\n")).toBe(true);
    expect(movers).toMatch(line("biggest movers", "name", "return", "abnormal"));
    expect(movers).toMatch(line("1810.HK", "Xiaomi", "-10.26%", "-11.11%"));
    expect(movers).toMatch(line("0700.HK", "+5.12%", "n/a"));
  });

  it("writes n/a and empty cells for a firm without an abnormal return", () => {
    expect(universeText({ ...HAND_UNIVERSE, ar: null })).toMatch(/^abnormal return\s+n\/a$/m);
  });
});

describe("paragraphText", () => {
  const check = xiaomi("plummeted 14%");
  const paragraph: TextCheck = {
    schemaVersion: check.schemaVersion,
    date: "2021-01-15",
    claims: [
      { sentence: "Xiaomi plummeted 14% on Friday.", claim: "plummeted 14%", kind: "move", symbol: "1810.HK", date: "2021-01-15", label: "accurate-for-measure-only", why: null, check },
      { sentence: "Acme soared 20%.", claim: "soared 20%", kind: "move", symbol: null, date: null, label: "unverifiable", why: "no company named", check: null },
    ],
  };

  it("numbers each claim with its label, the claim, symbol and date, the sentence and the check's headline", () => {
    expect(paragraphText(paragraph)).toBe(
      [
        "1. accurate for the intraday low only",
        '   claim: "plummeted 14%" (1810.HK, 2021-01-15)',
        "   sentence: Xiaomi plummeted 14% on Friday.",
        "   On 2021-01-15, 1810.HK closed at 29.3, down 10.26% from the previous close of 32.65 (2021-01-14), close to close.",
        "",
        "2. unverifiable: no company named",
        '   claim: "soared 20%" (no symbol, no date)',
        "   sentence: Acme soared 20%.",
      ].join("\n"),
    );
  });

  it("says so when the text has no claim", () => {
    expect(paragraphText({ ...paragraph, claims: [] })).toBe("No market-move claim found in the text.");
  });
});
