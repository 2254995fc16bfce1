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

/** A fraction as a signed percentage for tables: -0.102603 → "-10.26%"; null → "n/a". */
export function pct(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  return `${value > 0 ? "+" : ""}${(value * 100).toFixed(digits)}%`;
}

/** A number for tables with fixed decimals; null → "n/a". */
export function num(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  return value.toFixed(digits);
}

/** A p-value for tables: four decimals, "<0.0001" below that. */
export function pval(p: number): string {
  if (!Number.isFinite(p)) return "n/a";
  return p < 0.0001 ? "<0.0001" : p.toFixed(4);
}
