import type { Rank } from "../study/universeRanking.js";
import type { ClaimCheck, ClaimInference, MoveMeasure } from "./checkClaim.js";

const MEASURE_NAMES: Record<MoveMeasure, string> = {
  closeToClose: "the close-to-close move",
  openGap: "the open gap",
  intradayLow: "the intraday low",
  intradayHigh: "the intraday high",
  marketAdjusted: "the market-adjusted return",
  abnormalReturn: "the market-model abnormal return",
};

const MARKET_NAMES: Record<string, string> = {
  "^HSI": "the Hang Seng Index",
  "^GSPC": "the S&P 500",
  "^IXIC": "the Nasdaq Composite",
  "000300.SS": "the CSI 300",
};

/** A signed percentage with two decimals: -0.10260 → "-10.26%". */
export function percent(fraction: number): string {
  return `${fraction >= 0 ? "+" : ""}${(fraction * 100).toFixed(2)}%`;
}

function magnitude(fraction: number): string {
  return `${Math.abs(fraction * 100).toFixed(2)}%`;
}

function pValue(p: number): string {
  return p < 0.0001 ? "p < 0.0001" : `p = ${p.toFixed(4)}`;
}

function band(check: Omit<ClaimCheck, "verdict">): string {
  const claim = check.claim!;
  const [low, high] = claim.band;
  const way = claim.direction === "down" ? "fall" : claim.direction === "up" ? "rise" : "move";
  if (claim.bound === "atLeast") return `a ${way} of at least ${magnitude(low)}`;
  if (claim.bound === "below") return `a ${way} of less than ${magnitude(high)}`;
  return `a ${way} of ${Number((Math.abs(claim.value) * 100).toFixed(6))}%, read as ${(low * 100).toFixed(3).replace(/0+$/, "").replace(/\.$/, "")}% to ${(high * 100).toFixed(3).replace(/0+$/, "").replace(/\.$/, "")}%`;
}

/**
 * The SQ test beside the t-test (Gelbach, Helland & Klick 2013): the t-test's normal tails make one-day p-values too
 * small for fat-tailed stocks, so the sentence says when the two disagree about significance at 5%.
 */
function sqSentence(inference: ClaimInference): string {
  const { sq } = inference;
  const days = `the stock's ${inference.nEstimation} estimation-window abnormal returns`;
  const where =
    sq.quantile === 0 ? `below every one of ${days}` : sq.quantile === 1 ? `above every one of ${days}` : `above ${(sq.quantile * 100).toFixed(1)}% of ${days}`;
  const floor = sq.p <= sq.minP ? ", the smallest p it can give" : "";
  const base = `The SQ test, which does not assume normal tails, gives ${pValue(sq.p)}${floor} (the abnormal return lies ${where})`;
  if (inference.p < 0.05 && !(sq.p < 0.05)) return `${base}: unlike the t-test, it does not find the move significant at 5%.`;
  if (!(inference.p < 0.05) && sq.p < 0.05) return `${base}: unlike the t-test, it finds the move significant at 5%.`;
  return `${base}, agreeing with the t-test at 5%.`;
}

/**
 * One paragraph in plain English: what the stock did (close, open, intraday extreme), whether the claim
 * matches and by which measure, what the market did, and whether the move was unusual by the abnormal
 * return's p-value (below 0.01: highly unusual; below 0.05: unusual) and the stock's own history.
 */
