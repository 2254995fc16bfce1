import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./cli.js";

/** One row of a bundled price file, read with plain string splits (independent of src/sources). */
export interface Row {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adj: number;
  volume: number;
}

/** The rows of `data/prices/<file>.csv`. */
export function priceRows(file: string): Row[] {
  return readFileSync(join(repoRoot, "data/prices", `${file}.csv`), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [date, open, high, low, close, adj, volume] = line.split(",");
      return { date: date!, open: Number(open), high: Number(high), low: Number(low), close: Number(close), adj: Number(adj), volume: Number(volume) };
    });
}

/** The facts of session k: close-to-close (adjusted), open gap, intraday low and high against the previous raw close. */
export function dayFacts(rows: readonly Row[], k: number) {
  const day = rows[k]!;
  const previous = rows[k - 1]!;
  const flat = day.volume === 0 && day.open === day.high && day.high === day.low && day.low === day.close;
  return {
    date: day.date,
    close: day.close,
    ret: day.adj / previous.adj - 1,
    openGap: flat ? null : day.open / previous.close - 1,
    low: flat ? null : day.low / previous.close - 1,
    high: flat ? null : day.high / previous.close - 1,
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2021-01-15" → "15 January 2021". */
export function longDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** "2020-03-16" → "March 2020"; with `monthsLater`, that many months on. */
export function monthYear(date: string, monthsLater = 0): string {
  const [y, m] = date.split("-").map(Number);
  const index = y! * 12 + (m! - 1) + monthsLater;
  return `${MONTHS[index % 12]} ${Math.floor(index / 12)}`;
}

/** A size in per cent with one decimal: -0.10263 → "10.3". */
export function oneDecimal(fraction: number): string {
  return Math.abs(fraction * 100).toFixed(1);
}
