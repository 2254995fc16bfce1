import { exchangeOf } from "./exchanges.js";
import { addDays } from "./isoDate.js";
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
 * MacKinlay 1997, section 3). A time without a zone is read in the exchange's own zone. Without a time,
 * day 0 is the first trading day on or after the date; but when the announcement's zone keeps another
 * clock than the exchange's (a New York date for a Hong Kong stock), the news may have come after that
 * day's session closed, so day 0 is the first session that closes after the date has ended in the
 * announcing zone (refining DESIGN section 3; it agrees with the event catalog's notes).
 *
 * @example
 * // DoD list, 14 Jan 2021 15:50 New York = 15 Jan 04:50 Hong Kong, after the 14 Jan HK close
 * eventDayIndex(["2021-01-14", "2021-01-15"], "1810.HK", { date: "2021-01-14", time: "15:50", timezone: "America/New_York" }) // 1
 * // the same date without a time: the New York day ends 15 Jan 13:00 in Hong Kong, before its close
 * eventDayIndex(["2021-01-14", "2021-01-15"], "1810.HK", { date: "2021-01-14", timezone: "America/New_York" }) // 1
 */
export function eventDayIndex(tradingDates: readonly string[], symbol: string, announcement: Announcement): number {
  const exchange = exchangeOf(symbol);
  const zone = announcement.timezone ?? exchange.timeZone;
  if (announcement.time === undefined) {
    const sameClock = zone === exchange.timeZone || zonedInstant(announcement.date, "12:00", zone) === zonedInstant(announcement.date, "12:00", exchange.timeZone);
    if (sameClock) return firstOnOrAfter(tradingDates, announcement.date);
    return firstSessionClosingAfter(tradingDates, exchange.timeZone, exchange.close, zonedInstant(addDays(announcement.date, 1), "00:00", zone));
  }
  return firstSessionClosingAfter(tradingDates, exchange.timeZone, exchange.close, zonedInstant(announcement.date, announcement.time, zone));
}

function firstSessionClosingAfter(tradingDates: readonly string[], timeZone: string, close: string, instant: number): number {
  // Session closes are at least a day apart, so start from the calendar date two days earlier.
  const earliest = new Date(instant - 2 * 86_400_000).toISOString().slice(0, 10);
  for (let i = firstOnOrAfter(tradingDates, earliest); i >= 0 && i < tradingDates.length; i++) {
    if (zonedInstant(tradingDates[i]!, close, timeZone) > instant) return i;
  }
  return -1;
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
