import { describe, expect, it } from "vitest";
import type { TestName } from "../src/study/crossSection.js";
import { analyseEvent, type AlignedReturns, type EventStudyOptions } from "../src/engine/eventStudy.js";
import { estimationResiduals, type EventSample } from "./reference/eventStudy.js";
import { crossSectionOfSamples } from "./helpers/crossSectionOfSamples.js";
import { seededRandom } from "../src/statistics/seededRandom.js";
import { isoDates, normalGenerator } from "./helpers/random.js";

/**
 * Published behaviour of the cross-firm tests (Brown & Warner 1985; Kolari & Pynnönen 2010): size under
 * the null. Monte Carlo with a seeded generator, so the rates are reproducible; with 1,000 studies the
 * standard error of a 5% rate is about 0.7 percentage points, and the 3%-7% band is about +-2.9 SE.
 */

const TESTS: TestName[] = ["crossSectionalT", "patell", "adjustedPatell", "bmp", "kolariPynnonen", "corradoRank", "grank", "generalizedSign", "wilcoxon"];
const STUDIES = 1000;
const FIRMS = 30;
const ESTIMATION: readonly [number, number] = [-250, -11];
const OPTIONS: EventStudyOptions = {
  model: "market",
  returns: "simple",
  estimationWindow: ESTIMATION,
  minEstimationObservations: 100,
  eventWindows: [
    [0, 0],
    [-1, 1],
  ],
};
const MARKET_SD = 0.01;
const RESIDUAL_SD = 0.02;

interface Rates {
  windows: Record<TestName, number>[];
  meanR: number;
  /** Per window, the share of single-firm SQ tests (Gelbach, Helland & Klick 2013) with p < 5%, over all events. */
  sq: number[];
}

/**
 * Runs `STUDIES` simulated studies and returns, per event window, the share of studies whose two-sided
 * p-value is below 5%, and the average Kolari-Pynnönen r.
 * - `day0s(normal, uniform)` picks each firm's day 0 (index into the calendar);
 * - `rho` is the share of the residual variance due to a common daily factor (0: independent firms).
 */
function simulate(seed: number, days: number, pickDay0s: (uniform: () => number) => number[], rho: number): Rates {
  const uniform = seededRandom(seed);
  const normal = normalGenerator(uniform);
  const dates = isoDates(days);
  const rejections = OPTIONS.eventWindows.map(() => Object.fromEntries(TESTS.map((name) => [name, 0])) as Record<TestName, number>);
  let sumR = 0;
  const sqRejections = OPTIONS.eventWindows.map(() => 0);
  const market = new Float64Array(days);
  const factor = new Float64Array(days);
  for (let study = 0; study < STUDIES; study++) {
    market[0] = Number.NaN;
    for (let t = 1; t < days; t++) market[t] = MARKET_SD * normal();
    if (rho > 0) for (let t = 1; t < days; t++) factor[t] = normal();
    const day0s = pickDay0s(uniform);
    const samples: EventSample[] = [];
    for (let i = 0; i < FIRMS; i++) {
      const alpha = 0.0005 * normal();
      const beta = 0.5 + uniform();
      const firm = new Float64Array(days);
      firm[0] = Number.NaN;
      // e_it = sd * (sqrt(rho) f_t + sqrt(1 - rho) u_it): the same variance on every day, event days included
      for (let t = 1; t < days; t++) firm[t] = alpha + beta * market[t]! + RESIDUAL_SD * (Math.sqrt(rho) * factor[t]! + Math.sqrt(1 - rho) * normal());
      const data: AlignedReturns = { dates, firm, market };
      const day0 = day0s[i]!;
      const analysis = analyseEvent(`F${i}`, data, day0, OPTIONS);
      samples.push({ symbol: `F${i}`, market: "^MKT", analysis, estimation: estimationResiduals(data, day0, ESTIMATION, analysis) });
      analysis.windows.forEach((window, w) => {
        if (window.sq.p < 0.05) sqRejections[w]!++;
      });
    }
    const aggregate = crossSectionOfSamples(samples, OPTIONS.eventWindows);
    sumR += aggregate.meanResidualCorrelation;
    aggregate.windows.forEach((window, w) => {
      for (const name of TESTS) if (window.tests[name].p < 0.05) rejections[w]![name]++;
    });
  }
  return {
    windows: rejections.map((counts) => Object.fromEntries(TESTS.map((name) => [name, counts[name] / STUDIES])) as Record<TestName, number>),
    meanR: sumR / STUDIES,
    sq: sqRejections.map((count) => count / (STUDIES * FIRMS)),
  };
}

function report(label: string, rates: Rates): void {
  const lines = TESTS.map((name) => `  ${name.padEnd(16)} [0,0] ${(100 * rates.windows[0]![name]).toFixed(1).padStart(5)}%   [-1,1] ${(100 * rates.windows[1]![name]).toFixed(1).padStart(5)}%`);
  lines.push(`  ${"SQ (per event)".padEnd(16)} [0,0] ${(100 * rates.sq[0]!).toFixed(1).padStart(5)}%   [-1,1] ${(100 * rates.sq[1]!).toFixed(1).padStart(5)}%`);
  console.log(`${label} (mean r = ${rates.meanR.toFixed(4)})\n${lines.join("\n")}`);
}

