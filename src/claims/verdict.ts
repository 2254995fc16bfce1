import { magnitude, money, pct, pValueText, shortPercent } from "../format.js";
import type { Rank } from "../engine/universeRankingSchema.js";
import type { CheckedClaim, ClaimCheck, ClaimInference, MoveMeasure, RecordFinding, Verdict, VerdictLabel } from "./checkSchema.js";

export const MEASURE_NAMES: Record<MoveMeasure, string> = {
  closeToClose: "the close-to-close move",
  openGap: "the open gap",
  intradayLow: "the intraday low",
  intradayHigh: "the intraday high",
  marketAdjusted: "the market-adjusted return",
  abnormalReturn: "the market-model abnormal return",
};

/** A measure's name in the verdict: the abnormal return names the check's model when it is not the market model. */
function measureName(name: MoveMeasure, check: Unlabelled): string {
  const model = check.inference?.model ?? "market";
  return name === "abnormalReturn" && model !== "market" ? `the ${model}-model abnormal return` : MEASURE_NAMES[name];
}

/** Index symbols and their names: what the verdict calls them, and the names a paragraph may use for them. */
export const MARKET_NAMES: ReadonlyMap<string, string> = new Map([
  ["^HSI", "the Hang Seng Index"],
  ["^GSPC", "the S&P 500"],
  ["^IXIC", "the Nasdaq Composite"],
  ["000300.SS", "the CSI 300"],
]);

type Unlabelled = Omit<ClaimCheck, "verdict">;

/**
 * The verdict (README, "Verdict labels"): a label (accurate; accurate for one measure only, such as
 * the intraday low but not the close; inaccurate; unverifiable, with why), a first line giving the
 * actual close-to-close move (saying when the closes are adjusted), and one paragraph in plain
 * English: what the stock did, what the claim matches, what the market did, and whether the move was
 * unusual by the abnormal return's p-value (below 0.01: highly unusual; below 0.05: unusual) and the
 * stock's own history.
 */
export function writeVerdict(check: Unlabelled): Verdict {
  const label = check.claim === null ? null : labelOf(check, check.claim);
  const headline = headlineOf(check);
  const sentences = [headline];
  const m = check.measures;
  if (m.openGap !== null && m.intradayLow !== null && m.intradayHigh !== null) {
    sentences.push(`It opened ${m.openGap < 0 ? "down" : "up"} ${magnitude(m.openGap)} and traded between ${check.prices.low} (${pct(m.intradayLow)}) and ${check.prices.high} (${pct(m.intradayHigh)}).`);
  }
  if (check.claim !== null) sentences.push(...claimSentences(check, check.claim));
  sentences.push(marketSentence(check));
  if (check.inference !== null && m.abnormalReturn !== null) sentences.push(sqSentence(check.inference));
  sentences.push(historySentence(check));
  if (check.universe !== null) {
    const u = check.universe;
    const abnormal = u.ar === null ? "" : `; by abnormal return, ${standing(u.ar, "negative abnormal return", "positive abnormal return")}`;
    sentences.push(`Among the ${u.size} stocks of ${u.universe} that traded that day, ${check.symbol} had ${standing(u.ret, "fall", "rise")}${abnormal}.`);
  }
  return { label: label?.label ?? null, labelText: label?.text ?? null, why: label?.why ?? null, headline, text: sentences.join(" ") };
}

/** "On 2021-01-15, 1810.HK closed at 29.3, down 10.26% from the previous close of 32.65 (2021-01-14)." */
function headlineOf(check: Unlabelled): string {
  const { symbol, date, previousDate, prices, measures: m } = check;
  const adjusted = check.pricesAdjusted ? " (adjusted prices: the file's prices are not the ones quoted that day)" : "";
  return `On ${date}, ${symbol} closed at ${prices.close}, ${m.closeToClose < 0 ? "down" : "up"} ${magnitude(m.closeToClose)} from the previous close of ${prices.previousClose} (${previousDate}), close to close${adjusted}.`;
}

interface Label {
  label: VerdictLabel;
  text: string;
  why: string | null;
}

const unverifiable = (why: string): Label => ({ label: "unverifiable", text: `unverifiable: ${why}`, why });
const accurate = (why: string | null = null): Label => ({ label: "accurate", text: "accurate", why });
const inaccurate: Label = { label: "inaccurate", text: "inaccurate", why: null };

