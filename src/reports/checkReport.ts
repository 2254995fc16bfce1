import type { ClaimCheck, ClaimMeasures } from "../claims/checkClaim.js";
import { checkCharts } from "./charts/charts.js";
import { renderSvg } from "./charts/renderSvg.js";
import { escapeHtml, htmlFacts, htmlFigure, htmlTable } from "./html.js";
import { provenanceSection, type ReportContext } from "./reportContext.js";
import { num, pct } from "./table.js";

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

/** The body of a claim check's report: the claim, the verdict, the measures, charts, method and provenance. */
export async function checkReportBody(check: ClaimCheck, context: ReportContext): Promise<string> {
  const figures: string[] = [];
  for (const chart of checkCharts(check)) figures.push(htmlFigure(await renderSvg(chart.spec)));
  const matches = new Set<string>(check.claim?.matches ?? []);
  const rows = MEASURES.map(([key, label, meaning]) => [label, pct(check.measures[key] as number | null), matches.has(key) ? "matches the claim" : "", meaning]);
  rows.push(["z-score", num(check.measures.zScore), "", "the return against the estimation-window returns"]);
  rows.push(["percentile", `${num(check.measures.percentile === null ? null : check.measures.percentile * 100, 1)}%`, "", `share of the ${check.historyDays} other days on file with a lower return`]);
  const matched = check.claim === null ? null : check.claim.matches.length === 0 ? "The claim matches none of the measures." : `The claim matches: ${check.claim.matches.map((name) => `${MEASURES.find(([key]) => key === name)![1]} (${pct(check.measures[name])})`).join(", ")}.`;
  return [
    `<header><h1>${escapeHtml(`${check.symbol} on ${check.date}`)}</h1><p class="question">${escapeHtml(question(check))}</p></header>`,
    `<section class="verdict"><strong>Verdict</strong>${matched === null ? "" : `<p>${escapeHtml(matched)}</p>`}<p>${escapeHtml(check.verdict)}</p></section>`,
    "<section><h2>Measures</h2>",
    htmlTable(["measure", "value", "claim", "meaning"], rows, `${check.symbol} on ${check.date} against the previous session ${check.previousDate}; market ${check.market}`),
    check.inference === null
      ? ""
      : `<p>Abnormal return: ${escapeHtml(`${check.inference.model} model on [${check.inference.estimationWindow.join(", ")}] (${check.inference.nEstimation} days, ${check.inference.estimation.start} to ${check.inference.estimation.end}): t = ${num(check.inference.t)}, p = ${check.inference.p.toPrecision(3)}, ${check.inference.df} df; SQ test p = ${check.inference.sq.p.toPrecision(3)} (Gelbach, Helland & Klick 2013); abnormal log volume ${num(check.inference.abnormalVolume.cav, 3)}, t = ${num(check.inference.abnormalVolume.t)} (Campbell & Wasley 1996).`)}</p>`,
    ...check.notes.map((note) => `<p class="note">Note: ${escapeHtml(note)}</p>`),
    "</section>",
    `<section><h2>Charts</h2>${figures.join("\n")}</section>`,
    check.universe === null ? "" : universeTables(check),
    `<section><h2>Method</h2>${method(check)}</section>`,
    provenanceSection(check.sources, context),
  ].join("\n");
}

function magnitude(fraction: number): string {
  return `${(Math.abs(fraction) * 100).toFixed(2)}%`;
}

/** The question a check answers, in words: the claim or, without one, how unusual the day was. */
export function question(check: ClaimCheck): string {
  if (check.claim === null) return `How unusual was ${check.symbol}'s move on ${check.date}?`;
  const way = check.claim.direction === "down" ? "fall" : check.claim.direction === "up" ? "rise" : "move";
  return `Claim: “${check.claim.text}”. Did ${check.symbol} ${way} ${(Math.abs(check.claim.value) * 100).toFixed(2).replace(/\.?0+$/, "")}% on ${check.date}?`;
}

/** The universe ranking of a check with a universe: ranks and the day's biggest movers. */
export function universeTables(check: ClaimCheck): string {
  const u = check.universe!;
  const rank = (label: string, r: typeof u.ret | null) => (r === null ? [label, "n/a", "", "", ""] : [label, pct(r.value), `${r.rank} of ${r.of}`, String(r.fellMore), String(r.roseMore)]);
  return [
    `<section><h2>Among ${u.size} stocks on ${escapeHtml(u.date)}</h2>`,
    htmlTable(["", "value", "rank (1 = lowest)", "fell more", "rose more"], [rank("return", u.ret), rank("abnormal return", u.ar)], `Universe: ${u.universe}`),
    htmlTable(["biggest movers", "name", "return", "abnormal"], u.biggestMovers.map((m) => [m.symbol, m.name ?? "", pct(m.ret), pct(m.ar)])),
    "</section>",
  ].join("");
}

/** How a check was made, as a definition list: the day, the claim band, the model and the thresholds. */
export function method(check: ClaimCheck): string {
  const facts: [string, string][] = [
    ["day", `${check.date} against the previous session ${check.previousDate}: adjusted closes for returns, raw open, high, low and close for the intraday measures`],
    ["claim", check.claim === null ? "none given" : `the first percentage of the claim is the claimed move; it matches a measure within its own rounding (moves of ${magnitude(check.claim.band[0])} ${Number.isFinite(check.claim.band[1]) ? `up to ${magnitude(check.claim.band[1])}` : "or more"}); the low is compared with falls and the high with rises`],
  ];
  if (check.inference !== null) {
    const i = check.inference;
    facts.push(["abnormal return", `${i.model} model fitted on [${i.estimationWindow.join(", ")}] (${i.nEstimation} trading days, ${i.estimation.start} to ${i.estimation.end}); t = AR / √Var(AR) with the prediction-error variance s² (1 + 1/L1 + (Rm − Rm̄)²/Smm), two-sided p from Student's t with ${i.df} df (MacKinlay 1997)`]);
  }
  facts.push(["z-score and percentile", "the return against the estimation-window returns' mean and standard deviation; the share of the stock's other days on file with a lower return"]);
  facts.push(["unusual", "p < 0.01: highly unusual; p < 0.05: unusual"]);
  return htmlFacts(facts);
}
