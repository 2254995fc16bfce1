import { num, pct, pval, slopesText } from "../format.js";
import type { Aggregate, TestName } from "../study/crossSection.js";
import type { EventResult, StudyResult } from "../study/studyResult.js";

/**
 * What every rendering of a study shows (the terminal text and the HTML report), formatted once so the two
 * cannot drift: per event its announcement, model and estimation facts, abnormal returns by day and windows;
 * for several events the events table, the cross-firm tests by window and the AAR by day. Each table is a
 * header and rows of formatted cells; the renderers lay them out.
 */
export interface ViewTable {
  header: string[];
  rows: string[][];
}

export const TEST_LABELS: Record<TestName, string> = {
  crossSectionalT: "cross-sectional t",
  patell: "Patell Z",
  adjustedPatell: "adjusted Patell Z",
  bmp: "BMP t",
  kolariPynnonen: "Kolari-Pynnonen t",
  corradoRank: "Corrado rank",
  grank: "GRANK-T",
  generalizedSign: "generalized sign Z",
  wilcoxon: "Wilcoxon signed-rank",
};

/** The label of a window: "[-1, 1]". */
export function windowLabel(start: number, end: number): string {
  return `[${start}, ${end}]`;
}

/** The announcement as given: date, then time and time zone when known. */
export function announcedText(event: EventResult): string {
  const a = event.announcement;
  return [a.date, a.time, a.timezone].filter(Boolean).join(" ");
}

/** One event's facts: its title, the fitted model and the estimation window. */
export function eventFacts(event: EventResult): { title: string; model: string; estimation: string } {
  return {
    title: `${event.symbol} vs ${event.market}, day 0 = ${event.day0}`,
    model: `${event.model}: alpha ${event.alpha.toExponential(3)}, ${slopesText(event)}, sigma ${num(event.sigma * 100)}% per day`,
    estimation: `${event.nEstimation} days, ${event.estimation.start} to ${event.estimation.end}, ${event.df} df`,
  };
}

/** One event's abnormal returns, a row per day of the event span, with the CAR from the span's first day. */
export function abnormalReturnsView(event: EventResult): ViewTable {
  return {
    header: ["day", "date", "return", "market", "AR", "SAR", "CAR from first day"],
    rows: event.abnormalReturns.map((r, k) => [String(r.offset), r.date, pct(r.ret), pct(r.marketRet), pct(r.ar), num(r.sar), pct(event.carPath[k]?.car ?? null)]),
  };
}

/** One event's windows: CAR with its t and p, the SQ test, BHAR, abnormal volatility and volume. */
export function windowsView(event: EventResult): ViewTable {
  return {
    header: ["window", "dates", "CAR", "t", "p", "SQ p", "SQ quantile", "BHAR", "volatility ratio", "volatility p", "CAV", "CAV t", "CAV p"],
    rows: event.windows.map((w) => [
      windowLabel(w.start, w.end),
      w.startDate === w.endDate ? w.startDate : `${w.startDate} to ${w.endDate}`,
      pct(w.car),
      num(w.t),
      pval(w.p),
      pval(w.sq.p),
      num(w.sq.quantile, 3),
      pct(w.bhar),
      num(w.volatility.ratio),
      pval(w.volatility.p),
      num(w.volume.cav, 3),
      num(w.volume.t),
      pval(w.volume.p),
    ]),
  };
}

/** A row per event of a multi-firm study: its catalog id, symbol, market, day 0, beta and each window's CAR (t). */
export function eventsView(eventWindows: StudyResult["eventWindows"], events: readonly EventResult[]): ViewTable {
  return {
    header: ["event", "symbol", "market", "day 0", "beta", ...eventWindows.map(([s, e]) => `CAR${windowLabel(s, e)} (t)`)],
    rows: events.map((event) => [event.catalogId ?? "", event.symbol, event.market, event.day0, num(event.beta, 2), ...event.windows.map((w) => `${pct(w.car)} (${num(w.t)})`)]),
  };
}

