import { describe, expect, it } from "vitest";
import { abnormalVolume, cumulativeAbnormalVolume, volumeBaseline } from "../src/statistics/abnormalVolume.js";
import { crossSectionalT } from "../src/statistics/crossSectionalT.js";
import { fSurvival } from "../src/statistics/fDistribution.js";
import { GrankAccumulator } from "../src/statistics/grankT.js";
import { patellZ } from "../src/statistics/patell.js";
import { meanResidualCorrelation, residualPairs } from "../src/statistics/residualCorrelation.js";
import { skewnessAdjustedT } from "../src/statistics/skewnessAdjustedT.js";
import { bmpT } from "../src/statistics/standardizedCrossSectionalT.js";
import { wilcoxonSignedRank } from "../src/statistics/wilcoxon.js";
import { studentTQuantile } from "../src/statistics/studentTQuantile.js";
import { twoSidedTReference } from "./reference/highPrecision.js";

/** Branches of the cross-firm statistics that the worked examples do not reach (found by `npm run mutation`). */
describe("residualPairs above maxPairs: a seeded sample of distinct pairs", () => {
  it("draws exactly maxPairs pairs i < j inside 0..n-1, reaching every firm in both places", () => {
    const n = 10;
    const { first, second } = residualPairs(n, 40);
    expect(first.length).toBe(40);
    expect(second.length).toBe(40);
    for (let k = 0; k < 40; k++) {
      expect(first[k]!).toBeGreaterThanOrEqual(0);
      expect(first[k]!).toBeLessThan(second[k]!);
      expect(second[k]!).toBeLessThan(n);
    }
    // 40 draws of 45 pairs: each firm is in 8 of them on average, so every firm appears and both ends vary.
    expect(new Set([...first, ...second]).size).toBe(n);
    expect(new Set(first).size).toBeGreaterThan(3);
    expect(new Set(second).size).toBeGreaterThan(3);
    // Drawn, not the first 40 pairs of the listing (whose first firm never decreases).
    expect(first.some((i, k) => k > 0 && i < first[k - 1]!)).toBe(true);
  });

  it("lists every pair once, in order, when they fit", () => {
    expect(residualPairs(4, 6)).toEqual({ first: Int32Array.from([0, 0, 0, 1, 1, 2]), second: Int32Array.from([1, 2, 3, 2, 3, 3]) });
  });

  it("averages the sampled pairs: firms with identical residuals give r = 1", () => {
    // Five firms on the same three dates with residuals proportional to (1, -1, 0): every pair correlates at 1,
    // so the mean is 1 whichever pairs the sample draws (4 of the 10).
    const dates = ["2021-01-04", "2021-01-05", "2021-01-06"];
    const firms = [1, 2, 3, 4, 5].map((scale) => ({ dates, residuals: [scale, -scale, 0] }));
    expect(meanResidualCorrelation(firms, 4)).toBeCloseTo(1, 14);
  });
});

describe("patellZ with a firm of too few degrees of freedom", () => {
  it("is NaN when a firm's t has 2 df or fewer (its variance df/(df-2) does not exist)", () => {
    expect(patellZ([1, 2], [10, 2])).toEqual({ statistic: Number.NaN, p: Number.NaN, n: 2 });
    expect(patellZ([1, 2], [10, 1])).toEqual({ statistic: Number.NaN, p: Number.NaN, n: 2 });
    // df = 3 is allowed: variance 3 + 10/8, Z = 3 / sqrt(4.25).
    expect(patellZ([1, 2], [3, 10]).statistic).toBeCloseTo(3 / Math.sqrt(4.25), 14);
  });
});

describe("GRANK-T on firms whose abnormal returns are all equal", () => {
  it("is NaN: every generalized rank is the middle one, so the ranks have no spread", () => {
    // SARs [0, 0] and SCAR* 0: all three tied at rank 2 of T = 3, U = 2/4 - 1/2 = 0, so Z = 0/0.
    const grank = new GrankAccumulator(-2, -1, 1);
    grank.add([-2, -1], [0, 0], [0]);
    grank.add([-2, -1], [0, 0], [0]);
    expect(grank.result(0)).toEqual({ statistic: Number.NaN, p: Number.NaN, n: 2 });
  });
});

describe("studentTQuantile (the charts' 95% intervals)", () => {
  it("gives the two-sided 5% critical values of the published t table", () => {
    const table: [number, number][] = [
      [1, 12.7062047],
      [2, 4.30265273],
      [5, 2.57058184],
      [10, 2.22813885],
      [30, 2.04227246],
      [120, 1.9799304],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 6);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.22813885, 6);
  });

  it("is NaN without degrees of freedom", () => {
    expect(studentTQuantile(0.975, 0)).toBeNaN();
    expect(studentTQuantile(0.975, -1)).toBeNaN();
  });
});

