import { calendarSpan } from "../calendar/calendarSpan.js";
import { marketOf } from "../calendar/exchanges.js";
import { addDays } from "../calendar/isoDate.js";
import { eventSpan } from "../engine/eventWindows.js";
import type { PriceNeed } from "../sources/fetchPrices.js";
import { parseStudySpec, studyEvents } from "./runStudy.js";
import type { StudySpec, StudySpecInput } from "./spec.js";

/**
 * The symbols a study reads (each event's stock and market, catalog selections included) and the dates
 * each must cover: from the estimation window's first day to the last event window's end around every
 * event date.
 *
 * @example studyPriceNeeds({ events: [{ symbol: "1810.HK", date: "2021-01-14" }] })
 * // [{ symbol: "1810.HK", from: "2019-12-22", to: "2021-02-05" }, { symbol: "^HSI", from: "2019-12-22", to: "2021-02-05" }]
 */
export function studyPriceNeeds(specInput: StudySpecInput | StudySpec): PriceNeed[] {
  const spec = parseStudySpec(specInput);
  const before = calendarSpan(-spec.estimationWindow[0]);
  const after = calendarSpan(eventSpan(spec.eventWindows)[1]);
  const dates = new Map<string, { first: string; last: string }>();
  for (const event of studyEvents(spec)) {
    for (const symbol of [event.symbol, marketOf(event.symbol, event.market, spec.market)]) {
      const seen = dates.get(symbol);
      if (seen === undefined) dates.set(symbol, { first: event.date, last: event.date });
      else if (event.date < seen.first) seen.first = event.date;
      else if (event.date > seen.last) seen.last = event.date;
    }
  }
  return [...dates].map(([symbol, { first, last }]) => ({ symbol, from: addDays(first, -before), to: addDays(last, after) }));
}
