import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ClaimCheck } from "../../claims/checkClaim.js";
import { readCatalog } from "../../sources/catalog.js";
import type { StudyResult } from "../../study/runStudy.js";
import { writeOutputSet } from "../outputSet.js";
import { caarChartSpec } from "./caarChart.js";
import { carChartSpec } from "./carChart.js";
import { claimDayChartSpec } from "./claimDayChart.js";
import { forestChartSpec, type ForestOptions } from "./forestChart.js";
import { renderSvg, type Chart } from "./renderSvg.js";
import { universeChartSpec } from "./universeChart.js";

/**
 * A study's charts: when there are several events, every firm's CAR beside the others' (a forest plot,
 * groups headed by the catalog's actions) and the AAR/CAAR path; then for each event its AR/CAR chart and,
 * when a universe was given, its day 0 among the universe.
 */
export function studyCharts(result: StudyResult, options: Pick<ForestOptions, "highlight"> = {}): Chart[] {
  const charts: Chart[] =
    result.aggregate === null
      ? []
      : [
          { name: "forest", spec: forestChartSpec(result, { ...options, actions: catalogActions(result) }) },
          { name: "caar", spec: caarChartSpec(result) },
        ];
  for (const event of result.events) {
    const stem = `${fileSafe(event.symbol)}-${event.day0}`;
    charts.push({ name: `car-${stem}`, spec: carChartSpec(event, result) });
    if (event.universe) charts.push({ name: `universe-${stem}`, spec: universeChartSpec(event.symbol, event.universe) });
  }
  return charts;
}

/** A claim check's charts: the claim day and, when a universe was given, the day among the universe. */
export function checkCharts(check: ClaimCheck): Chart[] {
  return [
    { name: "claim-day", spec: claimDayChartSpec(check) },
    ...(check.universe === null ? [] : [{ name: "universe", spec: universeChartSpec(check.symbol, check.universe, check.claim?.kind === "move" ? check.claim : null) }]),
  ];
}

/**
 * Renders charts and writes `<name>.svg` and `<name>.vl.json` (the Vega-Lite specification, data inline)
 * for each into a folder as one output set (all or nothing; the charts of an earlier run that this one
 * does not draw are removed, see `writeOutputSet`). Returns the paths written.
 */
export async function writeCharts(dir: string, charts: readonly Chart[]): Promise<string[]> {
  const files: Record<string, string> = {};
  for (const chart of charts) {
    files[`${chart.name}.svg`] = `${await renderSvg(chart.spec)}\n`;
    files[`${chart.name}.vl.json`] = `${JSON.stringify(chart.spec, null, 2)}\n`;
  }
  return writeOutputSet(dir, "charts", (staging) => {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content);
    return Object.keys(files);
  });
}

function fileSafe(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9.-]/g, "_");
}

/** The action of each catalog event a study's events came from (the bundled catalog is read only when there are some). */
function catalogActions(result: StudyResult): Map<string, string> {
  const ids = new Set(result.events.flatMap((event) => (event.catalogId === undefined ? [] : [event.catalogId])));
  return new Map(ids.size === 0 ? [] : readCatalog().filter((row) => ids.has(row.id)).map((row) => [row.id, row.action]));
}
