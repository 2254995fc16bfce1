import { bmpT, kolariPynnonenT } from "../statistics/standardizedCrossSectionalT.js";
import { crossSectionalT } from "../statistics/crossSectionalT.js";
import { generalizedSignZ } from "../statistics/generalizedSign.js";
import { GrankAccumulator } from "../statistics/grankT.js";
import { adjustedPatellZ, patellZ } from "../statistics/patell.js";
import { CentredRankAccumulator, rankTest } from "../statistics/rankTest.js";
import { meanResidualCorrelationOf } from "../statistics/residualCorrelation.js";
import { skewnessAdjustedT } from "../statistics/skewnessAdjustedT.js";
import { wilcoxonSignedRank } from "../statistics/wilcoxon.js";
import { estimationRange } from "../engine/eventWindows.js";
import { residualAt, type PreparedFirm } from "../engine/eventBatch.js";
import type { BatchLayout, EventColumns } from "../engine/eventColumns.js";
import type { Aggregate, Cluster, DayAggregate, OverlappingEvents, TestBattery, WindowAggregate } from "./studyResult.js";

export type { Aggregate, Cluster, DayAggregate, OverlappingEvents, TestBattery, TestName, WindowAggregate } from "./studyResult.js";

/** What the cross-firm tests read of `count` analysed events that share their event windows. */
export interface CrossSectionInput extends Omit<BatchLayout, "betaCount"> {
  /** Per event and window (`k * windows.length + w`). */
  car: ArrayLike<number>;
  variance: ArrayLike<number>;
  bhar: ArrayLike<number>;
  /** Cumulative abnormal log volume (NaN without volume data). */
  cav: ArrayLike<number>;
  /** Per event and day of the span (`k * spanLength + i`). */
  ar: ArrayLike<number>;
  sar: ArrayLike<number>;
  /** Per event: the model's residual variance `s^2` and degrees of freedom. */
  s2: ArrayLike<number>;
  df: ArrayLike<number>;
  symbol(k: number): string;
  market(k: number): string;
  day0(k: number): string;
  /** Day numbers (days since 1970-01-01) of the first and last day of the event span. */
  spanDays(k: number): [number, number];
  /** Estimation-window residuals with their day numbers and offsets. */
  estimation(k: number): { days: ArrayLike<number>; offsets: ArrayLike<number>; residuals: ArrayLike<number> };
}

/** Pairs of firms beyond which the residual correlation `r` is estimated from a fixed sample of pairs. */
export const MAX_CORRELATION_PAIRS = 20_000;

/**
 * Cross-firm statistics (DESIGN section 6) for every event window and every day of the event span:
 * CAAR/AAR with the cross-sectional t (Brown & Warner 1985), Patell (1976) Z, BMP (Boehmer, Musumeci &
 * Poulsen 1991) t, its Kolari & Pynnönen (2010) clustering adjustment, the Corrado (1989) rank test with
 * Corrado & Zivney's (1992) standardisation and Cowan's (1992) window extension, Kolari & Pynnönen's (2010)
 * adjusted Patell Z, their (2011) GRANK-T, Cowan's generalized sign test and the Wilcoxon signed-rank test; for windows also the mean BHAR with Lyon, Barber & Tsai's
 * (1999) skewness-adjusted t.
 */
