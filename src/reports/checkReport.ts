import type { ClaimCheck, VerdictLabel } from "../claims/checkSchema.js";
import { checkView, type CheckView } from "./checkView.js";
import { checkCharts } from "./charts/charts.js";
import { renderSvg } from "./charts/renderSvg.js";
import { escapeHtml, htmlFacts, htmlFigure, htmlTable } from "./html.js";
import { provenanceSection, type ReportContext } from "./reportContext.js";
import { pct } from "./table.js";

/** The body of a claim check's report: the label, headline and verdict, the measures, charts, method and provenance. */
export async function checkReportBody(check: ClaimCheck, context: ReportContext): Promise<string> {
  const view = checkView(check);
  const figures: string[] = [];
  for (const chart of checkCharts(check)) figures.push(htmlFigure(await renderSvg(chart.spec)));
  return [
    `<header><h1>${escapeHtml(view.title)}</h1><p class="question">${escapeHtml(view.question)}</p></header>`,
    verdictHtml(view),
    "<section><h2>Measures</h2>",
    htmlTable(["measure", "value", "claim", "meaning"], view.rows.map((row) => [row.label, row.value, row.matches ? "matches the claim" : "", row.meaning]), view.caption),
    view.inference === null ? "" : `<p>${escapeHtml(`${view.inference}.`)}</p>`,
    ...view.notes.map((note) => `<p class="note">Note: ${escapeHtml(note)}</p>`),
    "</section>",
    `<section><h2>Charts</h2>${figures.join("\n")}</section>`,
    check.universe === null ? "" : universeTables(check),
    `<section><h2>Method</h2>${htmlFacts(view.method)}</section>`,
    provenanceSection(check.sources, context),
  ].join("\n");
}

/**
 * The verdict box: the label in words (a symbol and a colour repeat it, never replace it), the
 * headline with the actual close-to-close move, and the verdict paragraph.
 */
export function verdictHtml(view: Pick<CheckView, "label" | "headline" | "verdict">): string {
  const label = view.label === null ? "" : `<p class="label label-${view.label.kind}"><span aria-hidden="true">${LABEL_MARKS[view.label.kind]}</span> ${escapeHtml(view.label.text)}</p>`;
  return `<section class="verdict" id="verdict"><strong>Verdict</strong>${label}<p class="headline">${escapeHtml(view.headline)}</p><p>${escapeHtml(view.verdict)}</p></section>`;
}

const LABEL_MARKS: Record<VerdictLabel, string> = { accurate: "✓", "accurate-for-measure-only": "◐", inaccurate: "✗", unverifiable: "?" };


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
