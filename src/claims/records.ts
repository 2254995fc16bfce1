import { intradayProblem } from "../sources/fillerBars.js";
import type { PriceBar } from "../sources/priceBar.js";
import type { RecordClaim, RecordFinding } from "./checkSchema.js";

/**
 * Judges a record claim against the whole file (README, "Record claims"), on the close and on the
 * intraday basis separately:
 * - a move record ("biggest one-day fall since March 2020", "worst day on record") compares day 0's
 *   close-to-close return (adjusted closes), or its intraday low (high for rises) against the previous
 *   close, with every earlier session's;
 * - a level record ("lowest close since its 2018 listing") compares day 0's adjusted close, or its low
 *   (high) scaled by the day's adjustment factor, with every earlier session's.
 * The last earlier session beyond day 0 is reported. The claim holds when that session lies within or
 * before the period the claim reaches back to (none at all for "on record"); when there is none and
 * the file begins after the end of that period, the file cannot say (`holds: null`).
 *
 * @example recordFindings(bars, day, parseClaim("worst day on record")) // [{ basis: "close", lastBeyond: null, holds: true, ... }, ...]
 */
export function recordFindings(bars: readonly PriceBar[], day: number, claim: Pick<RecordClaim, "direction" | "extreme" | "since">): RecordFinding[] {
  return (["close", "intraday"] as const).map((basis) => {
    const value = (t: number) => recordValue(bars, t, basis, claim);
    const v0 = value(day);
    if (v0 === null) return { basis, value: null, lastBeyond: null, holds: null };
    const beyond = (v: number) => (claim.direction === "down" ? v < v0 : v > v0);
    let lastBeyond: RecordFinding["lastBeyond"] = null;
    for (let t = day - 1; t >= 0 && lastBeyond === null; t--) {
      const v = value(t);
      if (v !== null && beyond(v)) lastBeyond = { date: bars[t]!.date, value: v };
    }
    return { basis, value: v0, lastBeyond, holds: holds(lastBeyond, claim.since, bars[0]!.date) };
  });
}

function holds(lastBeyond: RecordFinding["lastBeyond"], since: RecordClaim["since"], fileStart: string): boolean | null {
  if (since === null) return lastBeyond === null;
  if (lastBeyond !== null) return lastBeyond.date <= since.end;
  return fileStart <= since.end ? true : null;
}

function recordValue(bars: readonly PriceBar[], t: number, basis: "close" | "intraday", claim: Pick<RecordClaim, "direction" | "extreme">): number | null {
  const bar = bars[t]!;
  const extremePrice = claim.direction === "down" ? bar.low : bar.high;
  if (claim.extreme === "close") {
    if (basis === "close") return bar.adjClose;
    return intradayProblem(bar) !== null ? null : extremePrice * (bar.adjClose / bar.close);
  }
  const previous = bars[t - 1];
  if (previous === undefined) return null;
  if (basis === "close") return bar.adjClose / previous.adjClose - 1;
  return intradayProblem(bar) !== null ? null : extremePrice / previous.close - 1;
}
