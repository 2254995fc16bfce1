import { alignPrices } from "../../src/engine/alignment.js";
import { eventProblem, type EventStudyOptions } from "../../src/engine/eventWindows.js";
import { bundledDataDir, readPriceSeries } from "../../src/sources/localFiles.js";
import { prepareFirm, type PreparedFirm } from "../../src/engine/eventBatch.js";
import { alignedReturns } from "../../src/engine/eventStudy.js";

/** 1810.HK and 0883.HK against ^HSI from the bundled data, with every trading day the options accept as day 0 an event. */
export function everyBundledEventDay(options: EventStudyOptions): { firms: PreparedFirm[]; events: { firm: Int32Array; day0: Int32Array } } {
  const market = readPriceSeries(bundledDataDir, "^HSI");
  const firms = ["1810.HK", "0883.HK"].map((symbol) => prepareFirm(symbol, "^HSI", alignedReturns(alignPrices(readPriceSeries(bundledDataDir, symbol).columns, market.columns), options.returns)));
  const firm: number[] = [];
  const day0: number[] = [];
  firms.forEach((prepared, f) => {
    for (let d = 0; d < prepared.returns.dates.length; d++) {
      if (eventProblem(prepared.symbol, prepared.returns.dates, d, options) === null) {
        firm.push(f);
        day0.push(d);
      }
    }
  });
  return { firms, events: { firm: Int32Array.from(firm), day0: Int32Array.from(day0) } };
}