export function writeVerdict(check: Omit<ClaimCheck, "verdict">): string {
  const { symbol, date, previousDate, measures: m, prices, claim, inference } = check;
  const sentences: string[] = [];
  const fellOrRose = m.closeToClose < 0 ? "down" : "up";
  let day = `On ${date}, ${symbol} closed at ${prices.close}, ${fellOrRose} ${magnitude(m.closeToClose)} from the previous close of ${prices.previousClose} (${previousDate})`;
  if (m.openGap !== null && m.intradayLow !== null && m.intradayHigh !== null) {
    day += `; it opened ${m.openGap < 0 ? "down" : "up"} ${magnitude(m.openGap)} and traded between ${prices.low} (${percent(m.intradayLow)}) and ${prices.high} (${percent(m.intradayHigh)})`;
  }
  sentences.push(`${day}.`);

  if (claim !== null) {
    const named = (names: readonly MoveMeasure[]) => names.map((name) => `${MEASURE_NAMES[name]} (${percent(m[name]!)})`);
    const matched = named(claim.matches);
    const closeMatches = claim.matches.includes("closeToClose");
    if (matched.length === 0 && claim.otherMatches.length > 0) {
      const pointed = claim.measureHint === "close" ? "the close" : claim.measureHint === "open" ? "the open" : "the intraday extreme";
      sentences.push(`The claim "${claim.text}" (${band(check)}) speaks of ${pointed}, which it does not match; the figure matches ${joinList(named(claim.otherMatches))}.`);
    } else if (matched.length === 0) {
      sentences.push(`The claim "${claim.text}" (${band(check)}) matches none of the measures.`);
    } else {
      const notClose = closeMatches ? "" : `, but not the close-to-close move (${percent(m.closeToClose)})`;
      sentences.push(`The claim "${claim.text}" (${band(check)}) matches ${joinList(matched)}${notClose}.`);
    }
  }

  const marketName = MARKET_NAMES[check.market] ?? check.market;
  let market = `${capitalise(marketName)} (${check.market}) ${m.marketReturn < 0 ? "fell" : "rose"} ${magnitude(m.marketReturn)} that day`;
  if (inference !== null && m.abnormalReturn !== null) {
    const unusual = inference.p < 0.01 ? "a highly unusual move" : inference.p < 0.05 ? "an unusual move" : "not unusual for this stock";
    market += `; the ${inference.model}-model abnormal return was ${percent(m.abnormalReturn)} (t = ${inference.t.toFixed(2)}, ${pValue(inference.p)}, ${inference.df} df), ${unusual}`;
  }
  sentences.push(`${market}.`);
  if (inference !== null && m.abnormalReturn !== null) sentences.push(sqSentence(inference));
  sentences.push(historySentence(check));
  if (check.universe !== null) {
    const u = check.universe;
    const abnormal = u.ar === null ? "" : `; by abnormal return, ${standing(u.ar, "negative abnormal return", "positive abnormal return")}`;
    sentences.push(`Among the ${u.size} stocks of ${u.universe} that traded that day, ${symbol} had ${standing(u.ret, "fall", "rise")}${abnormal}.`);
  }
  return sentences.join(" ");
}

/** "the biggest fall", "the 3rd biggest rise (2 rose more)": where a value stands in its cross-section. */
export function standing(rank: Rank, fall: string, rise: string): string {
  const falling = rank.value < 0;
  const ahead = falling ? rank.fellMore : rank.roseMore;
  const place = ahead === 0 ? "the biggest" : `the ${ordinal(ahead + 1)} biggest`;
  const aheadText = ahead === 0 ? "" : ` (${ahead} ${falling ? "fell" : "rose"} more)`;
  return `${place} ${falling ? fall : rise}${aheadText}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function historySentence(check: Omit<ClaimCheck, "verdict">): string {
  const { measures: m, historyDays } = check;
  const below = Math.round(m.percentile * historyDays);
  if (below === 0) return `No other day among the ${historyDays} on file had a lower close-to-close return.`;
  if (below === historyDays) return `No other day among the ${historyDays} on file had a higher close-to-close return.`;
  const share = m.closeToClose < 0 ? m.percentile : 1 - m.percentile;
  const word = m.closeToClose < 0 ? "lower" : "higher";
  return `${(share * 100).toFixed(1)}% of the other ${historyDays} days on file had a ${word} close-to-close return.`;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
