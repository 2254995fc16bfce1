import type { TestName } from "../../src/study/crossSection.js";
import type { EventSample } from "./eventStudy.js";
import { twoSidedNormal, twoSidedT } from "./pValues.js";

/*
 * The reference cross-firm battery (DESIGN section 6 and 9), written from the papers independently of src/statistics
 * and src/study/crossSection.ts: arrays of objects, every pair of events for the residual correlation, each ranking
 * done afresh by sorting, p-values from jStat. The product (`crossSectionOf` over the batch's columns) must equal it
 * (tests/batchEngine.test.ts). Quadratic in the number of events: for tests only.
 */

/** A test's statistic, two-sided p-value and the number of events it used. */
export interface ReferenceTest {
  statistic: number;
  p: number;
  n: number;
}

export interface ReferenceCrossSection {
  meanResidualCorrelation: number;
  positiveShare: number;
  windows: { start: number; end: number; caar: number; tests: Record<TestName, ReferenceTest> }[];
  days: { offset: number; aar: number; tests: Record<TestName, ReferenceTest> }[];
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const sampleSd = (values: readonly number[]) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
};

/** Ranks 1..n of `values`, ties given the mean of the ranks they span. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

/** Appends `value` to the list of `key`. */
function append<K>(lists: Map<K, number[]>, key: K, value: number): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}

/** Pearson correlation of two events' estimation residuals over their common dates (NaN below 3 common dates). */
function pairCorrelation(a: EventSample["estimation"], b: EventSample["estimation"]): number {
  const byDate = new Map(a.dates.map((date, i) => [date, a.residuals[i]!] as const));
  const x: number[] = [];
  const y: number[] = [];
  b.dates.forEach((date, j) => {
    if (byDate.has(date)) {
      x.push(byDate.get(date)!);
      y.push(b.residuals[j]!);
    }
  });
  if (x.length < 3) return Number.NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i]! - my);
    sxx += (xi - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  });
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/** Kolari & Pynnönen (2010), Rev. Financ. Stud. 23(11), section 2: `r`, the mean correlation over every pair of events. */
function meanResidualCorrelation(samples: readonly EventSample[]): number {
  const correlations: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    for (let j = i + 1; j < samples.length; j++) {
      const r = pairCorrelation(samples[i]!.estimation, samples[j]!.estimation);
      if (!Number.isNaN(r)) correlations.push(r);
    }
  }
  return correlations.length === 0 ? Number.NaN : mean(correlations);
}

/**
 * Corrado (1989) rank test with Corrado & Zivney's (1992) standardisation and Cowan's (1992) window sum: each event's
 * estimation residuals and span ARs ranked together, `U = rank/(T_i + 1) - 1/2`, `Kbar_t` their mean by offset,
 * `S_U = sqrt(mean_t Kbar_t^2)`, statistic `sum_{window} Kbar_t / (sqrt(L2) S_U)`, standard normal.
 */
function corradoRank(samples: readonly EventSample[], start: number, end: number): ReferenceTest {
  const byOffset = new Map<number, number[]>();
  for (const { estimation, analysis } of samples) {
    const offsets = [...estimation.offsets, ...analysis.abnormalReturns.map((row) => row.offset)];
    const values = [...estimation.residuals, ...analysis.abnormalReturns.map((row) => row.ar)];
    averageRanks(values).forEach((rank, i) => append(byOffset, offsets[i]!, rank / (values.length + 1) - 0.5));
  }
  const kbar = new Map([...byOffset].map(([offset, us]) => [offset, mean(us)] as const));
  const su = Math.sqrt(mean([...kbar.values()].map((k) => k * k)));
  let sum = 0;
  for (let offset = start; offset <= end; offset++) sum += kbar.get(offset) ?? 0;
  const statistic = sum / (Math.sqrt(end - start + 1) * su);
  return { statistic, p: twoSidedNormal(statistic), n: samples.length };
}

/**
 * Kolari & Pynnönen (2011) GRANK-T, J. Empir. Finance 18(5): per event the standardized estimation residuals
 * `e/s` and the event's `SCAR / sd(SCAR)` ranked together (`T_i = L1_i + 1` values), `U = rank/(T_i + 1) - 1/2`;
 * `S_U^2 = (1/T) sum_t (n_t/N) Ubar_t^2` over the estimation offsets and the event day, `T = max T_i`,
 * `Z = Ubar_event / S_U`, `t = Z sqrt((T-2)/(T-1-Z^2))`, Student t with T-2 df.
 */
function grank(samples: readonly EventSample[], scars: readonly number[]): ReferenceTest {
  const n = samples.length;
  const sdScar = sampleSd(scars);
  const byLabel = new Map<string, number[]>();
  let longest = 0;
  samples.forEach(({ estimation, analysis }, k) => {
    const values = [...Array.from(estimation.residuals, (e) => e / analysis.sigma), scars[k]! / sdScar];
    const labels = [...Array.from(estimation.offsets, String), "event"];
    longest = Math.max(longest, values.length);
    averageRanks(values).forEach((rank, i) => append(byLabel, labels[i]!, rank / (values.length + 1) - 0.5));
  });
  let su2 = 0;
  for (const us of byLabel.values()) su2 += (us.length / n) * mean(us) ** 2;
  const z = mean(byLabel.get("event")!) / Math.sqrt(su2 / longest);
  if (!(longest - 1 - z * z > 0)) return { statistic: Number.NaN, p: Number.NaN, n };
  const statistic = z * Math.sqrt((longest - 2) / (longest - 1 - z * z));
  return { statistic, p: twoSidedT(statistic, longest - 2), n };
}

