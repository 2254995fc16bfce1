import { analyseEventDirectly } from "./baseline/eventStudy.js";
import type { SyntheticPanel } from "./panel.js";
import { alignPrices } from "../src/calendar/alignment.js";
import { columnsCrossSectionInput, crossSection, crossSectionOf, type Aggregate, type EventSample } from "../src/study/crossSection.js";
import type { EventStudyOptions } from "../src/engine/eventWindows.js";
import { analyseEvents, prepareFirm, type PreparedFirm } from "../src/study/eventBatch.js";
import type { EventColumns } from "../src/study/eventColumns.js";
import { alignedReturns, estimationResiduals, type EventAnalysis } from "../src/study/eventStudy.js";
import { analyseEventsInParallel } from "../src/study/parallelBatch.js";

/**
 * The library's way: each firm aligned and prepared once, then all events as one batch, on `threads`
 * worker threads (1: in the calling thread).
 */
export function batchStudy(panel: SyntheticPanel, options: EventStudyOptions, crossFirm: boolean, threads = 1): { firms: PreparedFirm[]; columns: EventColumns; aggregate: Aggregate | null } {
  const firms = panel.firms.map((firm) => prepareFirm(firm.symbol, "MKT", alignedReturns(alignPrices(firm.bars, panel.market), options.returns)));
  const columns = threads > 1 ? analyseEventsInParallel(firms, panel.events, options, threads) : analyseEvents(firms, panel.events, options);
  return { firms, columns, aggregate: crossFirm ? crossSectionOf(columnsCrossSectionInput(firms, columns)) : null };
}

/**
 * The straightforward way the benchmarks compare against: every event on its own, from the price series
 * (align firm and market, compute returns, refit the model over the estimation window, build objects).
 */
export function directStudy(panel: SyntheticPanel, options: EventStudyOptions, crossFirm: boolean): { analyses: EventAnalysis[]; aggregate: Aggregate | null } {
  const analyses: EventAnalysis[] = [];
  const samples: EventSample[] = [];
  for (let k = 0; k < panel.events.firm.length; k++) {
    const firm = panel.firms[panel.events.firm[k]!]!;
    const day0 = panel.events.day0[k]!;
    const returns = alignedReturns(alignPrices(firm.bars, panel.market), options.returns);
    const analysis = analyseEventDirectly(returns, day0, options);
    analyses.push(analysis);
    if (crossFirm) samples.push({ symbol: firm.symbol, market: "MKT", analysis, estimation: estimationResiduals(returns, day0, options.estimationWindow, analysis) });
  }
  return { analyses, aggregate: crossFirm ? crossSection(samples, options.eventWindows) : null };
}