export function crossSectionOf(input: CrossSectionInput): Aggregate {
  const { count, windows: eventWindows, spanStart, spanLength } = input;
  const r = meanResidualCorrelationOf(count, (k) => {
    const estimation = input.estimation(k);
    return { dates: estimation.days, residuals: estimation.residuals };
  }, MAX_CORRELATION_PAIRS);
  const [firstOffset] = input.estimationWindow;
  const ranks = new CentredRankAccumulator(firstOffset, spanStart + spanLength - 1);
  const estimationLength = input.estimationWindow[1] - firstOffset + 1;
  const windowCount = eventWindows.length;
  const grankScars = grankStandardizedScars(input);
  const grank = new GrankAccumulator(firstOffset, input.estimationWindow[1], windowCount + spanLength);
  const scarStars = new Float64Array(windowCount + spanLength);
  const offsets = new Int32Array(estimationLength + spanLength);
  const abnormalReturns = new Float64Array(estimationLength + spanLength);
  let positives = 0;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const estimation = input.estimation(k);
    const n = estimation.residuals.length;
    offsets.set(estimation.offsets);
    abnormalReturns.set(estimation.residuals);
    for (let i = 0; i < n; i++) if (estimation.residuals[i]! > 0) positives++;
    for (let i = 0; i < spanLength; i++) {
      offsets[n + i] = spanStart + i;
      abnormalReturns[n + i] = input.ar[k * spanLength + i]!;
    }
    ranks.add({ offsets: offsets.subarray(0, n + spanLength), abnormalReturns: abnormalReturns.subarray(0, n + spanLength) });
    total += n;
    const s = Math.sqrt(input.s2[k]!);
    for (let i = 0; i < n; i++) abnormalReturns[i] = estimation.residuals[i]! / s;
    for (let test = 0; test < scarStars.length; test++) scarStars[test] = grankScars.scar(k, test) / grankScars.sd[test]!;
    grank.add(estimation.offsets, abnormalReturns.subarray(0, n), scarStars);
  }
  const centredRanks = ranks.result();
  const positiveShare = positives / total;
  const df = Array.from(input.df);
  const battery = (values: number[], standardized: number[], start: number, end: number, test: number): TestBattery => ({
    crossSectionalT: crossSectionalT(values),
    patell: patellZ(standardized, df),
    adjustedPatell: adjustedPatellZ(standardized, df, r),
    bmp: bmpT(standardized),
    kolariPynnonen: kolariPynnonenT(standardized, r),
    corradoRank: rankTest(centredRanks, start, end, values.length),
    grank: grank.result(test),
    generalizedSign: generalizedSignZ(values, positiveShare),
    wilcoxon: wilcoxonSignedRank(values),
  });

  const windows = eventWindows.map(([start, end], w): WindowAggregate => {
    const cars: number[] = [];
    const scars: number[] = [];
    const bhars: number[] = [];
    const cavs: number[] = [];
    for (let k = 0; k < count; k++) {
      const cell = k * windowCount + w;
      cars.push(input.car[cell]!);
      scars.push(input.car[cell]! / Math.sqrt(input.variance[cell]!));
      bhars.push(input.bhar[cell]!);
      if (!Number.isNaN(input.cav[cell]!)) cavs.push(input.cav[cell]!);
    }
    return {
      start,
      end,
      ...summary(cars),
      caar: mean(cars),
      bhar: { mean: mean(bhars), skewnessAdjustedT: skewnessAdjustedT(bhars) },
      volume: { meanCav: mean(cavs), crossSectionalT: crossSectionalT(cavs) },
      tests: battery(cars, scars, start, end, w),
    };
  });

  const days: DayAggregate[] = [];
  for (let i = 0; i < spanLength; i++) {
    const ars: number[] = [];
    const sars: number[] = [];
    for (let k = 0; k < count; k++) {
      ars.push(input.ar[k * spanLength + i]!);
      sars.push(input.sar[k * spanLength + i]!);
    }
    const offset = spanStart + i;
    days.push({ offset, ...summary(ars), aar: mean(ars), tests: battery(ars, sars, offset, offset, windowCount + i) });
  }

  const clusters = findClusters(input);
  return {
    windows,
    days,
    clustered: clusters.length > 0,
    clusters,
    overlaps: findOverlaps(input),
    meanResidualCorrelation: r,
    positiveShare,
    headline: clusters.length > 0 ? "kolariPynnonen" : "bmp",
  };
}

/**
 * GRANK-T's event-day inputs: per event and test (the windows, then the span's days), the standardized CAR
 * `CAR/sqrt(Var(CAR))` (for a day, the prediction-error-corrected SAR), and per test the cross-sectional sd (n-1).
 */
