import { describe, expect, it } from "vitest";
import { GrankAccumulator } from "../src/statistics/grankT.js";
import { adjustedPatellZ } from "../src/statistics/patell.js";
import { sqTest } from "../src/statistics/sqTest.js";
import { shareBelow } from "../src/statistics/standardScore.js";
import { volatilityRatio } from "../src/statistics/volatilityRatio.js";
import { twoSidedTReference } from "./reference/highPrecision.js";
import { analyseEvent, type AlignedReturns, type EventStudyOptions } from "../src/engine/eventStudy.js";
import { estimationResiduals, type EventSample } from "./reference/eventStudy.js";
import { crossSectionOfSamples } from "./helpers/crossSectionOfSamples.js";
import { seededRandom } from "../src/statistics/seededRandom.js";
import { isoDates, normalGenerator } from "./helpers/random.js";
import { ols, pearson } from "./helpers/ols.js";
import { grankReference, sqReference } from "./reference/rankAndQuantileTests.js";

const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected), `actual ${actual}, expected ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

/** SQ test (Gelbach, Helland & Klick 2013; DESIGN §9). */
describe("SQ test", () => {
  it("hand example: residuals [1, -1, 2, 0], L2 = 2: sums [0, 1, 2]", () => {
    // CAR = 5 above every sum: p_upper = (1 + 0)/4, p = 0.5; quantile 3/3; minP = 2/4.
    expect(sqTest([1, -1, 2, 0], 2, 5)).toEqual({ p: 0.5, quantile: 1, minP: 0.5 });
    // CAR = 1 ties the middle sum, which counts in both tails: lower (1 + 2)/4, upper (1 + 2)/4, p = 1; quantile 1/3.
    expect(sqTest([1, -1, 2, 0], 2, 1)).toEqual({ p: 1, quantile: 1 / 3, minP: 0.5 });
    // CAR = -3 below every sum: p_lower = 1/4, p = 0.5, quantile 0.
    expect(sqTest([1, -1, 2, 0], 2, -3)).toEqual({ p: 0.5, quantile: 0, minP: 0.5 });
  });

  it("equals the written-out window sums on random residuals", () => {
    const normal = normalGenerator(seededRandom(5));
    const residuals = Array.from({ length: 120 }, () => normal());
    for (const length of [1, 3, 11]) {
      for (const car of [-4, -0.3, 0.2, 2.5, 9]) {
        const actual = sqTest(residuals, length, car);
        const expected = sqReference(residuals, length, car);
        expect(actual.minP).toBe(expected.minP);
        close(actual.p, expected.p);
        close(actual.quantile, expected.quantile);
      }
    }
  });

  it("is NaN when the window is longer than the estimation window, or empty", () => {
    expect(sqTest([1, 2], 3, 0).p).toBeNaN();
    expect(sqTest([1, 2], 0, 0).p).toBeNaN();
  });

  it("counts a tie in both tails, below 1 (residuals [1, -1, 2, 0, 3, -2], L2 = 1: M = 6)", () => {
    // CAR = -1: at or below {-1, -2} = 2, at or above 5: p = 2 (1 + 2)/7; strictly below {-2}: quantile 1/6.
    expect(sqTest([1, -1, 2, 0, 3, -2], 1, -1)).toEqual({ p: 6 / 7, quantile: 1 / 6, minP: 2 / 7 });
    // CAR = 3: at or above {3} = 1: p = 2 (1 + 1)/7; strictly below 5 of 6.
    expect(sqTest([1, -1, 2, 0, 3, -2], 1, 3)).toEqual({ p: 4 / 7, quantile: 5 / 6, minP: 2 / 7 });
  });

  it("has one sum when the window is as long as the estimation window: p = 1, minP = 1", () => {
    expect(sqTest([1, 2, 3], 3, 6)).toEqual({ p: 1, quantile: 0, minP: 1 });
  });
});

/** Abnormal volatility (DESIGN §9). */
describe("abnormal volatility ratio", () => {
  it("hand example: ARs [0.02, -0.02], s^2 = 1e-4, 238 df", () => {
    // ratio = (4e-4 + 4e-4)/2 / 1e-4 = 4; F(2, d2) upper tail in closed form: (1 + 2 f/d2)^(-d2/2).
    const result = volatilityRatio([0.02, -0.02], 1e-4, 238);
    close(result.ratio, 4);
    close(result.p, (1 + 8 / 238) ** -119, 1e-10);
  });
});

/** Adjusted Patell (Kolari & Pynnönen 2010, eq. 14). */
describe("adjusted Patell Z", () => {
  it("hand example: SCAR [1, 2], df 10, r = 0.25", () => {
    // Patell: 3 / sqrt(2 * 10/8) = 3 / sqrt(2.5); adjusted by sqrt(1 / (1 + 1 * 0.25)) = sqrt(0.8).
    const result = adjustedPatellZ([1, 2], [10, 10], 0.25);
    close(result.statistic, (3 / Math.sqrt(2.5)) * Math.sqrt(0.8));
    expect(result.n).toBe(2);
  });

  it("equals Patell when r = 0", () => {
    close(adjustedPatellZ([0.5, -1, 2], [20, 30, 40], 0).statistic, 1.5 / Math.sqrt(20 / 18 + 30 / 28 + 40 / 38));
  });
});

/** GRANK-T (Kolari & Pynnönen 2011; DESIGN §9). */
describe("GRANK-T", () => {
  it("hand example: 2 firms, 2 estimation days each", () => {
    // Firm A: SARs [-1, 1], SCAR* = sqrt 2 -> ranks [1, 2, 3] of T = 3, U = [-1/4, 0, 1/4].
    // Firm B: SARs [0.5, -0.5], SCAR* = 0 -> ranks [3, 1, 2], U = [1/4, -1/4, 0].
    // Ubar: offset -2: 0; offset -1: -1/8; event: 1/8. S_U^2 = (1/3)(0 + 1/64 + 1/64) = 1/96.
    // Z = (1/8) / sqrt(1/96) = sqrt(1.5); t = Z sqrt((3 - 2)/(3 - 1 - 1.5)) = sqrt(3), 1 df.
    const grank = new GrankAccumulator(-2, -1, 1);
    grank.add([-2, -1], [-1, 1], [Math.SQRT2]);
    grank.add([-2, -1], [0.5, -0.5], [0]);
    const result = grank.result(0);
    close(result.statistic, Math.sqrt(3));
    close(result.p, 1 / 3); // 1 df (Cauchy): p = 1 - (2/pi) atan(sqrt 3) = 1 - 2/3
    expect(result.n).toBe(2);
  });

  it("a tie between SCAR* and an estimation SAR shares the average rank", () => {
    // Firm A: SARs [-1, 1], SCAR* = 1 -> ranks [1, 2.5, 2.5]; firm B as above with SCAR* = 0.
    // U_A = [-1/4, 1/8, 1/8]; Ubar: -2: 0, -1: -1/16, event: 1/16; S_U^2 = (1/3)(2/256); Z = (1/16)/sqrt(2/768).
    const grank = new GrankAccumulator(-2, -1, 1);
    grank.add([-2, -1], [-1, 1], [1]);
    grank.add([-2, -1], [0.5, -0.5], [0]);
    const z = 1 / 16 / Math.sqrt(2 / 768);
    close(grank.result(0).statistic, z * Math.sqrt(1 / (2 - z * z)));
  });

  it("is null for fewer than two firms", () => {
    const grank = new GrankAccumulator(-2, -1, 1);
    grank.add([-2, -1], [-1, 1], [1]);
    expect(grank.result(0).statistic).toBeNaN();
  });

  describe("in the cross-firm battery, against the plain-loop reference (unbalanced panel, 9 firms)", () => {
    const options: EventStudyOptions = {
      model: "market",
      returns: "simple",
      estimationWindow: [-60, -6],
      minEstimationObservations: 30,
      eventWindows: [
        [0, 0],
        [-2, 3],
      ],
    };
    const days = 90;
    const dates = isoDates(days, Date.UTC(2021, 0, 4));
    const normal = normalGenerator(seededRandom(77));
    const market = new Float64Array(days);
    market[0] = Number.NaN;
    for (let t = 1; t < days; t++) market[t] = 0.01 * normal();
    const samples: EventSample[] = [];
    const fits: { residuals: number[]; s: number; df: number; offsets: number[]; dates: string[]; car: (a: number, b: number) => { car: number; variance: number } }[] = [];
    for (let f = 0; f < 9; f++) {
      // Day 0 between 40 and 80: early events have their estimation window cut at the first return (unbalanced).
      const day0 = 40 + ((f * 7) % 41);
      const firm = new Float64Array(days);
      firm[0] = Number.NaN;
      for (let t = 1; t < days; t++) firm[t] = 0.0005 + (0.5 + f / 8) * market[t]! + 0.02 * normal();
      firm[day0] = firm[day0]! + 0.03;
      const data: AlignedReturns = { dates, firm, market };
      const analysis = analyseEvent(`F${f}`, data, day0, options);
      samples.push({ symbol: `F${f}`, market: "^M", analysis, estimation: estimationResiduals(data, day0, options.estimationWindow, analysis) });
      // Hand OLS over the estimation days, and CAR with its prediction-error variance (DESIGN §5).
      const idx: number[] = [];
      for (let t = Math.max(1, day0 - 60); t <= day0 - 6; t++) idx.push(t);
      const fit = ols(
        idx.map((t) => firm[t]!),
        idx.map((t) => market[t]!),
      );
      const car = (a: number, b: number) => {
        let sum = 0;
        let marketSum = 0;
        for (let t = day0 + a; t <= day0 + b; t++) {
          sum += firm[t]! - fit.alpha - fit.beta * market[t]!;
          marketSum += market[t]!;
        }
        const l2 = b - a + 1;
        return { car: sum, variance: fit.s2 * (l2 + (l2 * l2) / fit.n + (marketSum - l2 * fit.mx) ** 2 / fit.sxx) };
      };
      fits.push({ residuals: fit.residuals, s: Math.sqrt(fit.s2), df: fit.n - 2, offsets: idx.map((t) => t - day0), dates: idx.map((t) => dates[t]!), car });
    }
    const aggregate = crossSectionOfSamples(samples, options.eventWindows);
    const reference = (a: number, b: number) =>
      grankReference(
        fits.map((fit) => {
          const { car, variance } = fit.car(a, b);
          return { offsets: fit.offsets, residuals: fit.residuals, s: fit.s, scar: car / Math.sqrt(variance) };
        }),
      );

    it("per window", () => {
      expect(new Set(fits.map((fit) => fit.offsets.length)).size).toBeGreaterThan(1);
      aggregate.windows.forEach((window) => {
        const expected = reference(window.start, window.end);
        close(window.tests.grank.statistic, expected.t, 1e-9);
        close(window.tests.grank.p, twoSidedTReference(expected.t, expected.df), 1e-9);
        expect(window.tests.grank.n).toBe(9);
      });
    });

    it("per day (the window [t, t])", () => {
      aggregate.days.forEach((day) => close(day.tests.grank.statistic, reference(day.offset, day.offset).t, 1e-9));
    });

    it("adjusted Patell is the hand Patell Z times sqrt(1/(1 + (N-1) r)), r the mean residual correlation over common dates", () => {
      const correlations: number[] = [];
      fits.forEach((a, i) =>
        fits.slice(i + 1).forEach((b) => {
          const common = a.dates.filter((date) => b.dates.includes(date));
          correlations.push(pearson(common.map((date) => a.residuals[a.dates.indexOf(date)]!), common.map((date) => b.residuals[b.dates.indexOf(date)]!)));
        }),
      );
      const r = correlations.reduce((sum, c) => sum + c, 0) / correlations.length;
      close(aggregate.meanResidualCorrelation, r);
      aggregate.windows.forEach((window) => {
        const scars = fits.map((fit) => fit.car(window.start, window.end)).map(({ car, variance }) => car / Math.sqrt(variance));
        const patell = scars.reduce((sum, scar) => sum + scar, 0) / Math.sqrt(fits.reduce((sum, fit) => sum + fit.df / (fit.df - 2), 0));
        close(window.tests.adjustedPatell.statistic, patell * Math.sqrt(1 / (1 + 8 * r)), 1e-9);
      });
    });

    it("each event window carries the volatility ratio mean(AR^2)/s^2 from the hand fit", () => {
      samples.forEach((sample, f) => {
        sample.analysis.windows.forEach((window) => {
          let squares = 0;
          for (let o = window.start; o <= window.end; o++) squares += fits[f]!.car(o, o).car ** 2;
          close(window.volatility.ratio, squares / (window.end - window.start + 1) / fits[f]!.s ** 2, 1e-9);
        });
      });
    });

    it("each event window carries the SQ test of its CAR against the hand residuals", () => {
      samples.forEach((sample, f) => {
        sample.analysis.windows.forEach((window) => {
          const expected = sqReference(fits[f]!.residuals, window.end - window.start + 1, fits[f]!.car(window.start, window.end).car);
          expect(window.sq.minP).toBe(expected.minP);
          close(window.sq.p, expected.p);
          close(window.sq.quantile, expected.quantile);
        });
      });
    });
  });
});

describe("shareBelow", () => {
  it("is the share of the sample strictly below the value", () => {
    expect(shareBelow(0, [-1, 0, 1, 2])).toBe(0.25);
    expect(shareBelow(3, [1, 2])).toBe(1);
    expect(shareBelow(-5, [1])).toBe(0);
  });
});
