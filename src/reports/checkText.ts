import type { ClaimCheck, ClaimMeasures } from "../claims/checkClaim.js";
import { formatTable, num, pct } from "./table.js";

const ROWS: [keyof ClaimMeasures, string][] = [
  ["closeToClose", "close-to-close"],
  ["openGap", "open gap"],
  ["intradayLow", "intraday low"],
  ["intradayHigh", "intraday high"],
  ["marketReturn", "market return"],
  ["marketAdjusted", "market-adjusted"],
  ["abnormalReturn", "abnormal return"],
];

/** The terminal rendering of a claim check: the measures (matches marked), inference and the verdict. */
export function checkText(check: ClaimCheck): string {
  const matches = new Set<string>(check.claim?.matches ?? []);
  const rows = ROWS.map(([key, label]) => [label, pct(check.measures[key] as number | null), matches.has(key) ? "<- matches claim" : ""]);
  rows.push(["z-score", num(check.measures.zScore), ""]);
  rows.push(["percentile", `${num(check.measures.percentile * 100, 1)}%`, `of ${check.historyDays} other days on file had a lower return`]);
  const lines = [`${check.symbol} on ${check.date} (previous session ${check.previousDate}), market ${check.market}`, "", formatTable(["measure", "value", ""], rows)];
  if (check.inference !== null) {
    const i = check.inference;
    lines.push("", `abnormal return: ${i.model} model on [${i.estimationWindow.join(", ")}] (${i.nEstimation} days, ${i.estimation.start} to ${i.estimation.end}): t = ${num(i.t)}, p = ${i.p.toPrecision(3)}, ${i.df} df`);
  }
  for (const note of check.notes) lines.push(`note: ${note}`);
  lines.push("", check.verdict);
  return lines.join("\n");
}
