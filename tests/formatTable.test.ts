import { describe, expect, it } from "vitest";
import { formatTable } from "../src/reports/table.js";

/** The terminal tables: each column as wide as its widest cell, two spaces between columns, numbers right-aligned. */
describe("formatTable", () => {
  it("pads text columns on the right and numeric columns on the left, under a rule as wide as each column", () => {
    expect(formatTable(["name", "value"], [["a", "1.5"], ["bbb", "-22%"]])).toBe(["name  value", "----  -----", "a       1.5", "bbb    -22%"].join("\n"));
  });

  it("widens a column to its widest cell, not only its header", () => {
    expect(formatTable(["x", "y"], [["longer", "1"], ["s", "12345"]])).toBe(["x           y", "------  -----", "longer      1", "s       12345"].join("\n"));
  });

  it("right-aligns a column only when every cell looks numeric (n/a and empty cells count as numeric)", () => {
    expect(formatTable(["p", "q"], [["0.5", "0.5"], ["n/a", "x"], ["", "1"]])).toBe(["  p  q", "---  ---", "0.5  0.5", "n/a  x", "     1"].join("\n"));
  });

  it("drops the trailing spaces of a row whose last column is text", () => {
    expect(formatTable(["n", "label"], [["1", "a"]])).toBe(["n  label", "-  -----", "1  a"].join("\n"));
  });

  it("has a header and a rule only when there are no rows", () => {
    expect(formatTable(["day", "N"], [])).toBe(["day  N", "---  -"].join("\n"));
  });

  it("counts a row's missing cells as empty when sizing the columns", () => {
    expect(formatTable(["a", "b"], [["1"], ["22", "text"]])).toBe([" a  b", "--  ----", " 1", "22  text"].join("\n"));
  });
});
