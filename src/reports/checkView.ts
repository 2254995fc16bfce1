import type { ClaimCheck, ClaimMeasures, VerdictLabel } from "../claims/checkSchema.js";
import { betasText, magnitude, num, pct, shortPercent } from "../format.js";

/**
 * What every rendering of a claim check shows (the CLI text, the HTML report and the serve page), built
 * once from the check so the three cannot drift: title, question, label, headline, verdict, the measure
 * rows with the matching ones marked, the inference line, notes and the method.
 */
export interface CheckView {
  title: string;
  question: string;
  /** The verdict's label, or null without a claim. */
  label: { kind: VerdictLabel; text: string } | null;
  headline: string;
  /** The verdict after its headline. */
  verdict: string;
  /** The measures table: the claim column reads "matches the claim" on matching rows. */
  rows: { key: string; label: string; value: string; matches: boolean; meaning: string }[];
  caption: string;
  inference: string | null;
  notes: string[];
  method: [string, string][];
}

/** The measures of a check as shown in tables: key, label and what it measures. */
export const MEASURES: [keyof ClaimMeasures, string, string][] = [
  ["closeToClose", "close-to-close", "adjusted close against the previous adjusted close"],
  ["openGap", "open gap", "open against the previous close (raw prices)"],
  ["intradayLow", "intraday low", "the day's low against the previous close"],
  ["intradayHigh", "intraday high", "the day's high against the previous close"],
  ["marketReturn", "market return", "the market index's close-to-close return"],
  ["marketAdjusted", "market-adjusted", "close-to-close minus the market return"],
  ["abnormalReturn", "abnormal return", "return minus the model's expected return"],
];

/** The words of each label as shown beside it (the colour repeats it, never replaces it). */
export const LABEL_WORDS: Record<VerdictLabel, string> = {
  accurate: "Accurate",
  "accurate-for-measure-only": "Accurate for one measure only",
  inaccurate: "Inaccurate",
  unverifiable: "Unverifiable",
};

export function checkView(check: ClaimCheck): CheckView {
  const matches = new Set<string>(check.claim?.kind === "move" ? check.claim.matches : []);
  const rows = MEASURES.map(([key, label, meaning]) => ({ key, label, value: pct(check.measures[key]), matches: matches.has(key), meaning }));
  rows.push({ key: "zScore", label: "z-score", value: num(check.measures.zScore), matches: false, meaning: "the return against the estimation-window returns" });
  rows.push({ key: "percentile", label: "percentile", value: `${num(check.measures.percentile * 100, 1)}%`, matches: false, meaning: `share of the ${check.historyDays} other days on file with a lower return` });
  const i = check.inference;
  const label = check.verdict.label;
  return {
    title: `${check.symbol} on ${check.date}`,
    question: question(check),
    label: label === null ? null : { kind: label, text: check.verdict.labelText ?? LABEL_WORDS[label] },
    headline: check.verdict.headline,
    verdict: check.verdict.text.startsWith(check.verdict.headline) ? check.verdict.text.slice(check.verdict.headline.length).trimStart() : check.verdict.text,
    rows,
    caption: `${check.symbol} on ${check.date} against the previous session ${check.previousDate}; market ${check.market}`,
    inference: i === null ? null : `abnormal return: ${i.model} model on [${i.estimationWindow.join(", ")}] (${i.nEstimation} days, ${i.estimation.start} to ${i.estimation.end}${i.betas === undefined ? "" : `; ${betasText(i.betas)}`}): t = ${num(i.t)}, p = ${i.p.toPrecision(3)}, ${i.df} df; SQ p = ${i.sq.p.toPrecision(3)} (quantile ${num(i.sq.quantile, 3)}, smallest attainable p ${i.sq.minP.toPrecision(3)}; Gelbach, Helland & Klick 2013); abnormal log volume ${num(i.abnormalVolume.cav, 3)} (volume ${num(Math.exp(i.abnormalVolume.cav), 2)}x the estimation-window geometric mean), t = ${num(i.abnormalVolume.t)}, p = ${i.abnormalVolume.p.toPrecision(3)}, ${i.abnormalVolume.df} df (Campbell & Wasley 1996)`,
    notes: check.notes,
    method: method(check),
  };
}

/** The question a check answers, in words: the claim or, without one, how unusual the day was. */
function question(check: ClaimCheck): string {
  const claim = check.claim;
  if (claim === null) return `How unusual was ${check.symbol}'s move on ${check.date}?`;
  if (claim.kind !== "move") return `Claim: “${claim.text}”. Does it hold for ${check.symbol} on ${check.date}?`;
  const way = claim.direction === "down" ? "fall" : claim.direction === "up" ? "rise" : "move";
  return `Claim: “${claim.text}”. Did ${check.symbol} ${way} ${shortPercent(Math.abs(claim.value))} on ${check.date}?`;
}

/** How a check was made: the day, the claim band, the model and the thresholds. */
function method(check: ClaimCheck): [string, string][] {
  const claim = check.claim;
  const claimFact =
    claim === null
      ? "none given"
      : claim.kind === "move"
        ? `the claim's size is the claimed move; it matches a measure within its own rounding (moves of ${magnitude(claim.band[0])} ${Number.isFinite(claim.band[1]) ? `up to ${magnitude(claim.band[1])}` : "or more"}); the low is compared with falls and the high with rises`
        : claim.kind === "record"
          ? "a record claim: day 0 against every earlier session on file, close to close and intraday separately"
          : claim.kind === "price"
            ? "a price claim: against the day's raw prices on file, within the claim's own rounding"
            : "a market-value claim: shares outstanding times the change of the raw close";
  const facts: [string, string][] = [
    ["day", `${check.date} against the previous session ${check.previousDate}: adjusted closes for returns, raw open, high, low and close for the intraday measures`],
    ["claim", claimFact],
  ];
  if (check.inference !== null) {
    const i = check.inference;
    facts.push(["abnormal return", `${i.model} model fitted on [${i.estimationWindow.join(", ")}] (${i.nEstimation} trading days, ${i.estimation.start} to ${i.estimation.end}); t = AR / √Var(AR) with the prediction-error variance s² (1 + 1/L1 + (Rm − Rm̄)²/Smm), two-sided p from Student's t with ${i.df} df (MacKinlay 1997)`]);
  }
  facts.push(["z-score and percentile", "the return against the estimation-window returns' mean and standard deviation; the share of the stock's other days on file with a lower return"]);
  facts.push(["unusual", "p < 0.01: highly unusual; p < 0.05: unusual"]);
  facts.push(["labels", "accurate; accurate for one measure only (e.g. the intraday low, not the close); inaccurate; unverifiable (with why)"]);
  return facts;
}