/** The cross-firm tests by window: N, CAAR, signs, each test's statistic (p), the headline test marked, BHAR and CAV. */
export function crossFirmView(aggregate: Aggregate): ViewTable {
  const windows = aggregate.windows;
  const tested = (test: { statistic: number; p: number }) => `${num(test.statistic)} (p ${pval(test.p)})`;
  return {
    header: ["", ...windows.map((w) => windowLabel(w.start, w.end))],
    rows: [
      ["N", ...windows.map((w) => String(w.n))],
      ["CAAR", ...windows.map((w) => pct(w.caar))],
      ["positive : negative", ...windows.map((w) => `${w.positive} : ${w.negative}`)],
      ...(Object.keys(TEST_LABELS) as TestName[]).map((name) => [`${TEST_LABELS[name]}${name === aggregate.headline ? " (headline)" : ""}`, ...windows.map((w) => tested(w.tests[name]))]),
      ["mean BHAR", ...windows.map((w) => pct(w.bhar.mean))],
      ["skewness-adjusted t", ...windows.map((w) => tested(w.bhar.skewnessAdjustedT))],
      ["mean CAV (log volume)", ...windows.map((w) => num(w.volume.meanCav, 3))],
      ["CAV cross-sectional t", ...windows.map((w) => tested(w.volume.crossSectionalT))],
    ],
  };
}

/** The average abnormal return by day of the event span, with the headline test's statistic and p. */
export function daysView(aggregate: Aggregate): ViewTable {
  return {
    header: ["day", "N", "AAR", "+ : -", TEST_LABELS[aggregate.headline], "p"],
    rows: aggregate.days.map((d) => [String(d.offset), String(d.n), pct(d.aar), `${d.positive} : ${d.negative}`, num(d.tests[aggregate.headline].statistic), pval(d.tests[aggregate.headline].p)]),
  };
}

/** The question a study answers, in words. */
export function studyQuestion(result: StudyResult): string {
  if (result.events.length === 1) {
    const event = result.events[0]!;
    return `Did ${event.symbol} move abnormally, against ${event.market}, when the news of ${announcedText(event)} reached the market (day 0 = ${event.day0})?`;
  }
  const days = [...new Set(result.events.map((event) => event.day0))];
  return `Did the ${result.events.length} stocks move abnormally around their events (day 0 on ${days.length === 1 ? days[0] : `${days.length} dates, ${days[0]} to ${days[days.length - 1]}`})?`;
}

/** Significance in words at 1% and 5%. */
function significance(p: number): string {
  if (!Number.isFinite(p)) return "no p-value";
  return p < 0.01 ? "significant at 1%" : p < 0.05 ? "significant at 5%" : "not significant at 5%";
}

/**
 * The headline statistics as sentences: for one event each window's CAR with t, p and significance, and its BHAR;
 * for several, each window's CAAR with the headline test, then the clusters and overlapping windows.
 */
export function studyHeadlines(result: StudyResult): string[] {
  if (result.aggregate === null) {
    const event = result.events[0]!;
    return event.windows.map(
      (w) => `CAR${windowLabel(w.start, w.end)} (${w.startDate} to ${w.endDate}) = ${pct(w.car)}: t = ${num(w.t)}, p = ${pval(w.p)} with ${w.df} df, ${significance(w.p)}; BHAR ${pct(w.bhar)}.`,
    );
  }
  const aggregate = result.aggregate;
  const label = TEST_LABELS[aggregate.headline];
  const lines = aggregate.windows.map((w) => {
    const test = w.tests[aggregate.headline];
    return `CAAR${windowLabel(w.start, w.end)} = ${pct(w.caar)} over ${w.n} events (${w.positive} positive, ${w.negative} negative): ${label} ${num(test.statistic)}, p = ${pval(test.p)}, ${significance(test.p)}.`;
  });
  if (aggregate.clustered) {
    lines.push(
      `The events cluster (${aggregate.clusters.map((c) => `${c.symbols.join(", ")} on ${c.day0}`).join("; ")}): naive tests over-reject when returns are cross-correlated, so the ${label} (mean residual correlation r = ${num(aggregate.meanResidualCorrelation, 3)}) is the one to read.`,
    );
  }
  for (const overlap of aggregate.overlaps) lines.push(`${overlap.symbol} has overlapping event windows (day 0 ${overlap.day0s.join(", ")}); its events are not independent.`);
  return lines;
}
