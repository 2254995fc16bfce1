export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line (without the line break) of cells in column order: numbers at full precision, empty fields
 * for missing values, RFC 4180 quoting (DESIGN section 8).
 *
 * @example csvLine([1, "x,y", null]) // '1,"x,y",'
 */
export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(field).join(",");
}
