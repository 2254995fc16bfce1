import { readInputFile } from "./localFiles.js";
import { z } from "zod";
import { isCalendarDay } from "../calendar/isoDate.js";
import { InputError } from "../errors.js";
import type { FactorTable } from "../models/factorModel.js";


/** The largest factor file read (the Data Library's daily files are about 1 MB). */
export const MAX_FACTOR_FILE_BYTES = 64 * 1024 * 1024;
const MAX_ECHO = 80;

/** Values the Data Library writes for a missing observation. */
const MISSING = new Set([-99.99, -999]);

/** The momentum factor is `Mom` in the Data Library's daily file and `UMD` in some copies; both read as `Mom`. */
const COLUMN_ALIASES = new Map([
  ["mom", "Mom"],
  ["umd", "Mom"],
]);

const headerSchema = z
  .array(z.string().min(1, "a factor column without a name"))
  .min(1, "no factor column after the date column")
  .refine((names) => new Set(names).size === names.length, "a factor column is named twice");

function echo(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO)}... (${text.length} characters)`;
}

function cellsOf(line: string): string[] {
  return line.split(",").map((cell) => cell.trim());
}

function columnName(cell: string): string {
  return COLUMN_ALIASES.get(cell.toLowerCase()) ?? cell;
}

/**
 * Reads a Kenneth R. French Data Library daily file (e.g. `F-F_Research_Data_Factors_daily.CSV`): free-text
 * preamble lines, a header whose first cell is empty or `Date` (`,Mkt-RF,SMB,HML,RF`), then one row per day,
 * `YYYYMMDD` and values in percent. The daily block ends at the first blank line or line without a comma (the
 * copyright footer, an annual block's title); whatever follows is not read. A row with a missing value
 * (`-99.99` or `-999`) is left out. Within the block every row must be a calendar date after the previous one
 * with a number per column; anything else is an `invalid-file` error naming the file and line.
 *
 * Reference: Kenneth R. French Data Library, "Fama/French 3 Factors [Daily]" and companion files
 * (https://mba.tuck.dartmouth.edu/pages/faculty/ken.french/data_library.html).
 *
 * @example parseFactorFile("Preamble\n\n,Mkt-RF,RF\n20200102, 1.25, 0.01\n", "f.csv") // dates ["2020-01-02"], Mkt-RF [0.0125], RF [0.0001]
 */
export function parseFactorFile(text: string, file: string): FactorTable {
  const fail = (line: number, message: string) => new InputError("invalid-file", `${file}, line ${line}: ${message}`, { file, line });
  const lines = text.split(/\r?\n/);
  let row = 0;
  let header: string[] | undefined;
  for (; row < lines.length; row++) {
    const cells = cellsOf(lines[row]!);
    if (cells.length > 1 && (cells[0] === "" || cells[0]!.toLowerCase() === "date")) {
      const parsed = headerSchema.safeParse(cells.slice(1).map(columnName));
      if (!parsed.success) throw fail(row + 1, `${parsed.error.issues[0]!.message} in the header "${echo(lines[row]!)}"`);
      header = parsed.data;
      break;
    }
  }
  if (header === undefined) throw new InputError("invalid-file", `${file}: no header line such as ",Mkt-RF,SMB,HML,RF" (a Kenneth French daily factor file)`, { file });
  const names = header;

  const dates: string[] = [];
  const values = names.map(() => [] as number[]);
  let previous = "";
  for (row++; row < lines.length; row++) {
    const line = lines[row]!;
    if (line.trim() === "" || !line.includes(",")) break;
    const cells = cellsOf(line);
    const day = cells[0]!;
    if (!/^\d{8}$/.test(day)) throw fail(row + 1, `expected a daily date YYYYMMDD, found "${echo(day)}" (a monthly or annual file?)`);
    const date = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
    if (!isCalendarDay(Number(day.slice(0, 4)), Number(day.slice(4, 6)), Number(day.slice(6, 8)))) throw fail(row + 1, `${day} is not a calendar date`);
    if (date <= previous) throw fail(row + 1, `${day} is not after the previous row's date; rows must be in ascending date order without repeats`);
    previous = date;
    if (cells.length !== names.length + 1) throw fail(row + 1, `${cells.length - 1} values for ${names.length} columns (${names.join(", ")})`);
    let missing = false;
    const parsed = cells.slice(1).map((cell, j) => {
      const value = cell === "" ? Number.NaN : Number(cell);
      if (!Number.isFinite(value)) throw fail(row + 1, `${names[j]} is "${echo(cell)}", not a number`);
      if (MISSING.has(value)) missing = true;
      return value / 100;
    });
    if (missing) continue;
    dates.push(date);
    parsed.forEach((value, j) => values[j]!.push(value));
  }
  if (dates.length === 0) throw new InputError("invalid-file", `${file}: no daily rows after the header`, { file });
  return { dates, columns: new Map(names.map((name, j) => [name, Float64Array.from(values[j]!)])) };
}

/** Reads one factor file (see `parseFactorFile`) with `readInputFile`: a `missing-file` error when it cannot be read. */
export function readFactorFile(path: string): FactorTable {
  const text = readInputFile(path, {
    bytes: MAX_FACTOR_FILE_BYTES,
    error: (size) => new InputError("invalid-file", `${path}: ${size.toLocaleString("en-US")} bytes, more than the ${MAX_FACTOR_FILE_BYTES.toLocaleString("en-US")} a factor file may have`, { file: path }),
  });
  return parseFactorFile(text, path);
}

/**
 * Several factor tables inner-joined on date: the dates all of them have, each column (RF included) taken
 * from the first table that names it (DESIGN section 9).
 */
export function joinFactorTables(tables: readonly FactorTable[]): FactorTable {
  const indexes = tables.map((table) => new Map(table.dates.map((date, i) => [date, i])));
  const dates = tables[0]!.dates.filter((date) => indexes.every((index) => index.has(date)));
  const columns = new Map<string, Float64Array>();
  tables.forEach((table, f) => {
    for (const [name, column] of table.columns) {
      if (!columns.has(name)) columns.set(name, Float64Array.from(dates, (date) => column[indexes[f]!.get(date)!]!));
    }
  });
  return { dates, columns };
}

/** Reads factor files and joins them on date (see `joinFactorTables`); an error when no date is in all of them. */
export function readFactorFiles(paths: readonly string[]): FactorTable {
  const joined = joinFactorTables(paths.map(readFactorFile));
  if (joined.dates.length === 0) throw new InputError("invalid-file", `the factor files ${paths.join(", ")} have no date in common`, { file: paths[0] });
  return joined;
}
