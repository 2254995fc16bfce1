/**
 * A plain-text table: a header row, a rule, and the rows, each column padded to its widest cell;
 * columns whose cells all look numeric are right-aligned.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, c) => rows.reduce((widest, row) => Math.max(widest, (row[c] ?? "").length), title.length));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((row) => /^[-+]?[\d.,%<]*\d[\d.,%]*$|^$|^n\/a$/.test(row[c] ?? "")));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export { num, pct, pval } from "../format.js";
