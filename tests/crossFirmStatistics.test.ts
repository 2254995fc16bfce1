import fc from "fast-check";
import jstatModule from "jstat";
import { describe, expect, it } from "vitest";
import { crossSectionalT } from "../src/statistics/crossSectionalT.js";
import { generalizedSignZ } from "../src/statistics/generalizedSign.js";
import { twoSidedNormalPValue } from "../src/statistics/normal.js";
import { patellZ } from "../src/statistics/patell.js";
import { meanCentredRanks, rankTest, type EventTimeSeries } from "../src/statistics/rankTest.js";
import { averageRanks } from "../src/statistics/ranks.js";
import { meanResidualCorrelation } from "../src/statistics/residualCorrelation.js";
import { skewnessAdjustedT } from "../src/statistics/skewnessAdjustedT.js";
import { bmpT, kolariPynnonenT } from "../src/statistics/standardizedCrossSectionalT.js";
import { wilcoxonSignedRank } from "../src/statistics/wilcoxon.js";
import { findClusters, findOverlaps, type EventKeys } from "../src/study/crossSection.js";
import { analyseEvent, type AlignedReturns, type EventStudyOptions } from "../src/engine/eventStudy.js";
import { estimationResiduals, type EventSample } from "./reference/eventStudy.js";
import { crossSectionOfSamples } from "./helpers/crossSectionOfSamples.js";
import { seededRandom } from "../src/statistics/seededRandom.js";
import { isoDates, normalGenerator } from "./helpers/random.js";
import { ols, pearson } from "./helpers/ols.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const { jStat } = jstatModule as any;