function labelOf(check: Unlabelled, claim: CheckedClaim): Label {
  switch (claim.kind) {
    case "move": {
      if (claim.unit === "percentagePoints") return unverifiable("a change in percentage points is a change of a rate, not a price move");
      if (claim.span.kind !== "sessions" || claim.span.sessions > 1) {
        if (claim.spanMove === null) return unverifiable(claim.span.kind === "sinceAnnouncement" ? `no announcement about ${check.symbol} on or before ${check.date} in the event catalog` : "the span of days is not on file");
        return claim.spanMove.matches ? accurate() : inaccurate;
      }
      if (claim.matches.length === 0) {
        const hinted = claim.measureHint === "intraday" && check.measures.intradayLow === null;
        return hinted ? unverifiable(`${check.symbol} has no intraday data on ${check.date}`) : inaccurate;
      }
      if (claim.measureHint !== null || claim.matches.includes("closeToClose")) return accurate();
      const names = claim.matches.map((name) => measureName(name, check)).join(" and ");
      return { label: "accurate-for-measure-only", text: `accurate for ${names} only`, why: `not for the close-to-close move (${pct(check.measures.closeToClose)})` };
    }
    case "record": {
      const decisive = recordDecisive(claim.findings, claim.basis);
      if (decisive === undefined || decisive.holds === null) return unverifiable(`the prices on file begin on ${claim.fileStart}, after the period the claim reaches back to`);
      return decisive.holds ? accurate(`as far back as the file goes (${claim.fileStart})`) : inaccurate;
    }
    case "price": {
      if (claim.actual.some((a) => a.matches)) return accurate();
      return check.pricesAdjusted ? unverifiable("the file's prices are adjusted, so a quoted price cannot be checked exactly") : inaccurate;
    }
    case "marketValue":
      if (claim.matches === null) return unverifiable("no shares outstanding given (pass --shares, or a shares column in the names table)");
      return claim.matches ? accurate() : inaccurate;
  }
}

/** The finding that decides a record claim: the basis its wording names, else the close. */
export function recordDecisive(findings: readonly RecordFinding[], basis: "close" | "intraday" | null): RecordFinding | undefined {
  return findings.find((finding) => finding.basis === (basis ?? "close"));
}

function claimSentences(check: Unlabelled, claim: CheckedClaim): string[] {
  const quoted = `The claim "${claim.text}"`;
  const m = check.measures;
  switch (claim.kind) {
    case "move": {
      const sentences: string[] = [];
      const band = bandText(claim);
      if (claim.direction === null) sentences.push(`${quoted} does not say whether ${check.symbol} rose or fell, so it is compared with moves either way.`);
      if (claim.unit === "percentagePoints") return [...sentences, `${quoted} gives percentage points, a change of a rate, which prices cannot check.`];
      if (claim.span.kind !== "sessions" || claim.span.sessions > 1) {
        const s = claim.spanMove;
        if (s === null) return [...sentences, `${quoted} (${band}) speaks of a move over several sessions that the file cannot measure.`];
        return [...sentences, `${quoted} (${band}) speaks of ${s.sessions} sessions: from the close of ${s.from} to the close of ${s.to}, ${check.symbol} moved ${pct(s.ret)}, which it ${s.matches ? "matches" : "does not match"}.`];
      }
      const named = (names: readonly MoveMeasure[]) => names.map((name) => `${measureName(name, check)} (${pct(m[name])})`);
      if (claim.matches.length === 0 && claim.otherMatches.length > 0) {
        const pointed = claim.measureHint === "close" ? "the close" : claim.measureHint === "open" ? "the open" : "the intraday extreme";
        sentences.push(`${quoted} (${band}) speaks of ${pointed}, which it does not match; the figure matches ${joinList(named(claim.otherMatches))}.`);
      } else if (claim.matches.length === 0) {
        sentences.push(`${quoted} (${band}) matches none of the measures.`);
      } else {
        const notClose = claim.matches.includes("closeToClose") ? "" : `, but not the close-to-close move (${pct(m.closeToClose)})`;
        sentences.push(`${quoted} (${band}) matches ${joinList(named(claim.matches))}${notClose}.`);
      }
      return sentences;
    }
    case "record":
      return [`${quoted} is ${recordText(claim)}.`];
    case "price": {
      const actual = claim.actual.map((a) => `the ${a.field} was ${a.price}${a.matches ? " (matches)" : ""}`);
      const adjusted = check.pricesAdjusted ? " The file's prices are adjusted, so they differ from the prices quoted that day." : "";
      return [`${quoted} gives a price of ${claim.price}; ${joinList(actual)}.${adjusted}`];
    }
    case "marketValue": {
      if (claim.change === null) return [`${quoted} speaks of a change of market value of ${money(claim.amount)}; without the number of shares outstanding it cannot be checked.`];
      return [`${quoted} speaks of a change of market value of ${money(claim.amount)}; ${claim.shares!.toLocaleString("en-US")} shares times the change of the close (${check.prices.previousClose} to ${check.prices.close}) is ${money(claim.change)}, which it ${claim.matches ? "matches" : "does not match"}.`];
    }
  }
}

