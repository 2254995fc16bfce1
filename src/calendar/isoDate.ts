import { z } from "zod";

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 *
 * @example isCalendarDate("2021-02-29") // false
 */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return isCalendarDay(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

/**
 * True when `day` is a day of `month` (1-12) in `year` of the Gregorian calendar.
 *
 * @example isCalendarDay(2020, 2, 29) // true
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= daysInMonth;
}

/** A calendar date `YYYY-MM-DD`, validated by zod. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine(isCalendarDate, "not a calendar date");

/**
 * The calendar date `days` days after `date` (before it for negative `days`).
 *
 * @example addDays("2021-01-14", -365) // "2020-01-15"
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The last calendar day whose sessions have closed everywhere: yesterday in UTC. A session still in
 * progress is never cached, so a cached bar does not change once written.
 */
export function lastCompleteDay(now = new Date()): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}
