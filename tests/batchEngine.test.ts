import { describe, expect, it } from "vitest";
import { syntheticPanel } from "../bench/panel.js";
import { alignPrices } from "../src/engine/alignment.js";
import { columnsOf } from "../src/sources/priceCsv.js";
import type { ModelName } from "../src/models/expectedReturnModel.js";
import { eventSpan, type EventStudyOptions } from "../src/engine/eventWindows.js";
import { analyseEvents, prepareFirm, type PreparedFirm } from "../src/engine/eventBatch.js";
import { columnsCrossSectionInput, crossSectionOf } from "../src/study/crossSection.js";
import { COLUMN_NAMES, columnWidth, type EventColumns } from "../src/engine/eventColumns.js";
import { alignedReturns } from "../src/engine/eventStudy.js";
import { everyBundledEventDay } from "./helpers/bundledEventDays.js";
import { XIAOMI_OPTIONS } from "./helpers/xiaomiStudy.js";
import { referenceCrossSection, type ReferenceTest } from "./reference/crossSection.js";
import { analyseEventDirectly, estimationResiduals, type EventSample } from "./reference/eventStudy.js";

const OPTIONS = XIAOMI_OPTIONS;

/** |a - b| within 1e-10 of the larger of |a|, |b| and the quantity's typical size. */
function expectClose(a: number, b: number, scale: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(Math.abs(a), Math.abs(b), scale));
}

/** Both NaN, or equal as `expectClose` with scale 1. */
function expectSame(a: number, b: number): void {
  if (Number.isNaN(a) || Number.isNaN(b)) expect([a, b]).toEqual([Number.NaN, Number.NaN]);
  else expectClose(a, b, 1);
}

/** A p-value against the reference's from jStat, whose incomplete beta stops at a 3e-7 tolerance. */
function expectP(a: number, b: number): void {
  if (Number.isNaN(a) || Number.isNaN(b)) expect([a, b]).toEqual([Number.NaN, Number.NaN]);
  else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6);
}

/** A product test result against the reference's: the statistic and p to 1e-10, the same count. */
function expectSameTest(test: ReferenceTest, reference: ReferenceTest): void {
  expectSame(test.statistic, reference.statistic);
  expectP(test.p, reference.p);
  expect(test.n).toBe(reference.n);
}

/** Every number of the batch engine against the direct per-event refit, event by event (the CAR path as cumulative windows). */
function compareWithDirect(firms: PreparedFirm[], events: { firm: Int32Array; day0: Int32Array }, options: EventStudyOptions): { columns: EventColumns; samples: EventSample[] } {
  const columns = analyseEvents(firms, events, options);
  const samples: EventSample[] = [];
  for (let k = 0; k < columns.count; k++) {
    const firm = firms[events.firm[k]!]!;
    const direct = analyseEventDirectly(firm.returns, events.day0[k]!, options);
    const sigma = direct.sigma;
    expectClose(columns.alpha[k]!, direct.alpha, sigma);
    expectClose(columns.betas[k]!, direct.beta, 1);
    expectClose(Math.sqrt(columns.s2[k]!), sigma, sigma);
    expect(columns.df[k]).toBe(direct.df);
    direct.abnormalReturns.forEach((row, i) => {
      expectClose(columns.ar[k * columns.spanLength + i]!, row.ar, sigma);
      expectClose(columns.sar[k * columns.spanLength + i]!, row.sar, 1);
      expectSame(columns.av[k * columns.spanLength + i]!, row.av);
    });
    direct.windows.forEach((window, w) => {
      const cell = k * columns.windows.length + w;
      expectClose(columns.car[cell]!, window.car, sigma);
      expectClose(columns.variance[cell]!, window.variance, sigma * sigma);
      expectClose(columns.t[cell]!, window.t, 1);
      expectP(columns.p[cell]!, window.p);
      expectClose(columns.bhar[cell]!, window.bhar, sigma);
      expect([columns.sqP[cell], columns.sqQuantile[cell], columns.sqMinP[cell]]).toEqual([window.sq.p, window.sq.quantile, window.sq.minP]);
      expectClose(columns.volatilityRatio[cell]!, window.volatility.ratio, 1);
      expectP(columns.volatilityP[cell]!, window.volatility.p);
      expectSame(columns.cav[cell]!, window.volume.cav);
      expectSame(columns.cavT[cell]!, window.volume.t);
      expectP(columns.cavP[cell]!, window.volume.p);
      expect([columns.cavDays[cell], columns.volumeDf[k]]).toEqual([window.volume.days, window.volume.df]);
    });
    if (k % 5 === 0) {
      // The CAR path of every fifth event: its cumulative windows refitted directly.
      const [spanStart] = eventSpan(options.eventWindows);
      const cumulative = direct.abnormalReturns.map(({ offset }): [number, number] => [spanStart, offset]);
      analyseEventDirectly(firm.returns, events.day0[k]!, { ...options, eventWindows: cumulative }).windows.forEach((window, i) => {
        expectClose(columns.pathCar[k * columns.spanLength + i]!, window.car, sigma);
        expectClose(columns.pathVariance[k * columns.spanLength + i]!, window.variance, sigma * sigma);
      });
    }
    samples.push({ symbol: firm.symbol, market: firm.market, analysis: direct, estimation: estimationResiduals(firm.returns, events.day0[k]!, options.estimationWindow, direct) });
  }
  return { columns, samples };
}