function recordText(claim: Extract<CheckedClaim, { kind: "record" }>): string {
  const what = claim.extreme === "close" ? (claim.direction === "down" ? "a lowest close" : "a highest close") : claim.direction === "down" ? "a biggest fall" : "a biggest rise";
  const reach = claim.since === null ? "on record" : `since ${claim.since.text}`;
  const parts = claim.findings.map((finding) => {
    const basis = finding.basis === "close" ? (claim.extreme === "close" ? "on the adjusted close" : "close to close") : claim.extreme === "close" ? `on the intraday ${claim.direction === "down" ? "low" : "high"}` : `on the intraday ${claim.direction === "down" ? "low" : "high"} against the previous close`;
    if (finding.value === null) return `${basis}, not measured (no intraday data)`;
    const shown = (v: number) => (claim.extreme === "close" ? v.toFixed(2) : pct(v));
    const beyond = finding.lastBeyond === null ? `nothing beyond ${shown(finding.value)} on file since ${claim.fileStart}` : `the last session beyond ${shown(finding.value)} was ${finding.lastBeyond.date} (${shown(finding.lastBeyond.value)})`;
    const verdict = finding.holds === null ? "the file does not reach back far enough to say" : finding.holds ? "it holds" : "it does not hold";
    return `${basis}, ${beyond}: ${verdict}`;
  });
  return `${what} ${reach}; ${parts.join("; ")}`;
}

function bandText(claim: Extract<CheckedClaim, { kind: "move" }>): string {
  const [low, high] = claim.band;
  const way = claim.direction === "down" ? "fall" : claim.direction === "up" ? "rise" : "move";
  if (claim.bound === "atLeast") return `a ${way} of at least ${magnitude(low)}`;
  if (claim.bound === "below") return `a ${way} of less than ${magnitude(high)}`;
  if (claim.bound === "range") return `a ${way} of ${shortPercent(low)} to ${shortPercent(high)}`;
  return `a ${way} of ${shortPercent(Math.abs(claim.value))}, read as ${shortPercent(low)} to ${shortPercent(high)}`;
}

function marketSentence(check: Unlabelled): string {
  const m = check.measures;
  if (check.market === check.symbol) return `${check.symbol} is the market index itself.`;
  const marketName = MARKET_NAMES.get(check.market) ?? check.market;
  let market = `${capitalise(marketName)} (${check.market}) ${m.marketReturn < 0 ? "fell" : "rose"} ${magnitude(m.marketReturn)} that day`;
  const inference = check.inference;
  if (inference !== null && m.abnormalReturn !== null) {
    const unusual = inference.p < 0.01 ? "a highly unusual move" : inference.p < 0.05 ? "an unusual move" : "not unusual for this stock";
    market += `; the ${inference.model}-model abnormal return was ${pct(m.abnormalReturn)} (t = ${inference.t.toFixed(2)}, ${pValueText(inference.p)}, ${inference.df} df), ${unusual}`;
  }
  return `${market}.`;
}

/**
 * The SQ test beside the t-test (Gelbach, Helland & Klick 2013): the t-test's normal tails make one-day p-values too
 * small for fat-tailed stocks, so the sentence says when the two disagree about significance at 5%.
 */
function sqSentence(inference: ClaimInference): string {
  const { sq } = inference;
  const days = `the stock's ${inference.nEstimation} estimation-window abnormal returns`;
  const where =
    sq.quantile === 0 ? `below every one of ${days}` : sq.quantile === 1 ? `above every one of ${days}` : `above ${magnitude(sq.quantile, 1)} of ${days}`;
  const floor = sq.p <= sq.minP ? ", the smallest p it can give" : "";
  const base = `The SQ test, which does not assume normal tails, gives ${pValueText(sq.p)}${floor} (the abnormal return lies ${where})`;
  if (inference.p < 0.05 && !(sq.p < 0.05)) return `${base}: unlike the t-test, it does not find the move significant at 5%.`;
  if (!(inference.p < 0.05) && sq.p < 0.05) return `${base}: unlike the t-test, it finds the move significant at 5%.`;
  return `${base}, agreeing with the t-test at 5%.`;
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

function historySentence(check: Unlabelled): string {
  const { measures: m, historyDays } = check;
  const below = Math.round(m.percentile * historyDays);
  if (below === 0) return `No other day among the ${historyDays} on file had a lower close-to-close return.`;
  if (below === historyDays) return `No other day among the ${historyDays} on file had a higher close-to-close return.`;
  const share = m.closeToClose < 0 ? m.percentile : 1 - m.percentile;
  const word = m.closeToClose < 0 ? "lower" : "higher";
  return `${magnitude(share, 1)} of the other ${historyDays} days on file had a ${word} close-to-close return.`;
}

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