/**
 * Wilcoxon (1945) signed-rank test: zeros dropped, `|x|` ranked with ties averaged, `W+` the positive ones' rank sum,
 * `z = (W+ - n(n+1)/4) / sqrt(n(n+1)(2n+1)/24 - sum(t^3 - t)/48)`; p exact (sign patterns counted rank by rank) for
 * n <= 50 without ties, else normal.
 */
function wilcoxon(values: readonly number[]): ReferenceTest {
  const nonZero = values.filter((x) => x !== 0);
  const n = nonZero.length;
  const ranks = averageRanks(nonZero.map(Math.abs));
  const wPlus = ranks.reduce((sum, rank, i) => sum + (nonZero[i]! > 0 ? rank : 0), 0);
  const tieSizes = new Map<number, number>();
  for (const rank of ranks) tieSizes.set(rank, (tieSizes.get(rank) ?? 0) + 1);
  const ties = [...tieSizes.values()].reduce((sum, t) => sum + t ** 3 - t, 0);
  const statistic = (wPlus - (n * (n + 1)) / 4) / Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - ties / 48);
  if (ties > 0 || n > 50) return { statistic, p: twoSidedNormal(statistic), n };
  // patterns[s]: the sign patterns of ranks 1..r whose positive ranks sum to s.
  let patterns = [1];
  for (let rank = 1; rank <= n; rank++) patterns = Array.from({ length: patterns.length + rank }, (_, s) => (patterns[s] ?? 0) + (patterns[s - rank] ?? 0));
  const atMost = patterns.reduce((sum, count, s) => sum + (s <= wPlus ? count : 0), 0);
  const atLeast = patterns.reduce((sum, count, s) => sum + (s >= wPlus ? count : 0), 0);
  return { statistic, p: Math.min(1, (2 * Math.min(atMost, atLeast)) / 2 ** n), n };
}

/**
 * The cross-firm battery of a window or a day, from each event's CAR (or AR) and its standardized value:
 * Brown & Warner (1985) cross-sectional t; Patell (1976) Z with `Var(SCAR_i) = df_i/(df_i - 2)`; Kolari & Pynnönen's
 * (2010) adjusted Patell `Z sqrt(1/(1 + (N-1) r))`; Boehmer, Musumeci & Poulsen (1991) t; its Kolari & Pynnönen (2010)
 * adjustment `t sqrt((1-r)/(1 + (N-1) r))`; the rank tests above; Cowan's (1992) generalized sign test
 * `(w - N p) / sqrt(N p (1-p))`; the Wilcoxon test.
 */
function battery(samples: readonly EventSample[], values: readonly number[], scars: readonly number[], start: number, end: number, r: number, positiveShare: number): Record<TestName, ReferenceTest> {
  const n = values.length;
  const t = (statistic: number): ReferenceTest => ({ statistic, p: twoSidedT(statistic, n - 1), n });
  const z = (statistic: number): ReferenceTest => ({ statistic, p: twoSidedNormal(statistic), n });
  const patell = scars.reduce((sum, s) => sum + s, 0) / Math.sqrt(samples.reduce((sum, s) => sum + s.analysis.df / (s.analysis.df - 2), 0));
  const bmp = mean(scars) / (sampleSd(scars) / Math.sqrt(n));
  const positives = values.filter((v) => v > 0).length;
  return {
    crossSectionalT: t(mean(values) / (sampleSd(values) / Math.sqrt(n))),
    patell: z(patell),
    adjustedPatell: z(patell * Math.sqrt(1 / (1 + (n - 1) * r))),
    bmp: t(bmp),
    kolariPynnonen: t(bmp * Math.sqrt((1 - r) / (1 + (n - 1) * r))),
    corradoRank: corradoRank(samples, start, end),
    grank: grank(samples, scars),
    generalizedSign: z((positives - n * positiveShare) / Math.sqrt(n * positiveShare * (1 - positiveShare))),
    wilcoxon: wilcoxon(values),
  };
}

/** The cross-firm statistics of analysed events that share `eventWindows` (at least two events). */
export function referenceCrossSection(samples: readonly EventSample[], eventWindows: readonly (readonly [number, number])[]): ReferenceCrossSection {
  const r = meanResidualCorrelation(samples);
  const residuals = samples.flatMap((s) => Array.from(s.estimation.residuals));
  const positiveShare = residuals.filter((e) => e > 0).length / residuals.length;
  const windows = eventWindows.map(([start, end], w) => {
    const cars = samples.map((s) => s.analysis.windows[w]!.car);
    const scars = samples.map((s) => s.analysis.windows[w]!.car / Math.sqrt(s.analysis.windows[w]!.variance));
    return { start, end, caar: mean(cars), tests: battery(samples, cars, scars, start, end, r, positiveShare) };
  });
  const days = samples[0]!.analysis.abnormalReturns.map(({ offset }, i) => {
    const ars = samples.map((s) => s.analysis.abnormalReturns[i]!.ar);
    const sars = samples.map((s) => s.analysis.abnormalReturns[i]!.sar);
    return { offset, aar: mean(ars), tests: battery(samples, ars, sars, offset, offset, r, positiveShare) };
  });
  return { meanResidualCorrelation: r, positiveShare, windows, days };
}