describe("the batch engine equals the direct per-event refit to 1e-10", () => {
  it.each<{ models: readonly ModelName[] }>([{ models: ["market", "market-adjusted", "mean-adjusted"] }, { models: ["scholes-williams", "dimson"] }])("on a synthetic panel, for the models $models and both return types, including the cross-firm tests", ({ models }) => {
    const panel = syntheticPanel({ firms: 12, days: 700, events: 150, seed: 7, margin: [260, 10] });
    for (const model of models) {
      for (const returns of ["simple", "log"] as const) {
        const options = { ...OPTIONS, model, returns };
        const firms = panel.firms.map((firm) => prepareFirm(firm.symbol, "MKT", alignedReturns(alignPrices(columnsOf(firm.bars), columnsOf(panel.market)), returns)));
        const { columns, samples } = compareWithDirect(firms, panel.events, options);
        const fast = crossSectionOf(columnsCrossSectionInput(firms, columns));
        const direct = referenceCrossSection(samples, options.eventWindows);
        expectClose(fast.meanResidualCorrelation, direct.meanResidualCorrelation, 1);
        expectClose(fast.positiveShare, direct.positiveShare, 1);
        fast.windows.forEach((window, w) => {
          expectClose(window.caar, direct.windows[w]!.caar, 0.01);
          for (const [name, test] of Object.entries(window.tests)) expectSameTest(test, direct.windows[w]!.tests[name as keyof typeof window.tests]);
        });
        fast.days.forEach((day, i) => {
          expect(day.offset).toBe(direct.days[i]!.offset);
          expectClose(day.aar, direct.days[i]!.aar, 0.01);
          for (const [name, test] of Object.entries(day.tests)) expectSameTest(test, direct.days[i]!.tests[name as keyof typeof day.tests]);
        });
      }
    }
  }, 120_000);

  it("on the bundled data: every trading day of 1810.HK and 0883.HK as day 0", () => {
    const { firms, events } = everyBundledEventDay(OPTIONS);
    expect(events.firm.length).toBeGreaterThan(500);
    compareWithDirect(firms, events, OPTIONS);
  });
});

describe("the column table", () => {
  it("every column is written for every event (a column added to EVENT_COLUMNS but not filled fails here)", () => {
    const panel = syntheticPanel({ firms: 3, days: 400, events: 5, seed: 3, margin: [260, 10] });
    const firms = panel.firms.map((firm) => prepareFirm(firm.symbol, "MKT", alignedReturns(alignPrices(columnsOf(firm.bars), columnsOf(panel.market)), "simple")));
    const columns = analyseEvents(firms, panel.events, OPTIONS);
    expect(columns.spanLength).toBe(7);
    for (const name of COLUMN_NAMES) {
      const width = columnWidth(columns, name);
      expect(columns[name].length, name).toBe(5 * width);
      for (let k = 0; k < 5; k++) expect(columns[name].subarray(k * width, (k + 1) * width).some((value) => value !== 0), `${name} of event ${k}`).toBe(true);
    }
  });
});

describe("worker threads", () => {
  it("study --threads 2 gives the same result as one thread", async () => {
    const { runCli } = await import("./helpers/cli.js");
    const one = runCli(["study", "data/studies/ccmc-hk.json", "--threads", "1", "--json"]);
    const two = runCli(["study", "data/studies/ccmc-hk.json", "--threads", "2", "--json"]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
