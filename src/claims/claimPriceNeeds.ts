import { calendarSpan } from "../calendar/calendarSpan.js";
import { marketOf } from "../calendar/exchanges.js";
import { addDays } from "../calendar/isoDate.js";
import { DEFAULT_ESTIMATION_WINDOW } from "../engine/defaults.js";
import type { PriceNeed } from "../sources/fetchPrices.js";

/**
 * The symbols a claim check reads (the stock and its market) and the dates they must cover: the
 * estimation window before the date, through the date.
 */
export function claimPriceNeeds(request: { symbol: string; date: string; market?: string | undefined }): PriceNeed[] {
  const from = addDays(request.date, -calendarSpan(-DEFAULT_ESTIMATION_WINDOW[0]));
  return [...new Set([request.symbol, marketOf(request.symbol, request.market)])].map((symbol) => ({ symbol, from, to: request.date }));
}
