import { z } from "zod";

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 *
 * @example isCalendarDate("2021-02-29") // false
 */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

/** A calendar date `YYYY-MM-DD`, validated by zod. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine(isCalendarDate, "not a calendar date");
