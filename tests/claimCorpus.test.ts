import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import type { VerdictLabel } from "../src/claims/checkSchema.js";
import { dayFacts, monthYear, oneDecimal, priceRows, type Row } from "./helpers/priceTruth.js";

/**
 * A public corpus of claims in the press's styles, on ordinary days as well as extreme ones, whose
 * truth is derived here from the bundled CSVs (plain string splits, no code of src/): the claim's
 * wording is built from the file's numbers, and the expected label from the same numbers.
 */
interface CorpusClaim {
  symbol: string;
  date: string;
  claim: string;
  label: VerdictLabel;
}

const STOCKS: [string, string, string][] = [
  ["1810.HK", "1810.HK", "Xiaomi"],
  ["0981.HK", "0981.HK", "SMIC"],
  ["^HSI", "INDEX_HSI", "The Hang Seng"],
];

/** Sessions spread over each file: ordinary days, plus the Xiaomi listing day of 15 January 2021. */
function sessions(rows: readonly Row[]): number[] {
  const picked = [];
  for (let k = 40; k < rows.length - 2 && picked.length < 6; k += 83) picked.push(k);
  const xiaomiDay = rows.findIndex((row) => row.date === "2021-01-15");
  if (xiaomiDay > 0) picked.push(xiaomiDay);
  return picked;
}

/** "2020-03-16" → "2020-04". */
function nextMonth(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

function corpus(): CorpusClaim[] {
  const claims: CorpusClaim[] = [];
  for (const [symbol, file, name] of STOCKS) {
    const rows = priceRows(file);
    const returns = rows.map((row, k) => (k === 0 ? Number.NaN : row.adj / rows[k - 1]!.adj - 1));
    for (const k of sessions(rows)) {
      const day = dayFacts(rows, k);
      const date = day.date;
      const fell = day.ret < 0;
      const verb = fell ? "fell" : "rose";
      const add = (claim: string, label: VerdictLabel) => claims.push({ symbol, date, claim, label });
      // the close-to-close move, in several wordings
      add(`${name} ${verb} ${oneDecimal(day.ret)}%`, "accurate");
      add(`${name} closed ${oneDecimal(day.ret)} per cent ${fell ? "lower" : "higher"}`, "accurate");
      // the size 5 points too big and the wrong way
      add(`${name} ${fell ? "rose" : "fell"} ${(Math.abs(day.ret * 100) + 5).toFixed(1)}%`, "inaccurate");
      // the intraday extreme ("as much as")
      const extreme = fell ? day.low : day.high;
      if (extreme !== null && Math.sign(extreme) === Math.sign(day.ret)) add(`${name} ${verb} as much as ${oneDecimal(extreme)}%`, "accurate");
      // the close as a price
      const price = symbol === "^HSI" ? day.close.toFixed(2) : `HK$${day.close.toFixed(2)}`;
      add(`${name} closed at ${price}`, "accurate");
      add(`${name} closed at ${symbol === "^HSI" ? (day.close * 1.05).toFixed(2) : `HK$${(day.close + 1).toFixed(2)}`}`, "inaccurate");
      // records over the whole file
      let lastBeyond = -1;
      for (let t = k - 1; t >= 1 && lastBeyond < 0; t--) if (fell ? returns[t]! < day.ret : returns[t]! > day.ret) lastBeyond = t;
      add(`${name}'s ${fell ? "worst" : "best"} day on record`, lastBeyond < 0 ? "accurate" : "inaccurate");
      if (lastBeyond > 0) {
        const noun = fell ? "fall" : "gain";
        add(`${name}'s biggest one-day ${noun} since ${monthYear(rows[lastBeyond]!.date)}`, "accurate");
        const monthAfter = rows[lastBeyond]!.date.slice(0, 7) < date.slice(0, 7) ? nextMonth(rows[lastBeyond]!.date) : null;
        if (monthAfter !== null && monthAfter < date.slice(0, 7)) add(`${name}'s biggest one-day ${noun} since ${monthYear(rows[lastBeyond]!.date, 1)}`, "inaccurate");
      }
      // two sessions from day 0
      const twoDays = rows[k + 1]!.adj / rows[k - 1]!.adj - 1;
      if (Math.abs(twoDays) >= 0.0005) add(`${name} ${twoDays < 0 ? "lost" : "gained"} ${oneDecimal(twoDays)}% over two days`, "accurate");
    }
  }
  return claims;
}

describe("the public claim corpus (truth derived from the bundled CSVs)", () => {
  const claims = corpus();

  it("has at least 80 claims, most of them on ordinary days", () => {
    expect(claims.length).toBeGreaterThanOrEqual(80);
    expect(claims.filter((c) => c.date !== "2021-01-15").length).toBeGreaterThanOrEqual(60);
  });

  it.each(claims.map((c) => [c.label, c.claim, c.symbol, c.date, c] as const))("labels %s: %j (%s on %s)", (_label, _claim, _symbol, _date, c) => {
    const check = checkClaim({ symbol: c.symbol, date: c.date, claim: c.claim, ...(c.symbol === "^HSI" ? { market: "^HSI" } : {}) });
    expect(check.verdict.label, check.verdict.text).toBe(c.label);
  });
});