/** Abnormal log volume (Campbell & Wasley 1996), worked in powers of ten: log(1 + 9) = ln 10, log(1 + 99) = 2 ln 10, ... */
describe("abnormal volume", () => {
  const LN10 = Math.log(10);

  it("takes the mean and sample sd of log(1 + V) over the window's days with volume", () => {
    // Days with volume 9, 99, 999: logs ln 10, 2 ln 10, 3 ln 10; mean 2 ln 10, sd ln 10. Zero-volume days are skipped.
    const volume = [0, 9, 99, 999, 0];
    const all = volumeBaseline(volume, 0, 4);
    expect(all.days).toBe(3);
    expect(all.mean).toBeCloseTo(2 * LN10, 13);
    expect(all.sd).toBeCloseTo(LN10, 13);
    // Days 2..3 only: logs 2 ln 10 and 3 ln 10, mean 2.5 ln 10, sd ln 10 / sqrt 2.
    const last = volumeBaseline(volume, 2, 3);
    expect(last.days).toBe(2);
    expect(last.mean).toBeCloseTo(2.5 * LN10, 13);
    expect(last.sd).toBeCloseTo(LN10 / Math.SQRT2, 13);
    expect(abnormalVolume(9999, all)).toBeCloseTo(2 * LN10, 13);
    expect(abnormalVolume(0, all)).toBeNaN();
  });

  it("sums the window's abnormal volumes into CAV with t = CAV / (s sqrt(days)) on the baseline's days - 1 df", () => {
    const result = cumulativeAbnormalVolume([0.5, Number.NaN, 1.5], { mean: 0, sd: 1, days: 11 });
    expect(result).toMatchObject({ cav: 2, df: 10, days: 2 });
    expect(result.t).toBeCloseTo(Math.SQRT2, 14);
    expect(result.p).toBeCloseTo(twoSidedTReference(Math.SQRT2, 10), 12);
  });

  it("is NaN without a window day with volume, or with a baseline of one day (no sd)", () => {
    expect(cumulativeAbnormalVolume([Number.NaN], { mean: 0, sd: 1, days: 11 })).toEqual({ cav: Number.NaN, t: Number.NaN, p: Number.NaN, df: 10, days: 0 });
    expect(cumulativeAbnormalVolume([0.5], { mean: 0, sd: Number.NaN, days: 1 })).toEqual({ cav: Number.NaN, t: Number.NaN, p: Number.NaN, df: 0, days: 1 });
  });
});

describe("fSurvival (the volatility ratio's p)", () => {
  it("gives 5% and 1% at the critical values of the published F table", () => {
    const table: [number, number, number, number][] = [
      [4.102821, 2, 10, 0.05],
      [2.533555, 5, 30, 0.05],
      [7.559432, 2, 10, 0.01],
      [161.4476, 1, 1, 0.05],
    ];
    for (const [f, d1, d2, p] of table) expect(fSurvival(f, d1, d2)).toBeCloseTo(p, 6);
  });

  it("is 1 at or below 0, 0 at infinity, and NaN without degrees of freedom", () => {
    expect(fSurvival(0, 2, 3)).toBe(1);
    expect(fSurvival(-1, 2, 3)).toBe(1);
    expect(fSurvival(Infinity, 2, 3)).toBe(0);
    expect(fSurvival(1, 0, 3)).toBeNaN();
    expect(fSurvival(1, 2, 0)).toBeNaN();
    expect(fSurvival(Number.NaN, 2, 3)).toBeNaN();
  });
});

describe("crossSectionalT and the skewness-adjusted t on two events (the smallest sample with a standard deviation)", () => {
  it("CARs 0.01 and 0.03: mean 0.02, sd 0.01 sqrt 2, t = 2 on 1 df, p = (2/pi) atan(1/2)", () => {
    const result = crossSectionalT([0.01, 0.03]);
    expect(result.statistic).toBeCloseTo(2, 12);
    expect(result.p).toBeCloseTo((2 / Math.PI) * Math.atan(0.5), 12);
    expect(result.n).toBe(2);
    // Symmetric, so the skewness term is 0 and the skewness-adjusted t is sqrt(n) * mean / sd = sqrt 2 * sqrt 2 = 2.
    expect(skewnessAdjustedT([0.01, 0.03]).statistic).toBeCloseTo(2, 12);
  });
});

describe("GRANK-T with an empty offset and a firm without the window", () => {
  it("skips offsets no firm has, and counts only the firms with a SCAR* (the hand example of rankAndQuantileTests: t = sqrt 3)", () => {
    // The hand example (firms A and B on offsets -2, -1) in an accumulator from offset -3, which no firm has.
    const widened = new GrankAccumulator(-3, -1, 1);
    widened.add([-2, -1], [-1, 1], [Math.SQRT2]);
    widened.add([-2, -1], [0.5, -0.5], [0]);
    expect(widened.result(0).statistic).toBeCloseTo(Math.sqrt(3), 12);
    // A third firm whose window has no SCAR* (NaN) adds its estimation ranks but is not an event of the test.
    widened.add([-2, -1], [1, 2], [Number.NaN]);
    expect(widened.result(0).n).toBe(2);
  });
});

describe("Wilcoxon signed-rank and BMP at the edges of their ranges", () => {
  it("gives no statistic when every value is zero (no signed ranks)", () => {
    const result = wilcoxonSignedRank([0, 0, 0]);
    expect(result.n).toBe(0);
    expect(result.statistic).toBeNaN();
    expect(result.p).toBeNaN();
  });

  it("uses the exact distribution up to n = 50: W+ = 3 from ranks 1 and 2 has 5 subsets at or below it, p = 2 * 5 / 2^50", () => {
    // Subsets of {1..50} with sum <= 3: {}, {1}, {2}, {3}, {1,2}. The normal approximation would give p ~ 9e-10.
    const values = Array.from({ length: 50 }, (_, i) => (i < 2 ? i + 1 : -(i + 1)));
    const { p, n } = wilcoxonSignedRank(values);
    expect(n).toBe(50);
    expect(p / ((2 * 5) / 2 ** 50)).toBeCloseTo(1, 12);
  });

  it("BMP on two standardized values a, b is t = (a + b) / |a - b| with 1 df, whose two-sided p is 1 - 2 atan(|t|) / pi (Cauchy)", () => {
    const { statistic, p, n } = bmpT([1, 3]);
    expect(n).toBe(2);
    expect(statistic).toBeCloseTo(2, 12);
    expect(p).toBeCloseTo(1 - (2 * Math.atan(2)) / Math.PI, 6);
  });
});
