export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text with a header row and one line per row, numbers at full precision, empty fields for
 * missing values, RFC 4180 quoting (DESIGN section 8).
 *
 * @example toCsv([{ a: 1, b: "x,y" }], ["a", "b"]) // 'a,b\n1,"x,y"\n'
 */
/** One CSV line (without the line break) of cells in column order. */
export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(field).join(",");
}

export function toCsv<Row extends Record<string, CsvValue>>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
  const lines = [csvLine(columns)];
  for (const row of rows) lines.push(csvLine(columns.map((column) => row[column])));
  return `${lines.join("\n")}\n`;
}
