import { bmpT, kolariPynnonenT } from "../statistics/standardizedCrossSectionalT.js";
import { crossSectionalT } from "../statistics/crossSectionalT.js";
import { generalizedSignZ } from "../statistics/generalizedSign.js";
import { patellZ } from "../statistics/patell.js";
import { meanCentredRanks, rankTest, type EventTimeSeries } from "../statistics/rankTest.js";
import { meanResidualCorrelation } from "../statistics/residualCorrelation.js";
import { skewnessAdjustedT } from "../statistics/skewnessAdjustedT.js";
import type { TestResult } from "../statistics/testResult.js";
import { wilcoxonSignedRank } from "../statistics/wilcoxon.js";
import type { EstimationResiduals, EventAnalysis } from "./eventStudy.js";

/** An analysed event with what the cross-firm tests need beyond its JSON result. */
export interface EventSample {
  symbol: string;
  market: string;
  analysis: EventAnalysis;
  estimation: EstimationResiduals;
}

export interface TestBattery {
  crossSectionalT: TestResult;
  patell: TestResult;
  bmp: TestResult;
  kolariPynnonen: TestResult;
  corradoRank: TestResult;
  generalizedSign: TestResult;
  wilcoxon: TestResult;
}

export type TestName = keyof TestBattery;

export interface WindowAggregate {
  start: number;
  end: number;
  n: number;
  caar: number;
  positive: number;
  negative: number;
  bhar: { mean: number; skewnessAdjustedT: TestResult };
  tests: TestBattery;
}

export interface DayAggregate {
  offset: number;
  n: number;
  aar: number;
  positive: number;
  negative: number;
  tests: TestBattery;
}

export interface Cluster {
  day0: string;
  market: string;
  symbols: string[];
}

export interface OverlappingEvents {
  symbol: string;
  day0s: string[];
}

export interface Aggregate {
  windows: WindowAggregate[];
  days: DayAggregate[];
  /** True when at least two events share day 0 and market. */
  clustered: boolean;
  clusters: Cluster[];
  /** Firms studied more than once with overlapping event spans. */
  overlaps: OverlappingEvents[];
  /** Kolari-Pynnönen `r`: mean pairwise correlation of estimation-window residuals. */
  meanResidualCorrelation: number;
  /** Cowan's `p_hat`: share of positive abnormal returns over all estimation windows. */
  positiveShare: number;
  /** The test to read first: Kolari-Pynnönen when events cluster, BMP otherwise. */
  headline: TestName;
}

interface CrossSection {
  values: number[];
  standardized: number[];
  dfs: number[];
}

/**
 * Cross-firm statistics (DESIGN section 6) for every event window and every day of the event span:
 * CAAR/AAR with the cross-sectional t (Brown & Warner 1985), Patell (1976) Z, BMP (Boehmer, Musumeci &
 * Poulsen 1991) t, its Kolari & Pynnönen (2010) clustering adjustment, the Corrado (1989) rank test with
 * Corrado & Zivney's (1992) standardisation and Cowan's (1992) window extension, Cowan's generalized
 * sign test and the Wilcoxon signed-rank test; for windows also the mean BHAR with Lyon, Barber & Tsai's
 * (1999) skewness-adjusted t. All events must share the event windows.
 */
