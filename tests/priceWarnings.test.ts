import { describe, expect, it } from "vitest";
import { priceWarningsText } from "../src/reports/priceWarnings.js";
import type { PriceProvenance } from "../src/sources/priceProvenanceSchema.js";

const series = (file: string, lines: number[]): PriceProvenance => ({
  symbol: file.replace(".csv", ""),
  file,
  source: "bundled",
  sha256: "0".repeat(64),
  first: "2020-01-02",
  last: "2021-12-31",
  fillerBarsDropped: [],
  skippedRows: [],
  warnings: lines.map((line) => ({ line, date: `2020-06-${String(line).padStart(2, "0")}`, kind: "ohlc", message: `low above close on line ${line}` })),
});

const TITLE = "Price warnings (rows kept as trading days; --strict makes them errors):";

/** The rows read with a warning (DESIGN section 2): five per file, then a count. */
describe("priceWarningsText", () => {
  it("is null when no series has a warning", () => {
    expect(priceWarningsText([])).toBeNull();
    expect(priceWarningsText([series("a.csv", [])])).toBeNull();
  });

  it("lists each warning with its file, line and date, skipping the files without any", () => {
    expect(priceWarningsText([series("a.csv", []), series("b.csv", [3, 7])])).toBe(
      [TITLE, "  b.csv line 3 (2020-06-03): low above close on line 3", "  b.csv line 7 (2020-06-07): low above close on line 7"].join("\n"),
    );
  });

  it("shows five warnings of a file exactly, with no count", () => {
    expect(priceWarningsText([series("a.csv", [1, 2, 3, 4, 5])])!.split("\n")).toHaveLength(6);
  });

  it("shows the first five warnings of a file and counts the rest", () => {
    const lines = priceWarningsText([series("a.csv", [1, 2, 3, 4, 5, 6, 7]), series("b.csv", [9])])!.split("\n");
    expect(lines).toEqual([
      TITLE,
      ...[1, 2, 3, 4, 5].map((n) => `  a.csv line ${n} (2020-06-0${n}): low above close on line ${n}`),
      "  a.csv: 2 more",
      "  b.csv line 9 (2020-06-09): low above close on line 9",
    ]);
  });
});
