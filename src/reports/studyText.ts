import type { Aggregate, TestName } from "../study/crossSection.js";
import { summariseLines } from "../errors.js";
import { studyRunOf, type StudyRun } from "../study/runStudy.js";
import type { EventResult, StudyResult } from "../study/studyResult.js";
import { universeText } from "./checkText.js";
import { priceWarningsText } from "./priceWarnings.js";
import { slopesText } from "../format.js";
import { formatTable, num, pct, pval } from "./table.js";

export const TEST_LABELS: Record<TestName, string> = {
  crossSectionalT: "cross-sectional t",
  patell: "Patell Z",
  adjustedPatell: "adjusted Patell Z",
  bmp: "BMP t",
  kolariPynnonen: "Kolari-Pynnonen t",
  corradoRank: "Corrado rank",
  grank: "GRANK-T",
  generalizedSign: "generalized sign Z",
  wilcoxon: "Wilcoxon signed-rank",
};

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
    blocks.push(eventsTable(header.eventWindows, listed));
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
  const { announcement: a } = event;
  const announced = [a.date, a.time, a.timezone].filter(Boolean).join(" ");
  return [
    [
      `${event.symbol} vs ${event.market}: announced ${announced}, day 0 = ${event.day0}`,
      `  ${event.model} model: alpha ${event.alpha.toExponential(3)}, ${slopesText(event)}, sigma ${num(event.sigma * 100)}% per day, ${event.nEstimation} estimation days (${event.estimation.start} to ${event.estimation.end}), ${event.df} df`,
    ].join("\n"),
    formatTable(
      ["day", "date", "return", "market", "AR", "SAR"],
      event.abnormalReturns.map((r) => [String(r.offset), r.date, pct(r.ret), pct(r.marketRet), pct(r.ar), num(r.sar)]),
    ),
    formatTable(
      ["window", "dates", "CAR", "t", "p", "SQ p", "BHAR", "volatility ratio (p)", "CAV (t)"],
      event.windows.map((w) => [
        `[${w.start},${w.end}]`,
        w.startDate === w.endDate ? w.startDate : `${w.startDate}..${w.endDate}`,
        pct(w.car),
        num(w.t),
        pval(w.p),
        pval(w.sq.p),
        pct(w.bhar),
        `${num(w.volatility.ratio)} (${pval(w.volatility.p)})`,
        `${num(w.volume.cav, 3)} (${num(w.volume.t)})`,
      ]),
    ),
    ...(event.universe ? [universeText(event.universe)] : []),
  ];
}

function eventsTable(eventWindows: StudyResult["eventWindows"], events: readonly EventResult[]): string {
  const header = ["event", "symbol", "market", "day 0", "beta", ...eventWindows.map(([s, e]) => `CAR[${s},${e}] (t)`)];
  const rows = events.map((event) => [
    event.catalogId ?? "",
    event.symbol,
    event.market,
    event.day0,
    num(event.beta, 2),
    ...event.windows.map((w) => `${pct(w.car)} (${num(w.t)})`),
  ]);
  return formatTable(header, rows);
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

  const windows = aggregate.windows;
  const rows: string[][] = [
    ["N", ...windows.map((w) => String(w.n))],
    ["CAAR", ...windows.map((w) => pct(w.caar))],
    ["positive : negative", ...windows.map((w) => `${w.positive} : ${w.negative}`)],
    ...(Object.keys(TEST_LABELS) as TestName[]).map((name) => [
      `${TEST_LABELS[name]}${name === aggregate.headline ? " *" : ""}`,
      ...windows.map((w) => `${num(w.tests[name].statistic)} (p ${pval(w.tests[name].p)})`),
    ]),
    ["mean BHAR", ...windows.map((w) => pct(w.bhar.mean))],
    ["skewness-adjusted t", ...windows.map((w) => `${num(w.bhar.skewnessAdjustedT.statistic)} (p ${pval(w.bhar.skewnessAdjustedT.p)})`)],
    ["mean CAV (log volume)", ...windows.map((w) => num(w.volume.meanCav, 3))],
    ["CAV cross-sectional t", ...windows.map((w) => `${num(w.volume.crossSectionalT.statistic)} (p ${pval(w.volume.crossSectionalT.p)})`)],
  ];
  blocks.push(`Cross-firm tests (* headline):\n${formatTable(["", ...windows.map((w) => `[${w.start},${w.end}]`)], rows)}`);
  blocks.push(
    `Average abnormal return by day:\n${formatTable(
      ["day", "N", "AAR", "+ : -", headline, "p"],
      aggregate.days.map((d) => [String(d.offset), String(d.n), pct(d.aar), `${d.positive} : ${d.negative}`, num(d.tests[aggregate.headline].statistic), pval(d.tests[aggregate.headline].p)]),
    )}`,
  );
  return blocks;
}
