import type { Aggregate } from "../study/crossSection.js";
import { summariseLines } from "../errors.js";
import { studyRunOf, type StudyRun } from "../study/runStudy.js";
import type { EventResult, StudyResult } from "../study/studyResult.js";
import { universeText } from "./checkText.js";
import { priceWarningsText } from "./priceWarnings.js";
import { abnormalReturnsView, announcedText, crossFirmView, daysView, eventFacts, eventsView, TEST_LABELS, windowsView, type ViewTable } from "./studyView.js";
import { formatTable, num } from "./table.js";

/** The most events the terminal lists one per line; the files of `--out` have them all. */
export const MAX_TEXT_EVENTS = 50;

/**
 * The terminal rendering of a study: for one event its model, abnormal returns and window statistics;
 * for several, one line per event (the first `MAX_TEXT_EVENTS`) and the cross-firm tables (CAAR tests by
 * window, the AAR path). Dropped events are listed up to `MAX_LISTED_LINES`, then counted.
 */
export function studyText(result: StudyResult | StudyRun): string {
  const run = "events" in result ? studyRunOf(result) : result;
  const { header } = run;
  const blocks: string[] = [`${header.name}: ${run.eventCount.toLocaleString("en-US")} event(s), ${header.model} model, ${header.returns} returns`];
  const listed = Array.from({ length: Math.min(run.eventCount, MAX_TEXT_EVENTS) }, (_, k) => run.event(k));
  if (run.aggregate === null) blocks.push(...listed.flatMap(eventBlocks));
  else {
    blocks.push(textTable(eventsView(header.eventWindows, listed)));
    if (run.eventCount > listed.length) blocks.push(`(the first ${listed.length} of ${run.eventCount.toLocaleString("en-US")} events; all are in the files of --out)`);
    blocks.push(...aggregateBlocks(run.aggregate));
    blocks.push(...listed.flatMap((event) => (event.universe ? [`${event.symbol}: ${universeText(event.universe)}`] : [])));
  }
  if (run.dropped.length > 0) {
    blocks.push(`Dropped ${run.dropped.length.toLocaleString("en-US")} event(s):\n${summariseLines(run.dropped, (d) => `  ${d.symbol} ${d.date}: ${d.reason}`)}`);
  }
  const warnings = priceWarningsText(result.prices);
  if (warnings !== null) blocks.push(warnings);
  return blocks.join("\n\n");
}

function eventBlocks(event: EventResult): string[] {
  const facts = eventFacts(event);
  return [
    `${facts.title}: announced ${announcedText(event)}\n  model ${facts.model}; estimation ${facts.estimation}`,
    textTable(abnormalReturnsView(event)),
    textTable(windowsView(event)),
    ...(event.universe ? [universeText(event.universe)] : []),
  ];
}

function textTable(table: ViewTable): string {
  return formatTable(table.header, table.rows);
}

/** The most items a sentence lists before it counts the rest. */
const MAX_TEXT_ITEMS = 10;

function some<Item>(items: readonly Item[], text: (item: Item) => string, separator: string): string {
  const listed = items.slice(0, MAX_TEXT_ITEMS).map(text).join(separator);
  return items.length > MAX_TEXT_ITEMS ? `${listed}${separator}and ${(items.length - MAX_TEXT_ITEMS).toLocaleString("en-US")} more` : listed;
}

function aggregateBlocks(aggregate: Aggregate): string[] {
  const blocks: string[] = [];
  const headline = TEST_LABELS[aggregate.headline];
  if (aggregate.clustered) {
    const groups = some(aggregate.clusters, (c) => `${some(c.symbols, (symbol) => symbol, ", ")} on ${c.day0} (${c.market})`, "; ");
    blocks.push(
      `Clustered events share day 0 and market: ${groups}. Naive tests over-reject when returns are cross-correlated; read the ${headline} (r = ${num(aggregate.meanResidualCorrelation, 3)}) first.`,
    );
  }
  for (const overlap of aggregate.overlaps.slice(0, MAX_TEXT_ITEMS)) {
    blocks.push(`Warning: ${overlap.symbol} has overlapping event windows (day 0 ${some(overlap.day0s, (day) => day, ", ")}); its events are not independent.`);
  }
  if (aggregate.overlaps.length > MAX_TEXT_ITEMS) blocks.push(`... and ${aggregate.overlaps.length - MAX_TEXT_ITEMS} more firms with overlapping event windows.`);

  blocks.push(`Cross-firm tests:\n${textTable(crossFirmView(aggregate))}`);
  blocks.push(`Average abnormal return by day:\n${textTable(daysView(aggregate))}`);
  return blocks;
}