/** |actual - expected| <= tol * max(1, |expected|). */
const close = (actual: number, expected: number, tol = 1e-12) =>
  expect(Math.abs(actual - expected), `actual ${actual}, expected ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

/** Two-sided p of a Student t with 2 df in closed form: F(t) = 1/2 + t / (2 sqrt(2 + t^2)), so p = 1 - |t| / sqrt(2 + t^2). */
const tTwoDfP = (t: number) => 1 - Math.abs(t) / Math.sqrt(2 + t * t);
const normalP = (z: number) => 2 * jStat.normal.cdf(-Math.abs(z), 0, 1);

describe("3-firm hand example (DESIGN section 6)", () => {
  // CAR = [0.02, -0.01, 0.05], Var(CAR) = [0.0004, 0.0001, 0.0009] (sd 0.02, 0.01, 0.03),
  // df = [238, 238, 98] (market model: L1 = 240, 240, 100).
  const cars = [0.02, -0.01, 0.05];
  const variances = [0.0004, 0.0001, 0.0009];
  const dfs = [238, 238, 98];
  // SCAR = CAR / sd = [1, -1, 5/3]
  const scars = cars.map((car, i) => car / Math.sqrt(variances[i]!));

  it("standardised CARs are [1, -1, 5/3]", () => {
    close(scars[0]!, 1);
    close(scars[1]!, -1);
    close(scars[2]!, 5 / 3);
  });

  it("cross-sectional t: CAAR / (sd / sqrt N) with N - 1 = 2 df", () => {
    // mean = 0.06 / 3 = 0.02; deviations 0, -0.03, 0.03; SS = 0.0018; var = 0.0009; sd = 0.03
    // t = 0.02 / (0.03 / sqrt 3) = (2/3) sqrt 3 ≈ 1.1547005
    const t = (2 / 3) * Math.sqrt(3);
    // p (2 df) = 1 - t / sqrt(2 + 4/3) = 1 - 2 / sqrt 10 ≈ 0.3675445
    const p = 1 - 2 / Math.sqrt(10);
    close(tTwoDfP(t), p); // closed form agrees with itself
    close(2 * jStat.studentt.cdf(-t, 2), p, 1e-9); // and with jStat's Student t
    const result = crossSectionalT(cars);
    close(result.statistic, t);
    close(result.p, p, 1e-9);
    expect(result.n).toBe(3);
  });

  it("Patell Z = sum SCAR / sqrt(sum df / (df - 2)), normal p", () => {
    // sum SCAR = 1 - 1 + 5/3 = 5/3; variance = 238/236 + 238/236 + 98/96 ≈ 3.0377825
    const z = 5 / 3 / Math.sqrt(238 / 236 + 238 / 236 + 98 / 96); // ≈ 0.9562
    close(z, 0.95627, 1e-4);
    const result = patellZ(scars, dfs);
    close(result.statistic, z);
    close(result.p, normalP(z), 1e-12);
    close(result.p, 0.3389, 1e-3); // 2 * (1 - Phi(0.9563)) from a normal table
    expect(result.n).toBe(3);
  });

  it("BMP t = mean(SCAR) / (sd(SCAR) / sqrt N), 2 df", () => {
    // mean = (5/3) / 3 = 5/9; deviations 4/9, -14/9, 10/9; SS = (16 + 196 + 100)/81 = 312/81; var = 156/81
    // t = (5/9) / (sqrt(156)/9 / sqrt 3) = 5 sqrt 3 / sqrt 156 = 5 / sqrt 52 ≈ 0.6933752
    const t = 5 / Math.sqrt(52);
    // p = 1 - t / sqrt(2 + 25/52) = 1 - 5 / sqrt 129 ≈ 0.5597747
    const p = 1 - 5 / Math.sqrt(129);
    close(2 * jStat.studentt.cdf(-t, 2), p, 1e-9);
    const result = bmpT(scars);
    close(result.statistic, t);
    close(result.p, p, 1e-9);
  });

  it("Kolari-Pynnönen: BMP * sqrt((1 - r) / (1 + (N-1) r)) with r = 0.2, 2 df", () => {
    // factor = sqrt(0.8 / 1.4) = sqrt(4/7); t = 5/sqrt 52 * 2/sqrt 7 = 10 / sqrt 364 ≈ 0.5241424
    const t = 10 / Math.sqrt(364);
    // t^2 = 25/91; p = 1 - t / sqrt(2 + 25/91) = 1 - 5 / sqrt 207
    const p = 1 - 5 / Math.sqrt(207);
    close(2 * jStat.studentt.cdf(-t, 2), p, 1e-9);
    const result = kolariPynnonenT(scars, 0.2);
    close(result.statistic, t);
    close(result.p, p, 1e-9);
    // r = 0 leaves BMP unchanged
    close(kolariPynnonenT(scars, 0).statistic, 5 / Math.sqrt(52));
  });

  it("generalized sign Z with p_hat = 0.4", () => {
    // w = 2 positive CARs; Z = (2 - 3 * 0.4) / sqrt(3 * 0.4 * 0.6) = 0.8 / sqrt 0.72 ≈ 0.9428090
    const z = 0.8 / Math.sqrt(0.72);
    const result = generalizedSignZ(cars, 0.4);
    close(result.statistic, z);
    close(result.p, normalP(z));
  });

  it("generalized sign counts CAR > 0 only (a zero CAR is not positive)", () => {
    // w = 1 of [0, 0.01, -0.02]; Z = (1 - 1.5) / sqrt(0.75)
    close(generalizedSignZ([0, 0.01, -0.02], 0.5).statistic, -0.5 / Math.sqrt(0.75));
  });

  it("Wilcoxon signed rank: W+ = 5, z = 2 / sqrt 3.5, exact p = 0.5 over the 8 sign patterns", () => {
    // |CAR| = 0.02, 0.01, 0.05 -> ranks 2, 1, 3; positive: ranks 2 and 3, W+ = 5
    // mean n(n+1)/4 = 3; variance n(n+1)(2n+1)/24 = 84/24 = 3.5; z = (5 - 3)/sqrt 3.5
    // sign patterns of ranks {1,2,3}: W+ in {0,1,2,3,3,4,5,6}; P(W+ >= 5) = 2/8, P(W+ <= 5) = 7/8; p = 2 * 2/8 = 0.5
    const result = wilcoxonSignedRank(cars);
    close(result.statistic, 2 / Math.sqrt(3.5));
    close(result.p, 0.5);
    expect(result.n).toBe(3);
  });

  it("skewness-adjusted t on BHARs (Lyon, Barber & Tsai 1999)", () => {
    // BHAR = [0.01, 0.02, 0.06]: in units of 0.01, [1, 2, 6], mean 3, deviations -2, -1, 3
    // SS = 14, sd = sqrt 7, S = 3 / sqrt 7; sum dev^3 = -8 - 1 + 27 = 18; g = 18 / (3 * 7 sqrt 7) = 6 / (7 sqrt 7)
    // t = sqrt 3 (S + g S^2 / 3 + g / 18) = sqrt 3 (441 + 54 + 7) / (147 sqrt 7) = 502 sqrt 3 / (147 sqrt 7) ≈ 2.23561
    const t = (502 * Math.sqrt(3)) / (147 * Math.sqrt(7));
    close(t, 2.23561, 1e-5);
    const result = skewnessAdjustedT([0.01, 0.02, 0.06]);
    close(result.statistic, t, 1e-12);
    close(result.p, normalP(t));
    // symmetric sample: g = 0 and t_sa = sqrt n * mean / sd; for the CARs: sqrt 3 * 0.02 / 0.03
    close(skewnessAdjustedT(cars).statistic, (Math.sqrt(3) * 2) / 3);
  });

  it("fewer than two values give NaN where a standard deviation is needed", () => {
    for (const result of [crossSectionalT([0.01]), bmpT([1]), kolariPynnonenT([1], 0.1), skewnessAdjustedT([0.1])]) {
      expect(result.statistic).toBeNaN();
      expect(result.p).toBeNaN();
    }
    expect(patellZ([], []).statistic).toBeNaN();
    expect(wilcoxonSignedRank([0, 0]).n).toBe(0);
  });

  it("twoSidedNormalPValue: 1.959964 -> 0.05, 0 -> 1, symmetric", () => {
    close(twoSidedNormalPValue(1.959963984540054), 0.05, 1e-12);
    close(twoSidedNormalPValue(0), 1);
    close(twoSidedNormalPValue(-2.575829303548901), 0.01, 1e-12);
    expect(twoSidedNormalPValue(Number.NaN)).toBeNaN();
  });
});

/** Exact two-sided Wilcoxon p by enumerating all 2^n sign patterns of ranks 1..n: 2 min(P(W+ <= w), P(W+ >= w)), capped at 1. */
function enumeratedWilcoxonP(wPlus: number, n: number): number {
  let lower = 0;
  let upper = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let w = 0;
    for (let rank = 1; rank <= n; rank++) if (mask & (1 << (rank - 1))) w += rank;
    if (w <= wPlus) lower++;
    if (w >= wPlus) upper++;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / 2 ** n);
}

describe("Wilcoxon signed-rank", () => {
  it("n = 8 against the published critical value (two-sided 5%: W <= 3)", () => {
    // Critical values table (e.g. Wilcoxon, Katti & Wilcox 1970): n = 8, two-sided alpha 0.05 -> T = 3.
    // Subsets of {1..8} with sum <= 3: {}, {1}, {2}, {3}, {1,2} -> 5; sum 4 adds {4}, {1,3} -> 7.
    // W+ = 3: p = 2 * 5/256 = 0.0390625 < 0.05; W+ = 4: p = 2 * 7/256 = 0.0546875 > 0.05.
    const w3 = wilcoxonSignedRank([0.1, 0.2, -0.3, -0.4, -0.5, -0.6, -0.7, -0.8]);
    close(w3.p, 10 / 256);
    close(w3.statistic, (3 - 18) / Math.sqrt((8 * 9 * 17) / 24)); // mean 18, variance 51
    // positives {1, 3}: W+ = 4
    close(wilcoxonSignedRank([0.1, -0.2, 0.3, -0.4, -0.5, -0.6, -0.7, -0.8]).p, 14 / 256);
    // positives {3, 4}: W+ = 7; subsets with sum <= 7: 1+1+1+2+2+3+4+5 (sums 0..7) = 19 -> p = 38/256
    close(wilcoxonSignedRank([-0.1, -0.2, 0.3, 0.4, -0.5, -0.6, -0.7, -0.8]).p, 38 / 256);
    close(enumeratedWilcoxonP(7, 8), 38 / 256);
    // all positive or all negative: p = 2/256
    close(wilcoxonSignedRank([1, 2, 3, 4, 5, 6, 7, 8]).p, 2 / 256);
    close(wilcoxonSignedRank([-1, -2, -3, -4, -5, -6, -7, -8]).p, 2 / 256);
  });

  it("n = 6: every one of the 64 sign patterns matches full enumeration", () => {
    for (let mask = 0; mask < 64; mask++) {
      const values = [1, 2, 3, 4, 5, 6].map((rank) => (mask & (1 << (rank - 1)) ? rank * 0.01 : -rank * 0.01));
      let wPlus = 0;
      for (let rank = 1; rank <= 6; rank++) if (mask & (1 << (rank - 1))) wPlus += rank;
      const result = wilcoxonSignedRank(values);
      close(result.p, enumeratedWilcoxonP(wPlus, 6));
      close(result.statistic, (wPlus - 10.5) / Math.sqrt((6 * 7 * 13) / 24));
    }
    // published: n = 6, two-sided 5% critical value 0 (p = 2/64 = 0.03125)
    close(wilcoxonSignedRank([-1, -2, -3, -4, -5, -6]).p, 2 / 64);
  });

  it("property: distinct magnitudes, n <= 12, exact p equals enumeration", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (magnitudes, signs) => {
          const values = magnitudes.map((m, i) => (signs[i] ? m : -m) / 100);
          const sorted = [...magnitudes].sort((a, b) => a - b);
          let wPlus = 0;
          magnitudes.forEach((m, i) => {
            if (signs[i]) wPlus += sorted.indexOf(m) + 1;
          });
          const result = wilcoxonSignedRank(values);
          expect(Math.abs(result.p - enumeratedWilcoxonP(wPlus, magnitudes.length))).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("ties and zeros: zeros dropped, average ranks, normal approximation with tie correction", () => {
    // [1, -1, 2, 3, 3, -4, 5, 0]: drop the zero, n = 7; |x| = 1,1,2,3,3,4,5 -> ranks 1.5,1.5,3,4.5,4.5,6,7
    // W+ = 1.5 (the +1) + 3 + 4.5 + 4.5 + 7 = 20.5; mean = 7*8/4 = 14
    // variance = 7*8*15/24 - sum(t^3 - t)/48 = 35 - (6 + 6)/48 = 34.75
    const z = (20.5 - 14) / Math.sqrt(34.75);
    const result = wilcoxonSignedRank([0.01, -0.01, 0.02, 0.03, 0.03, -0.04, 0.05, 0]);
    expect(result.n).toBe(7);
    close(result.statistic, z);
    close(result.p, normalP(z)); // no continuity correction, not the exact p
  });

  it("zeros without ties keep the exact p on the remaining n", () => {
    // [0, 1, 2, 3] -> n = 3, W+ = 6: p = 2 * 1/8
    const result = wilcoxonSignedRank([0, 0.01, 0.02, 0.03]);
    expect(result.n).toBe(3);
    close(result.p, 0.25);
  });

  it("n > 50 uses the normal approximation", () => {
    // 1..51 with ranks 1..10 negative: W+ = 51*52/2 - 55 = 1271; mean 663; variance 51*52*103/24 = 11381.5
    const values = Array.from({ length: 51 }, (_, i) => (i < 10 ? -(i + 1) : i + 1));
    const z = (1271 - 663) / Math.sqrt((51 * 52 * 103) / 24);
    const result = wilcoxonSignedRank(values);
    close(result.statistic, z);
    close(result.p, normalP(z));
  });
});

describe("averageRanks", () => {
  it("ranks 1..n with ties sharing their average rank", () => {
    expect([...averageRanks([10, 30, 20, 20])]).toEqual([1, 4, 2.5, 2.5]);
    expect([...averageRanks([5, 5, 5])]).toEqual([2, 2, 2]);
    // 3,1,4,1,5,9,2,6,5: sorted 1,1,2,3,4,5,5,6,9 -> 1 -> 1.5, 2 -> 3, 3 -> 4, 4 -> 5, 5 -> 6.5, 6 -> 8, 9 -> 9
    expect([...averageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5])]).toEqual([4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]);
    expect([...averageRanks([-0.02, 0.01, -0.05])]).toEqual([2, 3, 1]);
    expect([...averageRanks([])]).toEqual([]);
  });

  it("property: ranks sum to n(n+1)/2 and equal 1 + #smaller + (#equal - 1)/2", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 30 }), (values) => {
        const ranks = averageRanks(values);
        const n = values.length;
        let sum = 0;
        values.forEach((v, i) => {
          const smaller = values.filter((w) => w < v).length;
          const equal = values.filter((w) => w === v).length;
          expect(ranks[i]).toBe(1 + smaller + (equal - 1) / 2);
          sum += ranks[i]!;
        });
        expect(sum).toBe((n * (n + 1)) / 2);
      }),
    );
  });
});

describe("Corrado rank test (Corrado & Zivney standardisation, unbalanced panel)", () => {
  // Firms A and B: 4 estimation days (offsets -5..-2) + event span -1..1: T = 7, U = rank/8.
  // Firm C lacks offset -5: offsets -4..1, T = 6, U = rank/7.
  const series: EventTimeSeries[] = [
    // A sorted: -0.02(-4) -0.01(-1) 0(-3) 0.01(-5) 0.02(1) 0.03(-2) 0.05(0)
    // ranks by offset -5..1: 4 1 3 6 2 7 5; U - 1/2 = 0, -3/8, -1/8, 2/8, -2/8, 3/8, 1/8
    { offsets: [-5, -4, -3, -2, -1, 0, 1], abnormalReturns: [0.01, -0.02, 0.0, 0.03, -0.01, 0.05, 0.02] },
    // B sorted: -0.03(-2) -0.02(1) -0.01(-5) 0.01(-1) 0.02(-4) 0.03(0) 0.04(-3)
    // ranks by offset -5..1: 3 5 7 1 4 6 2; U - 1/2 = -1/8, 1/8, 3/8, -3/8, 0, 2/8, -2/8
    { offsets: [-5, -4, -3, -2, -1, 0, 1], abnormalReturns: [-0.01, 0.02, 0.04, -0.03, 0.01, 0.03, -0.02] },
    // C sorted: -0.02(1) -0.01(-3) 0(-1) 0.01(-2) 0.02(-4) 0.04(0)
    // ranks by offset -4..1: 5 2 4 3 6 1; U - 1/2 = 3/14, -3/14, 1/14, -1/14, 5/14, -5/14
    { offsets: [-4, -3, -2, -1, 0, 1], abnormalReturns: [0.02, -0.01, 0.01, 0.0, 0.04, -0.02] },
  ];
  // Kbar_t = mean over the firms present at t:
  //  -5: (0 - 1/8) / 2                 = -1/16   (2 firms, not scaled by N/N_t)
  //  -4: (-3/8 + 1/8 + 3/14) / 3       = -1/84
  //  -3: (-1/8 + 3/8 - 3/14) / 3       =  1/84
  //  -2: (2/8 - 3/8 + 1/14) / 3        = -1/56
  //  -1: (-2/8 + 0 - 1/14) / 3         = -3/28
  //   0: (3/8 + 2/8 + 5/14) / 3        = 55/168
  //   1: (1/8 - 2/8 - 5/14) / 3        = -9/56
  const kbar = new Map([
    [-5, -1 / 16],
    [-4, -1 / 84],
    [-3, 1 / 84],
    [-2, -1 / 56],
    [-1, -3 / 28],
    [0, 55 / 168],
    [1, -9 / 56],
  ]);
  // S_U = sqrt(mean over the 7 offsets of Kbar^2)
  const sU = Math.sqrt([...kbar.values()].reduce((s, k) => s + k * k, 0) / 7);

  it("Kbar by offset and S_U", () => {
    const ranks = meanCentredRanks(series);
    expect([...ranks.byOffset.keys()].sort((a, b) => a - b)).toEqual([-5, -4, -3, -2, -1, 0, 1]);
    for (const [offset, value] of kbar) close(ranks.byOffset.get(offset)!, value);
    close(ranks.sd, sU);
    close(sU, 0.145894, 1e-6); // sum of squares ≈ 0.1489955, / 7, sqrt: sqrt((1/256 + 1/7056 + 1/7056 + 1/3136 + 9/784 + 3025/28224 + 81/3136) / 7)
  });

  it("single-day and multi-day statistics: sum Kbar / (sqrt(L2) S_U)", () => {
    const ranks = meanCentredRanks(series);
    const day0 = rankTest(ranks, 0, 0, 3);
    close(day0.statistic, 55 / 168 / sU);
    close(day0.p, normalP(55 / 168 / sU));
    expect(day0.n).toBe(3);
    // [-1, 1]: (-3/28 + 55/168 - 9/56) = (-18 + 55 - 27)/168 = 10/168
    const window = rankTest(ranks, -1, 1, 3);
    close(window.statistic, 10 / 168 / (Math.sqrt(3) * sU));
    // [-5, -4] includes the offset only two firms have: (-1/16 - 1/84) / (sqrt 2 S_U)
    close(rankTest(ranks, -5, -4, 3).statistic, (-1 / 16 - 1 / 84) / (Math.sqrt(2) * sU));
  });

  it("ties inside a firm's sample share the average rank", () => {
    // one firm, T = 3, ARs [0.01, 0.01, 0.02] -> ranks 1.5, 1.5, 3; U - 1/2 = 1.5/4 - 0.5 = -1/8, -1/8, 1/4
    const ranks = meanCentredRanks([{ offsets: [-2, -1, 0], abnormalReturns: [0.01, 0.01, 0.02] }]);
    close(ranks.byOffset.get(-1)!, -1 / 8);
    close(ranks.byOffset.get(0)!, 1 / 4);
    close(ranks.sd, Math.sqrt((1 / 64 + 1 / 64 + 1 / 16) / 3));
  });
});

describe("meanResidualCorrelation (Kolari-Pynnönen r)", () => {
  const d = isoDates(8, Date.UTC(2021, 0, 1)); // d[0] = 2021-01-01 .. d[7] = 2021-01-08
  // A on d0..d4, B on d1..d5, C on d3..d7 (residuals in units of 0.01 in the comments)
  const a = { dates: d.slice(0, 5), residuals: [0.01, -0.02, 0.03, 0.0, -0.01] };
  const b = { dates: d.slice(1, 6), residuals: [-0.01, 0.02, 0.01, -0.03, 0.02] };
  const c = { dates: d.slice(3, 8), residuals: [0.02, 0.01, -0.02, 0.03, 0.0] };
  // AB over d1..d4: A = [-2, 3, 0, -1] (mean 0), B = [-1, 2, 1, -3] (mean -1/4)
  //   Sxy = 2 + 6 + 0 + 3 = 11; Sxx = 14; Syy = 15 - 4/16 = 14.75; r_AB = 11 / sqrt(14 * 14.75) ≈ 0.76547
  const rAB = 11 / Math.sqrt(14 * 14.75);
  // BC over d3..d5: B = [1, -3, 2] (mean 0), C = [2, 1, -2] (mean 1/3)
  //   Sxy = 2 - 3 - 4 = -5; Sxx = 14; Syy = 9 - 3/9 = 26/3; r_BC = -5 / sqrt(14 * 26/3) ≈ -0.45392
  const rBC = -5 / Math.sqrt((14 * 26) / 3);
  // AC share only d3, d4: fewer than 3 common dates, skipped.

  it("hand values agree with a two-pass Pearson on the common dates", () => {
    close(rAB, pearson([-0.02, 0.03, 0.0, -0.01], [-0.01, 0.02, 0.01, -0.03]), 1e-12);
    close(rBC, pearson([0.01, -0.03, 0.02], [0.02, 0.01, -0.02]), 1e-12);
  });

  it("averages the pairs with at least 3 common dates", () => {
    // (0.76547 - 0.45392) / 2 ≈ 0.15578
    close(meanResidualCorrelation([a, b, c]), (rAB + rBC) / 2, 1e-12);
    close(meanResidualCorrelation([c, a, b]), (rAB + rBC) / 2, 1e-12);
    close(meanResidualCorrelation([a, b]), rAB, 1e-12);
  });

  it("NaN when no pair has 3 common dates", () => {
    expect(meanResidualCorrelation([a, c])).toBeNaN();
    expect(meanResidualCorrelation([a])).toBeNaN();
  });
});

// ---------------------------------------------------------------------------------------------------------
// crossSection end-to-end on a tiny synthetic panel
// ---------------------------------------------------------------------------------------------------------

const OPTIONS: EventStudyOptions = {
  model: "market",
  returns: "simple",
  estimationWindow: [-30, -3],
  minEstimationObservations: 10,
  eventWindows: [
    [0, 0],
    [-1, 1],
  ],
};
const DAYS = 40;
const dates = isoDates(DAYS, Date.UTC(2022, 2, 1));

/** Market N(0, 0.01); firm alpha + beta Rm + 0.02 e, with an event shock added on day 0. */
function panel(seed: number, alpha: number, beta: number, day0: number, shock: number, market: Float64Array): AlignedReturns {
  const normal = normalGenerator(seededRandom(seed));
  const firm = new Float64Array(DAYS);
  firm[0] = Number.NaN;
  for (let t = 1; t < DAYS; t++) firm[t] = alpha + beta * market[t]! + 0.02 * normal();
  firm[day0] = firm[day0]! + shock;
  return { dates, firm, market };
}

const marketNoise = normalGenerator(seededRandom(7));
const market = new Float64Array(DAYS);
market[0] = Number.NaN;
for (let t = 1; t < DAYS; t++) market[t] = 0.01 * marketNoise();

interface Firm {
  symbol: string;
  market: string;
  data: AlignedReturns;
  day0: number;
}

function sample(firm: Firm): EventSample {
  const analysis = analyseEvent(firm.symbol, firm.data, firm.day0, OPTIONS);
  return { symbol: firm.symbol, market: firm.market, analysis, estimation: estimationResiduals(firm.data, firm.day0, OPTIONS.estimationWindow, analysis) };
}

/** OLS of the firm on the market over the estimation window, written out here. */
function handFit(firm: Firm) {
  const idx: number[] = [];
  for (let t = firm.day0 - 30; t <= firm.day0 - 3; t++) idx.push(t);
  const y = idx.map((t) => firm.data.firm[t]!);
  const x = idx.map((t) => firm.data.market[t]!);
  const { n, mx, sxx, alpha, beta, residuals, s2 } = ols(y, x);
  const ar = (t: number) => firm.data.firm[t]! - alpha - beta * firm.data.market[t]!;
  // Var(CAR) = s2 (L2 + L2^2/L1 + (sum Rm - L2 mx)^2 / Sxx)
  const carVar = (from: number, to: number) => {
    const l2 = to - from + 1;
    let sm = 0;
    for (let t = from; t <= to; t++) sm += firm.data.market[t]!;
    return s2 * (l2 + (l2 * l2) / n + (sm - l2 * mx) ** 2 / sxx);
  };
  return { alpha, beta, s2, n, idx, residuals, ar, carVar };
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sd = (v: readonly number[]) => {
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
};

describe("crossSection end-to-end (3 firms, 40 days)", () => {
  const firms: Firm[] = [
    { symbol: "AAA", market: "^HSI", day0: 35, data: panel(101, 0.001, 1.2, 35, 0.05, market) },
    { symbol: "BBB", market: "^HSI", day0: 35, data: panel(202, -0.0005, 0.8, 35, 0.02, market) },
    { symbol: "CCC", market: "^HSI", day0: 36, data: panel(303, 0.0, 1.0, 36, -0.01, market) },
  ];
  const samples = firms.map(sample);
  const fits = firms.map(handFit);
  const aggregate = crossSectionOfSamples(samples, OPTIONS.eventWindows);

  it("the analyses match a hand OLS fit (sanity for the extracted inputs)", () => {
    samples.forEach((s, i) => {
      close(s.analysis.alpha, fits[i]!.alpha, 1e-9);
      close(s.analysis.beta, fits[i]!.beta, 1e-9);
      expect(s.analysis.df).toBe(26); // L1 = 28
      expect(s.estimation.residuals.length).toBe(28);
      expect([...s.estimation.offsets]).toEqual(Array.from({ length: 28 }, (_, k) => k - 30));
      expect(s.estimation.dates).toEqual(dates.slice(firms[i]!.day0 - 30, firms[i]!.day0 - 2));
      s.estimation.residuals.forEach((e, k) => close(e, fits[i]!.residuals[k]!, 1e-12));
    });
  });

  it("positiveShare is the pooled share of positive estimation residuals", () => {
    const all = fits.flatMap((f) => f.residuals);
    expect(all.length).toBe(84);
    close(aggregate.positiveShare, all.filter((e) => e > 0).length / 84);
  });

  it("meanResidualCorrelation over common calendar dates", () => {
    // AAA and BBB share dates 5..32, CCC has 6..33: pairs with CCC use the 27 common dates
    const byDate = fits.map((f, i) => new Map(f.idx.map((t, k) => [dates[t]!, f.residuals[k]!] as const)));
    const pairR = (i: number, j: number) => {
      const common = [...byDate[i]!.keys()].filter((dt) => byDate[j]!.has(dt));
      return pearson(
        common.map((dt) => byDate[i]!.get(dt)!),
        common.map((dt) => byDate[j]!.get(dt)!),
      );
    };
    const r = (pairR(0, 1) + pairR(0, 2) + pairR(1, 2)) / 3;
    close(aggregate.meanResidualCorrelation, r, 1e-10);
  });

  it("windows: CAAR, counts, BHAR and the test battery from the extracted CARs and SCARs", () => {
    expect(aggregate.windows.map((w) => [w.start, w.end])).toEqual([
      [0, 0],
      [-1, 1],
    ]);
    OPTIONS.eventWindows.forEach(([start, end], w) => {
      const window = aggregate.windows[w]!;
      // CARs from the hand fit: sum of AR_t over the window
      const cars = firms.map((f, i) => {
        let car = 0;
        for (let t = f.day0 + start; t <= f.day0 + end; t++) car += fits[i]!.ar(t);
        return car;
      });
      samples.forEach((s, i) => close(s.analysis.windows[w]!.car, cars[i]!, 1e-12));
      const scars = firms.map((f, i) => cars[i]! / Math.sqrt(fits[i]!.carVar(f.day0 + start, f.day0 + end)));
      expect(window.n).toBe(3);
      close(window.caar, mean(cars), 1e-12);
      expect(window.positive).toBe(cars.filter((c) => c > 0).length);
      expect(window.negative).toBe(cars.filter((c) => c < 0).length);

      const tests = window.tests;
      close(tests.crossSectionalT.statistic, mean(cars) / (sd(cars) / Math.sqrt(3)), 1e-9);
      close(tests.crossSectionalT.p, 2 * jStat.studentt.cdf(-Math.abs(tests.crossSectionalT.statistic), 2), 1e-9);
      // Patell: df = 26 for each firm -> variance 26/24 each
      close(tests.patell.statistic, scars.reduce((a, b) => a + b, 0) / Math.sqrt(3 * (26 / 24)), 1e-9);
      close(tests.bmp.statistic, mean(scars) / (sd(scars) / Math.sqrt(3)), 1e-9);
      const r = aggregate.meanResidualCorrelation;
      close(tests.kolariPynnonen.statistic, tests.bmp.statistic * Math.sqrt((1 - r) / (1 + 2 * r)), 1e-9);
      close(tests.kolariPynnonen.p, 2 * jStat.studentt.cdf(-Math.abs(tests.kolariPynnonen.statistic), 2), 1e-9);
      // and the standalone functions on the extracted values
      const extracted = samples.map((s) => s.analysis.windows[w]!);
      const extractedScars = extracted.map((x) => x.car / Math.sqrt(x.variance));
      expect(tests.crossSectionalT).toEqual(crossSectionalT(extracted.map((x) => x.car)));
      expect(tests.patell).toEqual(patellZ(extractedScars, [26, 26, 26]));
      expect(tests.bmp).toEqual(bmpT(extractedScars));
      expect(tests.kolariPynnonen).toEqual(kolariPynnonenT(extractedScars, r));
      expect(tests.generalizedSign).toEqual(generalizedSignZ(extracted.map((x) => x.car), aggregate.positiveShare));
      expect(tests.wilcoxon).toEqual(wilcoxonSignedRank(extracted.map((x) => x.car)));
      // BHAR: prod(1 + R) - prod(1 + alpha + beta Rm)
      const bhars = firms.map((f, i) => {
        let g1 = 1;
        let g2 = 1;
        for (let t = f.day0 + start; t <= f.day0 + end; t++) {
          g1 *= 1 + f.data.firm[t]!;
          g2 *= 1 + fits[i]!.alpha + fits[i]!.beta * f.data.market[t]!;
        }
        return g1 - g2;
      });
      close(window.bhar.mean, mean(bhars), 1e-12);
      expect(window.bhar.skewnessAdjustedT).toEqual(skewnessAdjustedT(samples.map((s) => s.analysis.windows[w]!.bhar)));
    });
  });

  /** Rank statistic from scratch: U = (1 + #smaller + (#equal-1)/2) / (T + 1) over estimation residuals + span ARs. */
  function handRank(start: number, end: number): number {
    const cells = new Map<number, number[]>();
    firms.forEach((f, i) => {
      const offsets: number[] = [];
      const values: number[] = [];
      fits[i]!.idx.forEach((t, k) => {
        offsets.push(t - f.day0);
        values.push(fits[i]!.residuals[k]!);
      });
      for (let o = -1; o <= 1; o++) {
        offsets.push(o);
        values.push(fits[i]!.ar(f.day0 + o));
      }
      const T = values.length; // 28 + 3 = 31
      values.forEach((v, k) => {
        const smaller = values.filter((w) => w < v).length;
        const equal = values.filter((w) => w === v).length;
        const u = (1 + smaller + (equal - 1) / 2) / (T + 1);
        cells.set(offsets[k]!, [...(cells.get(offsets[k]!) ?? []), u - 0.5]);
      });
    });
    const kbar = new Map([...cells].map(([o, us]) => [o, mean(us)] as const));
    expect(kbar.size).toBe(31); // offsets -30..-3 and -1..1 (-2 is in neither)
    const sU = Math.sqrt([...kbar.values()].reduce((s, k) => s + k * k, 0) / kbar.size);
    let sum = 0;
    for (let o = start; o <= end; o++) sum += kbar.get(o) ?? 0;
    return sum / (Math.sqrt(end - start + 1) * sU);
  }

  it("corradoRank on the windows and days matches a from-scratch rank statistic", () => {
    close(aggregate.windows[0]!.tests.corradoRank.statistic, handRank(0, 0), 1e-9);
    close(aggregate.windows[1]!.tests.corradoRank.statistic, handRank(-1, 1), 1e-9);
    for (const day of aggregate.days) close(day.tests.corradoRank.statistic, handRank(day.offset, day.offset), 1e-9);
    expect(aggregate.windows[0]!.tests.corradoRank.n).toBe(3);
  });

  it("days: one per offset of the span, AAR = mean AR, tests on ARs and SARs", () => {
    expect(aggregate.days.map((d) => d.offset)).toEqual([-1, 0, 1]);
    for (const day of aggregate.days) {
      const ars = firms.map((f, i) => fits[i]!.ar(f.day0 + day.offset));
      const sars = firms.map((f, i) => ars[i]! / Math.sqrt(fits[i]!.carVar(f.day0 + day.offset, f.day0 + day.offset)));
      expect(day.n).toBe(3);
      close(day.aar, mean(ars), 1e-12);
      expect(day.positive).toBe(ars.filter((x) => x > 0).length);
      expect(day.negative).toBe(ars.filter((x) => x < 0).length);
      close(day.tests.crossSectionalT.statistic, mean(ars) / (sd(ars) / Math.sqrt(3)), 1e-9);
      close(day.tests.patell.statistic, sars.reduce((a, b) => a + b, 0) / Math.sqrt(3 * (26 / 24)), 1e-9);
      close(day.tests.bmp.statistic, mean(sars) / (sd(sars) / Math.sqrt(3)), 1e-9);
      const r = aggregate.meanResidualCorrelation;
      close(day.tests.kolariPynnonen.statistic, day.tests.bmp.statistic * Math.sqrt((1 - r) / (1 + 2 * r)), 1e-9);
      expect(day.tests.generalizedSign).toEqual(generalizedSignZ(ars, aggregate.positiveShare));
      expect(day.tests.wilcoxon).toEqual(wilcoxonSignedRank(samples.map((s) => s.analysis.abnormalReturns[day.offset + 1]!.ar)));
    }
    // the one-day window [0, 0] and day 0 agree
    close(aggregate.days[1]!.tests.bmp.statistic, aggregate.windows[0]!.tests.bmp.statistic, 1e-12);
    close(aggregate.days[1]!.tests.corradoRank.statistic, aggregate.windows[0]!.tests.corradoRank.statistic, 1e-12);
  });

  it("AAA and BBB share day 0 and market: clustered, headline Kolari-Pynnönen", () => {
    expect(aggregate.clustered).toBe(true);
    expect(aggregate.clusters).toEqual([{ day0: dates[35], market: "^HSI", symbols: ["AAA", "BBB"] }]);
    expect(aggregate.headline).toBe("kolariPynnonen");
    expect(aggregate.overlaps).toEqual([]);
  });

  it("no shared day 0 + market: not clustered, headline BMP", () => {
    const apart = crossSectionOfSamples([samples[0]!, { ...samples[1]!, market: "^GSPC" }, samples[2]!], OPTIONS.eventWindows);
    expect(apart.clustered).toBe(false);
    expect(apart.clusters).toEqual([]);
    expect(apart.headline).toBe("bmp");
    // the statistics do not depend on the market label
    expect(apart.windows).toEqual(aggregate.windows);
  });
});

describe("findClusters and findOverlaps", () => {
  const data = panel(404, 0, 1, 35, 0, market);
  const at = (symbol: string, mkt: string, day0: number) => ({ symbol, market: mkt, analysis: analyseEvent(symbol, data, day0, OPTIONS) });
  /** The event keys of a list of analysed events (span days: the span's first and last date as day numbers). */
  const keys = (events: { symbol: string; market: string; analysis: { day0: string; abnormalReturns: { date: string }[] } }[]): EventKeys => {
    const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    return {
      count: events.length,
      symbol: (k) => events[k]!.symbol,
      market: (k) => events[k]!.market,
      day0: (k) => events[k]!.analysis.day0,
      spanDays: (k) => {
        const rows = events[k]!.analysis.abnormalReturns;
        return [day(rows[0]!.date), day(rows[rows.length - 1]!.date)];
      },
    };
  };

  it("groups events sharing day 0 and market, at least two per group", () => {
    const clusters = findClusters(keys([at("A", "^HSI", 35), at("B", "^HSI", 35), at("C", "^GSPC", 35), at("D", "^HSI", 36), at("E", "^HSI", 35)]));
    expect(clusters).toEqual([{ day0: dates[35], market: "^HSI", symbols: ["A", "B", "E"] }]);
    expect(findClusters(keys([at("A", "^HSI", 35), at("B", "^GSPC", 35)]))).toEqual([]);
  });

  it("flags the same symbol twice with overlapping spans", () => {
    // spans [-1, 1]: day0 35 -> dates 34..36, day0 36 -> 35..37 overlap; day0 20 -> 19..21 does not
    expect(findOverlaps(keys([at("A", "m", 35), at("A", "m", 36), at("B", "m", 20), at("B", "m", 35)]))).toEqual([{ symbol: "A", day0s: [dates[35], dates[36]] }]);
    // touching on one date (34..36 and 36..38) overlaps; 34..36 and 37..39 does not
    expect(findOverlaps(keys([at("A", "m", 35), at("A", "m", 37)]))).toEqual([{ symbol: "A", day0s: [dates[35], dates[37]] }]);
    expect(findOverlaps(keys([at("A", "m", 35), at("A", "m", 38)]))).toEqual([]);
    // different symbols on the same dates are clustering, not overlap
    expect(findOverlaps(keys([at("A", "m", 35), at("B", "m", 35)]))).toEqual([]);
  });
});
