import { dayNumber } from "../../src/calendar/dayNumber.js";
import { crossSectionOf, type Aggregate } from "../../src/study/crossSection.js";
import type { EventSample } from "../reference/eventStudy.js";

/** The product's cross-firm statistics (`crossSectionOf`) of analysed event objects that share `eventWindows`. */
export function crossSectionOfSamples(samples: readonly EventSample[], eventWindows: readonly (readonly [number, number])[]): Aggregate {
  let firstOffset = Number.POSITIVE_INFINITY;
  let lastOffset = Number.NEGATIVE_INFINITY;
  for (const { estimation } of samples) {
    firstOffset = Math.min(firstOffset, estimation.offsets[0]!);
    lastOffset = Math.max(lastOffset, estimation.offsets[estimation.offsets.length - 1]!);
  }
  const first = samples[0]!.analysis.abnormalReturns;
  const estimations = samples.map((s) => ({ days: s.estimation.dates.map(dayNumber), offsets: s.estimation.offsets, residuals: s.estimation.residuals }));
  return crossSectionOf({
    count: samples.length,
    estimationWindow: [firstOffset, lastOffset],
    windows: eventWindows,
    spanStart: first[0]!.offset,
    spanLength: first.length,
    car: samples.flatMap((s) => s.analysis.windows.map((w) => w.car)),
    variance: samples.flatMap((s) => s.analysis.windows.map((w) => w.variance)),
    bhar: samples.flatMap((s) => s.analysis.windows.map((w) => w.bhar)),
    cav: samples.flatMap((s) => s.analysis.windows.map((w) => w.volume.cav)),
    ar: samples.flatMap((s) => s.analysis.abnormalReturns.map((row) => row.ar)),
    sar: samples.flatMap((s) => s.analysis.abnormalReturns.map((row) => row.sar)),
    s2: samples.map((s) => s.analysis.sigma ** 2),
    df: samples.map((s) => s.analysis.df),
    symbol: (k) => samples[k]!.symbol,
    market: (k) => samples[k]!.market,
    day0: (k) => samples[k]!.analysis.day0,
    spanDays: (k) => {
      const rows = samples[k]!.analysis.abnormalReturns;
      return [dayNumber(rows[0]!.date), dayNumber(rows[rows.length - 1]!.date)];
    },
    estimation: (k) => estimations[k]!,
  });
}
