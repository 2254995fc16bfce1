import type { ClaimCheck } from "../claims/checkClaim.js";
import { InputError } from "../errors.js";
import { carChartSpec } from "../reports/charts/carChart.js";
import { checkCharts } from "../reports/charts/charts.js";
import { renderSvg } from "../reports/charts/renderSvg.js";
import { runStudy, type StudyOptions } from "../study/runStudy.js";
import type { Figure } from "./page.js";

const CAPTIONS: Record<string, string> = {
  "claim-day": "The claim day: the price path around the date with the previous close, the claimed level and the actual close and extreme; below, every daily return of the stock on file with the day's return marked.",
  universe: "The day among the universe: every stock's return that day, from the biggest fall to the biggest rise.",
};

/**
 * The charts of a check: the claim day, the event window (the AR/CAR chart of a one-event study with the
 * check's date as day 0, the study defaults and the check's market), and the universe ranking when there
 * is one. An event window the data cannot support is a note instead of a chart.
 */
export async function resultFigures(check: ClaimCheck, prices: Pick<StudyOptions, "priceDirs" | "readPrices">): Promise<{ figures: Figure[]; notes: string[] }> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const [claimDay, ...others] = checkCharts(check);
  figures.push({ svg: await renderSvg(claimDay!.spec), caption: CAPTIONS["claim-day"]! });
  try {
    const study = runStudy({ name: `${check.symbol} on ${check.date}`, market: check.market, model: check.inference?.model ?? "market", events: [{ symbol: check.symbol, date: check.date }] }, prices);
    figures.push({
      svg: await renderSvg(carChartSpec(study.events[0]!, study)),
      caption: `The event window: daily abnormal returns around day 0 (bars) and their cumulative sum, the CAR, with its 95% band; windows ${study.eventWindows.map(([start, end]) => `[${start}, ${end}]`).join(", ")} as in event-impact study.`,
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notes.push(`No event-window chart: ${error.issues.length > 0 ? error.issues.map(({ at, message }) => `${at}: ${message}`).join("; ") : error.message}`);
  }
  for (const chart of others) figures.push({ svg: await renderSvg(chart.spec), caption: CAPTIONS[chart.name] ?? "" });
  return { figures, notes };
}
