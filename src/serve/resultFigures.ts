import { addDays } from "../calendar/isoDate.js";
import type { ClaimCheck } from "../claims/checkClaim.js";
import { InputError } from "../errors.js";
import { carChartSpec } from "../reports/charts/carChart.js";
import { checkCharts, studyCharts } from "../reports/charts/charts.js";
import { renderSvg } from "../reports/charts/renderSvg.js";
import { readCatalog, type CatalogEvent } from "../sources/catalog.js";
import { runStudy, type StudyOptions } from "../study/runStudy.js";
import type { Figure } from "./page.js";

const CAPTIONS: Record<string, string> = {
  "claim-day": "The claim day: the price path around the date with the previous close, the claimed level and the actual close and extreme; below, every daily return of the stock on file with the day's return marked.",
  universe: "The day among the universe: every stock's return that day, from the biggest fall to the biggest rise.",
};

/**
 * The charts of a check: the claim day, the event window (the AR/CAR chart of a one-event study with the
 * check's date as day 0, the study defaults and the check's market), and the universe ranking when there
 * is one; when the firm's catalog event of the week before the date has peers with prices, every firm's
 * CAR beside the checked one's (the forest plot). An event window the data cannot support is a note
 * instead of a chart.
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
  const event = catalogEventOf(check);
  if (event !== undefined) {
    const note = (reason: string) => notes.push(`No comparison with the other firms of catalog event ${event.id}: ${reason}`);
    try {
      const peers = runStudy({ name: `${event.id}: ${event.action}`, catalog: { ids: [event.id] } }, prices);
      if (peers.aggregate === null) note("none of them has prices here.");
      else
        figures.push({
          svg: await renderSvg(studyCharts(peers, { highlight: check.symbol })[0]!.spec),
          caption: `${check.symbol} beside the other firms of catalog event ${event.id} (${event.date}, ${event.authority}): each firm's CAR with its 95% interval per window, sorted, and the average (CAAR) with its band.${peers.dropped.length === 0 ? "" : ` ${peers.dropped.length} firm(s) of the event without prices here are left out.`}`,
        });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      note(error.message.split("\n")[0]!);
    }
  }
  for (const chart of others) figures.push({ svg: await renderSvg(chart.spec), caption: CAPTIONS[chart.name] ?? "" });
  return { figures, notes };
}

/** The firm's latest catalog event announced on the date or in the week before it, if it has other firms. */
function catalogEventOf(check: ClaimCheck): CatalogEvent | undefined {
  const catalog = readCatalog();
  const own = catalog.filter((row) => row.symbol === check.symbol && row.date <= check.date && row.date >= addDays(check.date, -7)).sort((a, b) => a.date.localeCompare(b.date));
  const event = own[own.length - 1];
  return event !== undefined && catalog.some((row) => row.id === event.id && row.symbol !== check.symbol) ? event : undefined;
}
