import { describe, expect, it } from "vitest";
import { csvLine } from "../src/reports/csv.js";

/** One CSV line, RFC 4180 (DESIGN section 8): full-precision numbers, empty fields for missing values, quoting only where needed. */
describe("csvLine", () => {
  it("writes numbers at full precision, booleans as words and text as it is", () => {
    expect(csvLine([0.1 + 0.2, -1.5e-7, 42, true, false, "1810.HK"])).toBe("0.30000000000000004,-1.5e-7,42,true,false,1810.HK");
  });

  it("leaves a field empty for null, undefined and NaN, but writes the infinities", () => {
    expect(csvLine([null, undefined, Number.NaN, Infinity, -Infinity, 0])).toBe(",,,Infinity,-Infinity,0");
  });

  it("quotes a field with a comma, a line break or a quote, doubling the quotes", () => {
    expect(csvLine(["x,y", "two\nlines", "cr\rhere", 'say "hi"', "plain"])).toBe('"x,y","two\nlines","cr\rhere","say ""hi""",plain');
  });

  it("is the doc comment's example", () => {
    expect(csvLine([1, "x,y", null])).toBe('1,"x,y",');
  });
});
