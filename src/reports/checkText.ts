import type { ClaimCheck, TextCheck } from "../claims/checkSchema.js";
import type { UniverseRanking } from "../engine/universeRankingSchema.js";
import { checkView } from "./checkView.js";
import { formatTable, pct } from "./table.js";
import { priceWarningsText } from "./priceWarnings.js";

/** The terminal rendering of a claim check: the label and headline first, then the measures (matches marked), inference, notes and the verdict. */
export function checkText(check: ClaimCheck): string {
  const view = checkView(check);
  const lines: string[] = [];
  if (view.label !== null) lines.push(`Verdict: ${view.label.text}`);
  lines.push(view.headline, "", `${view.caption}`, "", formatTable(["measure", "value", ""], view.rows.map((row) => [row.label, row.value, row.matches ? "<- matches claim" : row.key === "percentile" ? row.meaning : ""])));
  if (view.inference !== null) lines.push("", view.inference);
  if (check.universe !== null) lines.push("", universeText(check.universe));
  for (const note of view.notes) lines.push(`note: ${note}`);
  const warnings = priceWarningsText(check.sources);
  if (warnings !== null) lines.push("", warnings);
  lines.push("", view.verdict);
  return lines.join("\n");
}

/** A universe ranking: the firm's rank by return and abnormal return, and the day's five biggest movers. */
export function universeText(u: UniverseRanking): string {
  const rankRow = (label: string, r: UniverseRanking["ret"] | null) =>
    r === null ? [label, "n/a", "", "", ""] : [label, pct(r.value), `${r.rank} of ${r.of}`, String(r.fellMore), String(r.roseMore)];
  const ranks = formatTable(["", "value", "rank (1 = lowest)", "fell more", "rose more"], [rankRow("return", u.ret), rankRow("abnormal return", u.ar)]);
  const movers = formatTable(
    ["biggest movers", "name", "return", "abnormal"],
    u.biggestMovers.map((m) => [m.symbol, m.name ?? "", pct(m.ret), pct(m.ar)]),
  );
  return `Ranked among ${u.size} stocks of ${u.universe} on ${u.date}:\n${ranks}\n\n${movers}`;
}

/** The terminal rendering of a paragraph's checks: one block per claim, its label first, with the sentence it came from. */
export function paragraphText(result: TextCheck): string {
  if (result.claims.length === 0) return "No market-move claim found in the text.";
  return result.claims
    .map((claim, k) => {
      const label = claim.check === null ? `unverifiable: ${claim.why}` : checkView(claim.check).label!.text;
      const lines = [`${k + 1}. ${label}`, `   claim: "${claim.claim}" (${claim.symbol ?? "no symbol"}, ${claim.date ?? "no date"})`, `   sentence: ${claim.sentence}`];
      if (claim.check !== null) lines.push(`   ${claim.check.verdict.headline}`);
      return lines.join("\n");
    })
    .join("\n\n");
}
