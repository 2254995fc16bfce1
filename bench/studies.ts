import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SyntheticPanel } from "./panel.js";
import { alignPrices } from "../src/engine/alignment.js";
import type { EventStudyOptions } from "../src/engine/eventWindows.js";
import { columnsOf, formatPriceCsv } from "../src/sources/priceCsv.js";
import type { Aggregate } from "../src/study/crossSection.js";
import { alignedReturns, type EventAnalysis } from "../src/engine/eventStudy.js";
import { studyRun, type EventResult } from "../src/study/runStudy.js";
import type { StudySpecInput } from "../src/study/spec.js";
import { analyseEventDirectly, estimationResiduals, type EventSample } from "../tests/reference/eventStudy.js";
import { crossSectionOfSamples } from "../tests/helpers/crossSectionOfSamples.js";

/** Writes the panel's price files into `dir` (`F0.csv`, ..., market `MKT.csv`) and returns the spec of its events. */
export function panelSpec(panel: SyntheticPanel, options: EventStudyOptions, dir: string): StudySpecInput {
  writeFileSync(join(dir, "MKT.csv"), formatPriceCsv(panel.market));
  for (const firm of panel.firms) writeFileSync(join(dir, `${firm.symbol}.csv`), formatPriceCsv(firm.bars));
  const events = Array.from(panel.events.firm, (f, k) => ({ symbol: panel.firms[f]!.symbol, date: panel.market[panel.events.day0[k]!]!.date }));
  return {
    name: "synthetic panel",
    market: "MKT",
    model: options.model,
    returns: options.returns,
    estimationWindow: [...options.estimationWindow],
    minEstimationObservations: options.minEstimationObservations,
    eventWindows: options.eventWindows.map(([start, end]) => [start, end]),
    events,
  };
}

/**
 * The product as a library user runs it: `runStudy`'s pipeline (read the price files, align, day 0, the
 * batch with its CAR paths, the cross-firm battery) on `threads` worker threads, every event's result
 * object built the way `runStudy` and the CLI build them (`studyRun`, so that 10^6 events are not all
 * held at once). Returns the last event.
 */
export function productStudy(spec: StudySpecInput, dir: string, threads: number): { events: number; last: EventResult; aggregate: Aggregate | null } {
  const run = studyRun(spec, { priceDirs: [dir], threads });
  let last = run.event(0);
  for (let k = 1; k < run.eventCount; k++) last = run.event(k);
  return { events: run.eventCount, last, aggregate: run.aggregate };
}

/**
 * The baseline: the straightforward per-event study of tests/reference (align firm and market, compute
 * returns and refit the model from scratch for every event, results as objects), then the product's
 * cross-firm battery on those objects (the plain-loop reference battery is quadratic in the events).
 */
export function baselineStudy(panel: SyntheticPanel, options: EventStudyOptions): { analyses: EventAnalysis[]; aggregate: Aggregate | null } {
  const analyses: EventAnalysis[] = [];
  const samples: EventSample[] = [];
  const market = columnsOf(panel.market);
  const prices = panel.firms.map((firm) => columnsOf(firm.bars));
  for (let k = 0; k < panel.events.firm.length; k++) {
    const firm = panel.firms[panel.events.firm[k]!]!;
    const day0 = panel.events.day0[k]!;
    const returns = alignedReturns(alignPrices(prices[panel.events.firm[k]!]!, market), options.returns);
    const analysis = analyseEventDirectly(returns, day0, options);
    analyses.push(analysis);
    samples.push({ symbol: firm.symbol, market: "MKT", analysis, estimation: estimationResiduals(returns, day0, options.estimationWindow, analysis) });
  }
  return { analyses, aggregate: samples.length >= 2 ? crossSectionOfSamples(samples, options.eventWindows) : null };
}
