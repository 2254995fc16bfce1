import { describe, expect, it } from "vitest";
import type { RecordClaim } from "../src/claims/checkSchema.js";
import { recordFindings } from "../src/claims/records.js";
import type { PriceBar } from "../src/sources/priceBar.js";

/**
 * recordFindings (README, "Record claims") on short hand-made files: every expected value below is the arithmetic
 * of the bars written next to it (closes and lows chosen so that most returns are exact binary fractions), never
 * the function's own output.
 */

/** A session whose open, high and low equal its close unless given, adjusted close = close unless given. */
function bar(date: string, close: number, fields: Partial<Omit<PriceBar, "date" | "close">> = {}): PriceBar {
  return { date, open: close, high: close, low: close, close, adjClose: close, volume: 1000, ...fields };
}

const onRecord = { since: null } as const;
const since = (end: string): RecordClaim["since"] => ({ start: end, end, text: end });

describe("a move record compares day 0's move with every earlier session's", () => {
  // close-to-close: -50%, +20%, -25%, +11%, then day 0: -20% on the close and 35/50 - 1 = -30% at its low
  const falls = [
    bar("2021-03-01", 100),
    bar("2021-03-02", 50),
    bar("2021-03-03", 60),
    bar("2021-03-04", 45),
    bar("2021-03-05", 50),
    bar("2021-03-08", 40, { low: 35 }),
  ];

  it("reports the last earlier session with a bigger fall, on each basis", () => {
    const [close, intraday] = recordFindings(falls, 5, { direction: "down", extreme: "move", ...onRecord });
    expect(close).toMatchObject({ basis: "close", lastBeyond: { date: "2021-03-04", value: -0.25 }, holds: false });
    expect(close!.value).toBeCloseTo(-0.2, 15);
    // intraday: the lows equal the closes before day 0, so only the -50% of 2 March is beyond -30%
    expect(intraday).toMatchObject({ basis: "intraday", lastBeyond: { date: "2021-03-02", value: -0.5 }, holds: false });
    expect(intraday!.value).toBeCloseTo(-0.3, 15);
  });

  it("holds when the last bigger fall lies within or before the period the claim reaches back to", () => {
    const holdsSince = (end: string) => recordFindings(falls, 5, { direction: "down", extreme: "move", since: since(end) })[0]!.holds;
    expect(holdsSince("2021-03-04")).toBe(true);
    expect(holdsSince("2021-03-05")).toBe(true);
    expect(holdsSince("2021-03-03")).toBe(false);
  });

  it("does not count an equal move as bigger", () => {
    // -25% on 2 March and again on day 0 (75/100 and 60/80 are both exactly 0.75)
    const ties = [bar("2021-03-01", 100), bar("2021-03-02", 75), bar("2021-03-03", 80), bar("2021-03-04", 60)];
    const findings = recordFindings(ties, 3, { direction: "down", extreme: "move", ...onRecord });
    expect(findings).toEqual([
      { basis: "close", value: -0.25, lastBeyond: null, holds: true },
      { basis: "intraday", value: -0.25, lastBeyond: null, holds: true },
    ]);
  });

  it("judges a rise by the highs, and an equal rise is not bigger", () => {
    // +25% (high +50%), -20%, then day 0: +25% again on the close, high 140/100 - 1 = +40%
    const rises = [bar("2021-03-01", 100), bar("2021-03-02", 125, { high: 150 }), bar("2021-03-03", 100), bar("2021-03-04", 125, { high: 140 })];
    const [close, intraday] = recordFindings(rises, 3, { direction: "up", extreme: "move", ...onRecord });
    expect(close).toEqual({ basis: "close", value: 0.25, lastBeyond: null, holds: true });
    expect(intraday).toMatchObject({ basis: "intraday", lastBeyond: { date: "2021-03-02", value: 0.5 }, holds: false });
    expect(intraday!.value).toBeCloseTo(0.4, 15);
  });

  it("has no move on the file's first session, and none at the low of a day whose OHLC is inconsistent", () => {
    const noPrevious = recordFindings(falls, 0, { direction: "down", extreme: "move", ...onRecord });
    expect(noPrevious).toEqual([
      { basis: "close", value: null, lastBeyond: null, holds: null },
      { basis: "intraday", value: null, lastBeyond: null, holds: null },
    ]);
    // day 0's low 45 is above its close 40: its intraday fields are unusable (DESIGN section 2), its close is not
    const inconsistent = [...falls.slice(0, 5), bar("2021-03-08", 40, { low: 45, open: 46, high: 47 })];
    const [close, intraday] = recordFindings(inconsistent, 5, { direction: "down", extreme: "move", ...onRecord });
    expect(close!.lastBeyond).toEqual({ date: "2021-03-04", value: -0.25 });
    expect(intraday).toEqual({ basis: "intraday", value: null, lastBeyond: null, holds: null });
  });
});