function grankStandardizedScars(input: CrossSectionInput): { scar(k: number, test: number): number; sd: Float64Array } {
  const windowCount = input.windows.length;
  const scar = (k: number, test: number) =>
    test < windowCount
      ? input.car[k * windowCount + test]! / Math.sqrt(input.variance[k * windowCount + test]!)
      : input.sar[k * input.spanLength + test - windowCount]!;
  const tests = windowCount + input.spanLength;
  const sums = new Float64Array(tests);
  for (let k = 0; k < input.count; k++) for (let test = 0; test < tests; test++) sums[test]! += scar(k, test);
  const squares = new Float64Array(tests);
  for (let k = 0; k < input.count; k++) {
    for (let test = 0; test < tests; test++) {
      const deviation = scar(k, test) - sums[test]! / input.count;
      squares[test]! += deviation * deviation;
    }
  }
  return { scar, sd: squares.map((sum) => Math.sqrt(sum / (input.count - 1))) };
}


/** The cross-firm input of a batch of events analysed by `analyseEvents` (residuals computed on demand). */
export function columnsCrossSectionInput(firms: readonly PreparedFirm[], columns: EventColumns): CrossSectionInput {
  const firmOf = (k: number) => firms[columns.firm[k]!]!;
  return {
    ...columns,
    symbol: (k) => firmOf(k).symbol,
    market: (k) => firmOf(k).market,
    day0: (k) => firmOf(k).returns.dates[columns.day0[k]!]!,
    spanDays: (k) => {
      const day0 = columns.day0[k]!;
      const days = firmOf(k).dayNumbers;
      return [days[day0 + columns.spanStart]!, days[day0 + columns.spanStart + columns.spanLength - 1]!];
    },
    estimation: (k) => {
      const firm = firmOf(k);
      const day0 = columns.day0[k]!;
      const [first, last] = estimationRange(day0, columns.estimationWindow);
      const n = last - first + 1;
      const offsets = new Int32Array(n);
      const residuals = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        offsets[i] = first + i - day0;
        residuals[i] = residualAt(columns, k, firm, first + i);
      }
      return { days: firm.dayNumbers.subarray(first, last + 1), offsets, residuals };
    },
  };
}

function summary(values: readonly number[]): { n: number; positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  for (const v of values) {
    if (v > 0) positive++;
    else if (v < 0) negative++;
  }
  return { n: values.length, positive, negative };
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** What clustering and overlap detection read of each event. */
export type EventKeys = Pick<CrossSectionInput, "count" | "symbol" | "market" | "day0" | "spanDays">;

/** Groups of at least two events that share day 0 and market (event-date clustering). */
export function findClusters(events: EventKeys): Cluster[] {
  const groups = new Map<string, Cluster>();
  for (let k = 0; k < events.count; k++) {
    const day0 = events.day0(k);
    const market = events.market(k);
    const key = `${day0}\u0000${market}`;
    const group = groups.get(key) ?? { day0, market, symbols: [] };
    group.symbols.push(events.symbol(k));
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.symbols.length > 1);
}

/**
 * Firms studied more than once whose event spans overlap. Sorted by first day, event `i` overlaps an
 * earlier one when it starts before the latest end so far, and a later one when it ends on or after the
 * next start.
 */
export function findOverlaps(events: EventKeys): OverlappingEvents[] {
  const bySymbol = new Map<string, number[]>();
  for (let k = 0; k < events.count; k++) {
    const symbol = events.symbol(k);
    const list = bySymbol.get(symbol);
    if (list === undefined) bySymbol.set(symbol, [k]);
    else list.push(k);
  }
  const overlaps: OverlappingEvents[] = [];
  for (const [symbol, list] of bySymbol) {
    if (list.length < 2) continue;
    const spans = list.map((k) => ({ k, days: events.spanDays(k) })).sort((a, b) => a.days[0] - b.days[0]);
    const involved = new Set<string>();
    let latestEnd = Number.NEGATIVE_INFINITY;
    spans.forEach(({ k, days: [first, last] }, i) => {
      const next = spans[i + 1];
      if (first <= latestEnd || (next !== undefined && last >= next.days[0])) involved.add(events.day0(k));
      latestEnd = Math.max(latestEnd, last);
    });
    if (involved.size > 0) overlaps.push({ symbol, day0s: [...involved].sort() });
  }
  return overlaps;
}
