import { describe, expect, it } from "vitest";
import { dayZeroComparisonText } from "../src/reports/peerComparison.js";
import type { CatalogEvent } from "../src/sources/catalog.js";
import type { StudyResult } from "../src/study/runStudy.js";

/** An event of a study result with only the fields the comparison reads. */
function event(catalogId: string, symbol: string, ar0: number | null, windows: [number, number, number][]) {
  return {
    catalogId,
    symbol,
    market: "^HSI",
    day0: "2021-01-15",
    abnormalReturns: [{ offset: -1, ar: 0.5 }, ...(ar0 === null ? [] : [{ offset: 0, ar: ar0 }]), { offset: 1, ar: -0.5 }],
    windows: windows.map(([start, end, t]) => ({ start, end, t })),
  };
}

/** A table row's cells (columns are separated by at least two spaces). */
const cells = (line: string) => line.trim().split(/\s{2,}/);

const catalogRow = (id: string, symbol: string, company: string) => ({ id, symbol, company }) as CatalogEvent;

describe("dayZeroComparisonText on a hand-made study", () => {
  it("ranks by the day-0 abnormal return, reads t from the [0, 0] window wherever it is, and cuts long names to 40 characters", () => {
    const result = {
      events: [
        event("E1", "AAA", 0.02, [
          [-1, 1, 9],
          [0, 1, 8],
          [0, 0, 1.5],
        ]),
        event("E2", "BBB", -0.03, [
          [-1, 0, 7],
          [0, 0, -2.25],
        ]),
        event("E3", "CCC", -0.01, [[-1, 1, 4]]),
      ],
    } as unknown as StudyResult;
    const longName = "An Exceptionally Long Company Name Holdings Limited"; // 51 characters
    const catalog = [catalogRow("E1", "AAA", "Alpha"), catalogRow("E2", "BBB", longName), catalogRow("E3", "CCC", "Exactly Forty Characters Long Company Co")];
    const lines = dayZeroComparisonText(result, "CCC", catalog).split("\n");
    expect(cells(lines[2]!)).toEqual(["1", "E2", "BBB", "An Exceptionally Long Company Name Ho...", "^HSI", "2021-01-15", "-3.00%", "-2.25"]);
    expect(cells(lines[3]!)).toEqual(["2", "E3", "CCC", "Exactly Forty Characters Long Company Co", "^HSI", "2021-01-15", "-1.00%", "n/a", "<- CCC"]);
    expect(cells(lines[4]!)).toEqual(["3", "E1", "AAA", "Alpha", "^HSI", "2021-01-15", "+2.00%", "1.50"]);
    expect(lines.at(-1)).toBe("CCC's events rank 2 of 3 by day-0 abnormal return (1 = the largest fall).");
  });

  it("writes n/a for an event without a day-0 abnormal return and names a symbol that is not in the study", () => {
    const result = { events: [event("E1", "AAA", null, [[0, 0, 1]])] } as unknown as StudyResult;
    const lines = dayZeroComparisonText(result, "ZZZ", []).split("\n");
    expect(cells(lines[2]!)).toEqual(["1", "E1", "AAA", "^HSI", "2021-01-15", "n/a", "1.00"]);
    expect(lines.at(-1)).toBe("ZZZ is not among the 1 events studied.");
  });
});
