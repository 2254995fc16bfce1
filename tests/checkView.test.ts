import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import { checkView } from "../src/reports/checkView.js";

/** The check view's words for each kind of claim and for none: the question, the label and the method's claim fact. */
describe("checkView on 1810.HK, 2021-01-15, for each kind of claim", () => {
  const view = (claim?: string) => checkView(checkClaim({ symbol: "1810.HK", date: "2021-01-15", ...(claim === undefined ? {} : { claim }) }));
  const claimFact = (v: ReturnType<typeof view>) => new Map(v.method).get("claim");

  it("without a claim: asks how unusual the day was, with no label", () => {
    const v = view();
    expect(v.question).toBe("How unusual was 1810.HK's move on 2021-01-15?");
    expect(v.label).toBeNull();
    expect(claimFact(v)).toBe("none given");
    expect(v.method.map(([name]) => name)).toEqual(["day", "claim", "abnormal return", "z-score and percentile", "unusual", "labels"]);
  });

  it("a move without a direction: asks whether it moved, and gives the band the claim matches within", () => {
    const v = view("moved 10%");
    expect(v.question).toBe("Claim: “moved 10%”. Did 1810.HK move 10% on 2021-01-15?");
    expect(claimFact(v)).toBe(
      "the claim's size is the claimed move; it matches a measure within its own rounding (moves of 9.50% up to 10.50%); the low is compared with falls and the high with rises",
    );
  });

  it("an open-ended move: 'or more' instead of an upper bound", () => {
    expect(claimFact(view("fell more than 10%"))).toMatch(/\(moves of 10\.00% or more\)/);
  });

  it("a record, a price and a market-value claim: the question names the claim, the method its kind", () => {
    const record = view("its worst day on record");
    expect(record.question).toBe("Claim: “its worst day on record”. Does it hold for 1810.HK on 2021-01-15?");
    expect(claimFact(record)).toBe("a record claim: day 0 against every earlier session on file, close to close and intraday separately");
    expect(claimFact(view("closed at HK$29.30"))).toBe("a price claim: against the day's raw prices on file, within the claim's own rounding");
    expect(claimFact(view("wiped HK$80bn off its market value"))).toBe("a market-value claim: shares outstanding times the change of the raw close");
  });

  it("marks the rows the claim matches, and only those", () => {
    expect(view("fell as much as 14%").rows.filter((row) => row.matches).map((row) => row.key)).toEqual(["intradayLow"]);
    expect(view("its worst day on record").rows.some((row) => row.matches)).toBe(false);
  });

  it("the labels in words", () => {
    expect(view("plummeted 14%").label).toEqual({ kind: "accurate-for-measure-only", text: "accurate for the intraday low only" });
    expect(view("rose 14%").label).toEqual({ kind: "inaccurate", text: "inaccurate" });
  });
});

describe("checkView of a check without inference (0981.HK on 2020-03-02: too few estimation days)", () => {
  it("has no inference line and no abnormal-return fact in the method", () => {
    const v = checkView(checkClaim({ symbol: "0981.HK", date: "2020-03-02" }));
    expect(v.inference).toBeNull();
    expect(v.method.map(([name]) => name)).toEqual(["day", "claim", "z-score and percentile", "unusual", "labels"]);
    expect(new Map(v.rows.map((row) => [row.key, row.value])).get("abnormalReturn")).toBe("n/a");
  });
});
