import type { ClaimCheck, ClaimMeasures } from "../claims/checkClaim.js";
import type { UniverseRanking } from "../study/universeRanking.js";
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
    lines.push("", `abnormal return: ${i.model} model on [${i.estimationWindow.join(", ")}] (${i.nEstimation} days, ${i.estimation.start} to ${i.estimation.end}): t = ${num(i.t)}, p = ${i.p.toPrecision(3)}, ${i.df} df; SQ p = ${i.sq.p.toPrecision(3)} (quantile ${num(i.sq.quantile, 3)}, smallest attainable p ${i.sq.minP.toPrecision(3)})`);
    lines.push(`abnormal log volume: ${num(i.abnormalVolume.cav, 3)} (volume ${num(Math.exp(i.abnormalVolume.cav), 2)}x the estimation-window geometric mean), t = ${num(i.abnormalVolume.t)}, p = ${i.abnormalVolume.p.toPrecision(3)}, ${i.abnormalVolume.df} df`);
  }
  if (check.universe !== null) lines.push("", universeText(check.universe));
  for (const note of check.notes) lines.push(`note: ${note}`);
  lines.push("", check.verdict);
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
