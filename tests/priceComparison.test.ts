import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { comparePrices, priceComparisonText, readRecordedPrices, type RecordedPrices } from "../src/reports/priceComparison.js";
import type { PriceProvenance } from "../src/sources/priceProvenanceSchema.js";
import { thrownInputError } from "./helpers/inputError.js";

const HASH_A = "a".repeat(12) + "1".repeat(52);
const HASH_B = "b".repeat(12) + "2".repeat(52);

const now = (symbol: string, sha256: string): PriceProvenance => ({
  symbol,
  file: `${symbol}.csv`,
  source: "cache",
  sha256,
  first: "2020-01-02",
  last: "2021-06-30",
  fillerBarsDropped: [],
  skippedRows: [],
  warnings: [],
});
const then = (symbol: string, sha256?: string): RecordedPrices => ({ symbol, file: `${symbol}.csv`, first: "2019-01-02", last: "2020-12-31", ...(sha256 === undefined ? {} : { sha256 }) });

function resultFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "event-impact-compare-")), "result.json");
  writeFileSync(file, content);
  return file;
}

describe("comparePrices", () => {
  it("tells same, changed, new, gone and unknown apart, symbols in order", () => {
    const before = [then("E", HASH_A), then("A", HASH_A), then("B", HASH_A), then("D")];
    const after = [now("C", HASH_A), now("A", HASH_A), now("B", HASH_B), now("D", HASH_A)];
    expect(comparePrices(before, after)).toEqual([
      { symbol: "A", status: "same", before: before[1], after: after[1] },
      { symbol: "B", status: "changed", before: before[2], after: after[2] },
      { symbol: "C", status: "new", before: null, after: after[0] },
      { symbol: "D", status: "unknown", before: before[3], after: after[3] },
      { symbol: "E", status: "gone", before: before[0], after: null },
    ]);
  });
});

describe("priceComparisonText", () => {
  it("says all series are identical when every one is the same", () => {
    const text = priceComparisonText(comparePrices([then("A", HASH_A)], [now("A", HASH_A)]), "old.json");
    expect(text).toBe(
      [
        "Price data compared with old.json:",
        "symbol  data  sha256 then   sha256 now    dates then                dates now                 source now",
        "------  ----  ------------  ------------  ------------------------  ------------------------  ----------",
        "A       same  aaaaaaaaaaaa  aaaaaaaaaaaa  2019-01-02 to 2020-12-31  2020-01-02 to 2021-06-30  cache",
        "All 1 price series are identical to those behind old.json.",
      ].join("\n"),
    );
  });

  it("warns with each differing symbol and its status; a series recorded without a hash shows (none)", () => {
    const text = priceComparisonText(comparePrices([then("A", HASH_A), then("B"), then("C", HASH_A)], [now("A", HASH_A), now("B", HASH_B), now("D", HASH_B)]), "old.json");
    const lines = text.split("\n");
    expect(lines[3]).toBe("A       same     aaaaaaaaaaaa  aaaaaaaaaaaa  2019-01-02 to 2020-12-31  2020-01-02 to 2021-06-30  cache");
    expect(lines[4]).toBe("B       unknown  (none)        bbbbbbbbbbbb  2019-01-02 to 2020-12-31  2020-01-02 to 2021-06-30  cache");
    expect(lines[5]).toBe("C       gone     aaaaaaaaaaaa                2019-01-02 to 2020-12-31");
    expect(lines[6]).toBe("D       new                    bbbbbbbbbbbb                            2020-01-02 to 2021-06-30  cache");
    expect(lines[7]).toBe("warning: the price data of 3 of 4 symbol(s) differs from old.json (B: unknown, C: gone, D: new), so results may differ.");
  });
});

describe("readRecordedPrices", () => {
  it("reads the prices of an earlier result, with or without hashes", () => {
    const prices = [then("A", HASH_A), then("B")];
    expect(readRecordedPrices(resultFile(JSON.stringify({ name: "x", prices })))).toEqual(prices);
  });

  it("names a missing file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "event-impact-compare-")), "no-such-dir", "result.json");
    const error = thrownInputError(() => readRecordedPrices(file));
    expect([error.code, error.message]).toEqual(["missing-file", `cannot read the result to compare with, ${file}: no such file`]);
  });

  it("says a file that is not JSON cannot be read, with the parser's reason", () => {
    const file = resultFile("{not json");
    expect(() => readRecordedPrices(file)).toThrow(`cannot read the result to compare with, ${file}: `);
    expect(() => readRecordedPrices(file)).not.toThrow("no such file");
  });

  it("names the file and the field of a result without valid prices", () => {
    const file = resultFile(JSON.stringify({ prices: [{ symbol: "A", file: "A.csv", first: "2020-01-02" }] }));
    const error = thrownInputError(() => readRecordedPrices(file));
    expect([error.code, error.file]).toEqual(["invalid-file", file]);
    expect(error.message).toContain(`${file}: prices.0.last`);
  });
});
