import { exchangeOf } from "./exchanges.js";
import { zonedInstant } from "./zonedTime.js";

/** When an event became public: a calendar date and, optionally, a time of day in a time zone. */
export interface Announcement {
  date: string;
  time?: string | undefined;
  timezone?: string | undefined;
}

/**
 * The index of day 0 in a symbol's trading dates (ascending `YYYY-MM-DD`), or -1 when the data ends before it.
 *
 * Day 0 is the first trading day whose session closes after the announcement instant (DESIGN section 3;
 * MacKinlay 1997, section 3). Without a time it is the first trading day on or after the date. A time
 * without a zone is read in the exchange's own zone.
 *
 * @example
 * // DoD list, 14 Jan 2021 15:50 New York = 15 Jan 04:50 Hong Kong, after the 14 Jan HK close
 * eventDayIndex(["2021-01-14", "2021-01-15"], "1810.HK", { date: "2021-01-14", time: "15:50", timezone: "America/New_York" }) // 1
 */
export function eventDayIndex(tradingDates: readonly string[], symbol: string, announcement: Announcement): number {
  if (announcement.time === undefined) return firstOnOrAfter(tradingDates, announcement.date);
  const exchange = exchangeOf(symbol);
  const instant = zonedInstant(announcement.date, announcement.time, announcement.timezone ?? exchange.timeZone);
  const [closeHour, closeMinute] = exchange.close.split(":").map(Number) as [number, number];
  // Session closes are at least a day apart, so start from the calendar date two days earlier.
  const earliest = new Date(instant - 2 * 86_400_000).toISOString().slice(0, 10);
  for (let i = firstOnOrAfter(tradingDates, earliest); i >= 0 && i < tradingDates.length; i++) {
    const date = tradingDates[i]!;
    const sessionClose = zonedInstant(date, `${pad(closeHour)}:${pad(closeMinute)}`, exchange.timeZone);
    if (sessionClose > instant) return i;
  }
  return -1;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Index of the first date `>= date` in an ascending list, or -1 when there is none. */
export function firstOnOrAfter(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo < dates.length ? lo : -1;
}