export function crossSection(samples: readonly EventSample[], eventWindows: readonly (readonly [number, number])[]): Aggregate {
  const r = meanResidualCorrelation(samples.map((s) => ({ dates: s.estimation.dates, residuals: s.estimation.residuals })));
  const ranks = meanCentredRanks(samples.map(eventTimeSeries));
  let positives = 0;
  let total = 0;
  for (const sample of samples) {
    for (const residual of sample.estimation.residuals) if (residual > 0) positives++;
    total += sample.estimation.residuals.length;
  }
  const positiveShare = positives / total;
  const battery = (section: CrossSection, start: number, end: number): TestBattery => ({
    crossSectionalT: crossSectionalT(section.values),
    patell: patellZ(section.standardized, section.dfs),
    bmp: bmpT(section.standardized),
    kolariPynnonen: kolariPynnonenT(section.standardized, Number.isNaN(r) ? 0 : r),
    corradoRank: rankTest(ranks, start, end, section.values.length),
    generalizedSign: generalizedSignZ(section.values, positiveShare),
    wilcoxon: wilcoxonSignedRank(section.values),
  });

  const windows = eventWindows.map(([start, end], w): WindowAggregate => {
    const section: CrossSection = { values: [], standardized: [], dfs: [] };
    const bhars: number[] = [];
    for (const { analysis } of samples) {
      const window = analysis.windows[w]!;
      section.values.push(window.car);
      section.standardized.push(window.car / Math.sqrt(window.variance));
      section.dfs.push(analysis.df);
      bhars.push(window.bhar);
    }
    return {
      start,
      end,
      ...summary(section.values),
      caar: mean(section.values),
      bhar: { mean: mean(bhars), skewnessAdjustedT: skewnessAdjustedT(bhars) },
      tests: battery(section, start, end),
    };
  });

  const spanStart = Math.min(...eventWindows.map(([start]) => start));
  const spanEnd = Math.max(...eventWindows.map(([, end]) => end));
  const days: DayAggregate[] = [];
  for (let offset = spanStart; offset <= spanEnd; offset++) {
    const section: CrossSection = { values: [], standardized: [], dfs: [] };
    for (const { analysis } of samples) {
      const row = analysis.abnormalReturns[offset - spanStart]!;
      section.values.push(row.ar);
      section.standardized.push(row.sar);
      section.dfs.push(analysis.df);
    }
    days.push({ offset, ...summary(section.values), aar: mean(section.values), tests: battery(section, offset, offset) });
  }

  const clusters = findClusters(samples);
  return {
    windows,
    days,
    clustered: clusters.length > 0,
    clusters,
    overlaps: findOverlaps(samples),
    meanResidualCorrelation: r,
    positiveShare,
    headline: clusters.length > 0 ? "kolariPynnonen" : "bmp",
  };
}

function eventTimeSeries(sample: EventSample): EventTimeSeries {
  const { estimation, analysis } = sample;
  const n = estimation.residuals.length + analysis.abnormalReturns.length;
  const offsets = new Int32Array(n);
  const abnormalReturns = new Float64Array(n);
  offsets.set(estimation.offsets);
  abnormalReturns.set(estimation.residuals);
  analysis.abnormalReturns.forEach((row, k) => {
    offsets[estimation.residuals.length + k] = row.offset;
    abnormalReturns[estimation.residuals.length + k] = row.ar;
  });
  return { offsets, abnormalReturns };
}

function summary(values: readonly number[]): { n: number; positive: number; negative: number } {
  return { n: values.length, positive: values.filter((v) => v > 0).length, negative: values.filter((v) => v < 0).length };
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Groups of at least two events that share day 0 and market (event-date clustering). */
export function findClusters(samples: readonly Pick<EventSample, "symbol" | "market" | "analysis">[]): Cluster[] {
  const groups = new Map<string, Cluster>();
  for (const { symbol, market, analysis } of samples) {
    const key = `${analysis.day0}\u0000${market}`;
    const group = groups.get(key) ?? { day0: analysis.day0, market, symbols: [] };
    group.symbols.push(symbol);
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.symbols.length > 1);
}

/** Firms whose event spans (first to last abnormal-return date) overlap between two of their events. */
export function findOverlaps(samples: readonly Pick<EventSample, "symbol" | "analysis">[]): OverlappingEvents[] {
  const bySymbol = new Map<string, EventAnalysis[]>();
  for (const { symbol, analysis } of samples) bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), analysis]);
  const overlaps: OverlappingEvents[] = [];
  for (const [symbol, analyses] of bySymbol) {
    const spans = analyses.map((a) => ({ day0: a.day0, first: a.abnormalReturns[0]!.date, last: a.abnormalReturns[a.abnormalReturns.length - 1]!.date }));
    const involved = new Set<string>();
    spans.forEach((a, i) =>
      spans.slice(i + 1).forEach((b) => {
        if (a.first <= b.last && b.first <= a.last) involved.add(a.day0).add(b.day0);
      }),
    );
    if (involved.size > 0) overlaps.push({ symbol, day0s: [...involved].sort() });
  }
  return overlaps;
}