describe.skipIf(process.env.SKIP_SLOW === "1")("rejection rates at 5% under the null (slow Monte Carlo)", () => {
  it("independent events at different day 0s: every test rejects 3%-7% on [0, 0]", { timeout: 120_000 }, () => {
    // 30 distinct day 0s drawn from [251, 650] on one market calendar of 652 days
    const days = 652;
    const pick = (uniform: () => number) => {
      const chosen = new Set<number>();
      while (chosen.size < FIRMS) chosen.add(251 + Math.floor(uniform() * 400));
      return [...chosen];
    };
    const rates = simulate(20240601, days, pick, 0);
    report("independent, different day 0s", rates);
    // Observed with this seed: cross-sectional t 5.8%, Patell 5.1, adjusted Patell 5.6, BMP 5.6, KP 5.9, rank 5.5,
    // GRANK-T 6.0, sign 4.5, Wilcoxon 4.7.
    // Expected structure (checked with 2 x 4,000 extra studies, other seeds): most tests ~5-5.5%; the generalized
    // sign is discrete (w ~ Bin(30, 1/2): P(|Z| > 1.96) = P(|w - 15| >= 6) ≈ 4.3%); KP sits ~0.4 points above BMP
    // (~5.9%) because r-hat is noisy (sd ≈ 0.007 here) and the factor sqrt((1-r)/(1+29r)) is steep (≈ 1 - 15 r)
    // and convex, so plugging in an estimated r inflates the statistic's spread slightly when the true r is 0.
    expect(Math.abs(rates.meanR)).toBeLessThan(0.01);
    // SQ over 30,000 single-firm tests (SE ~0.13 points). p = 2(1 + k)/(M + 1) is discrete: with k, the sums on one
    // side, uniform on 0..M under exchangeability, on [0, 0] (M = 240) p < 5% for k <= 5: 12/241 ≈ 4.98%; on [-1, 1]
    // (M = 238) for k <= 4: 10/239 ≈ 4.18%.
    expect(rates.sq[0]).toBeGreaterThanOrEqual(0.045);
    expect(rates.sq[0]).toBeLessThanOrEqual(0.055);
    // Observed with this seed: 5.0% and 4.5% (overlapping window sums are not exactly exchangeable with the CAR).
    expect(rates.sq[1]).toBeGreaterThanOrEqual(0.035);
    expect(rates.sq[1]).toBeLessThanOrEqual(0.055);
    for (const name of TESTS) {
      expect(rates.windows[0]![name], name).toBeGreaterThanOrEqual(0.03);
      expect(rates.windows[0]![name], name).toBeLessThanOrEqual(0.07);
    }
  });

  it("clustered (shared day 0, residual correlation 0.3): Kolari-Pynnönen 3%-7%, BMP over-rejects", { timeout: 120_000 }, () => {
    // one calendar: index 0 has no return, estimation 1..240 = offsets -250..-11, day 0 = 251, span 250..252
    const days = 253;
    const rates = simulate(20240602, days, () => Array.from({ length: FIRMS }, () => 251), 0.3);
    report("clustered, rho = 0.3", rates);
    // Observed with this seed: KP 4.0%, adjusted Patell 4.2%, GRANK-T 6.2%, BMP 59.7%; cross-sectional t 59.8, Patell 53.7, sign 50.4, Wilcoxon 58.8 also
    // over-reject. The Corrado rank test (2.9% here, ~4.1% over 8,000 other studies) is not asserted: its S_U is a
    // time-series sd of Kbar_t, so cross-correlation is in it, but with a strong common factor Kbar_t is close to one
    // uniform rank minus 1/2, bounded by 0.5 / S_U, and its tails are thinner than the normal's: it under-rejects.
    expect(rates.meanR).toBeGreaterThan(0.25);
    expect(rates.meanR).toBeLessThan(0.35);
    expect(rates.windows[0]!.kolariPynnonen).toBeGreaterThanOrEqual(0.03);
    expect(rates.windows[0]!.kolariPynnonen).toBeLessThanOrEqual(0.07);
    // Kolari & Pynnönen's adjusted Patell (2010) and GRANK-T (2011) are built to hold their size under clustering.
    for (const name of ["adjustedPatell", "grank"] as const) {
      expect(rates.windows[0]![name], name).toBeGreaterThanOrEqual(0.03);
      expect(rates.windows[0]![name], name).toBeLessThanOrEqual(0.07);
    }
    // BMP's t has standard deviation about sqrt((1 + 29 * 0.3) / 0.7) ≈ 3.7 here: it rejects far more than 7%
    expect(rates.windows[0]!.bmp).toBeGreaterThan(0.2);
  });
});