describe("a level record compares day 0's close, or its adjusted low or high, with every earlier session's", () => {
  // adjustment factor adjClose / close = 1/2 throughout: the adjusted lows are 30, 38, (none), 35
  const levels = [
    bar("2021-03-01", 100, { adjClose: 50, low: 60, open: 100, high: 100 }),
    bar("2021-03-02", 80, { adjClose: 40, low: 76 }),
    // high 100 below the close 120: inconsistent, so its low of 20 (adjusted 10) is not a level
    bar("2021-03-03", 120, { adjClose: 60, low: 20, high: 100 }),
    bar("2021-03-04", 90, { adjClose: 45, low: 70 }),
  ];

  it("finds the last lower adjusted close, and the last lower adjusted low (the file's first session included)", () => {
    expect(recordFindings(levels, 3, { direction: "down", extreme: "close", ...onRecord })).toEqual([
      { basis: "close", value: 45, lastBeyond: { date: "2021-03-02", value: 40 }, holds: false },
      { basis: "intraday", value: 35, lastBeyond: { date: "2021-03-01", value: 30 }, holds: false },
    ]);
  });

  it("finds the last higher adjusted close and adjusted high", () => {
    const highs = [bar("2021-03-01", 100, { adjClose: 50, high: 130 }), bar("2021-03-02", 110, { adjClose: 55, high: 112 }), bar("2021-03-03", 104, { adjClose: 52, high: 120 })];
    expect(recordFindings(highs, 2, { direction: "up", extreme: "close", ...onRecord })).toEqual([
      { basis: "close", value: 52, lastBeyond: { date: "2021-03-02", value: 55 }, holds: false },
      { basis: "intraday", value: 60, lastBeyond: { date: "2021-03-01", value: 65 }, holds: false },
    ]);
  });

  it("has no intraday level on a day whose OHLC is inconsistent", () => {
    expect(recordFindings(levels, 2, { direction: "down", extreme: "close", ...onRecord })[1]).toEqual({ basis: "intraday", value: null, lastBeyond: null, holds: null });
  });
});

describe("a record with nothing beyond it on file", () => {
  // day 0 (4 March) has the lowest close: nothing earlier is beyond it on either basis
  const lowest = [bar("2021-03-01", 100), bar("2021-03-02", 90), bar("2021-03-03", 95), bar("2021-03-04", 80)];
  const holdsSince = (end: string) => recordFindings(lowest, 3, { direction: "down", extreme: "close", since: since(end) }).map((finding) => finding.holds);

  it("holds when the file reaches back to the end of the claimed period", () => {
    expect(holdsSince("2021-03-01")).toEqual([true, true]);
    expect(holdsSince("2021-03-02")).toEqual([true, true]);
  });

  it("cannot say when the file begins after that period", () => {
    expect(holdsSince("2021-02-26")).toEqual([null, null]);
  });
});
