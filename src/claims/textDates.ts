import type { Token } from "./claimText.js";
import { MONTHS } from "./vocabulary.js";

/** A span of calendar days named in a text: "15 January 2021" is one day, "March 2020" a month, "2018" a year. */
export interface DatePeriod {
  start: string;
  end: string;
  /** Tokens the date took. */
  length: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isYear = (t: Token | undefined) => t?.kind === "number" && t.decimals === 0 && t.value >= 1900 && t.value <= 2100 && !t.text.includes(",");
const isDay = (t: Token | undefined, y: number, m: number) => t?.kind === "number" && t.decimals === 0 && t.value >= 1 && t.value <= lastDay(y, m);
const monthOf = (t: Token | undefined) => (t?.kind === "word" ? MONTHS.get(t.text) : undefined);

/**
 * The date starting at token `i`, if one does: "2021-01-15", "15 January 2021", "January 15, 2021",
 * "Jan. 15 2021", "March 2020", "2018" (years 1900-2100). `year` completes a day and month given
 * without one ("15 January", "January 15").
 *
 * @example datePeriodAt(tokenize("since March 2020"), 1) // { start: "2020-03-01", end: "2020-03-31", length: 2 }
 */
export function datePeriodAt(tokens: readonly Token[], i: number, year?: number): DatePeriod | null {
  const t = tokens[i];
  if (t === undefined) return null;
  // 2021-01-15
  if (isYear(t) && tokens[i + 1]?.text === "-" && tokens[i + 2]?.kind === "number" && tokens[i + 3]?.text === "-") {
    const m = tokens[i + 2]!.value;
    if (m >= 1 && m <= 12 && isDay(tokens[i + 4], t.value, m)) {
      const day = iso(t.value, m, tokens[i + 4]!.value);
      return { start: day, end: day, length: 5 };
    }
  }
  if (isYear(t)) return { start: iso(t.value, 1, 1), end: iso(t.value, 12, 31), length: 1 };
  // 15 January 2021
  const monthAfterDay = monthOf(tokens[i + 1]);
  if (t.kind === "number" && monthAfterDay !== undefined) {
    const dot = tokens[i + 2]?.text === "." ? 1 : 0;
    const y = isYear(tokens[i + 2 + dot]) ? tokens[i + 2 + dot]!.value : year;
    if (y !== undefined && isDay(t, y, monthAfterDay)) {
      const day = iso(y, monthAfterDay, t.value);
      return { start: day, end: day, length: y === year && !isYear(tokens[i + 2 + dot]) ? 2 : 3 + dot };
    }
  }
  const month = monthOf(t);
  if (month === undefined) return null;
  let j = i + 1;
  if (tokens[j]?.text === ".") j++;
  // January 15, 2021 / January 15
  if (tokens[j]?.kind === "number" && !isYear(tokens[j])) {
    const comma = tokens[j + 1]?.text === "," ? 1 : 0;
    const y = isYear(tokens[j + 1 + comma]) ? tokens[j + 1 + comma]!.value : year;
    if (y !== undefined && isDay(tokens[j], y, month)) {
      const day = iso(y, month, tokens[j]!.value);
      return { start: day, end: day, length: isYear(tokens[j + 1 + comma]) ? j + 2 + comma - i : j + 1 - i };
    }
    return null;
  }
  // March 2020
  if (isYear(tokens[j])) {
    const y = tokens[j]!.value;
    return { start: iso(y, month, 1), end: iso(y, month, lastDay(y, month)), length: j + 1 - i };
  }
  return null;
}

/** The date `years` years before `date` (29 February falls back to 28 February). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return iso(y - years, m, Math.min(d, lastDay(y - years, m)));
}
