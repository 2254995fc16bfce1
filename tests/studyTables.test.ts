import { describe, expect, it } from "vitest";
import type { CsvValue } from "../src/reports/csv.js";
import { abnormalReturnsTable, aggregateTable, carsTable, estimationResidualsTable, type StudyTable } from "../src/reports/studyTables.js";
import { studyRun } from "../src/study/runStudy.js";
import { ols } from "./helpers/ols.js";
import { priceRows, type Row } from "./helpers/priceTruth.js";
import { fSurvivalReference, twoSidedNormalReference, twoSidedTReference } from "./reference/highPrecision.js";


/**
 * Every column of cars.csv, abnormal_returns.csv, estimation_residuals.csv and aggregate.csv against values
 * computed here from the bundled price files (plain splits, a plain-loop OLS, the high-precision reference tails): the
 * tables are read through `studyTables.ts`, the one column list the CSVs, the workbook and the data frames share.
 */

const ESTIMATION: [number, number] = [-250, -11];
const WINDOWS: [number, number][] = [
  [0, 0],
  [-1, 1],
];
const EVENTS = [
  { symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York", day0: "2021-01-15" },
  { symbol: "0981.HK", date: "2020-12-04", day0: "2020-12-04" },
  { symbol: "0941.HK", date: "2020-06-26", day0: "2020-06-26" },
];
const spec = {
  name: "three HK firms",
  market: "^HSI",
  model: "market",
  returns: "simple",
  estimationWindow: ESTIMATION,
  minEstimationObservations: 100,
  eventWindows: WINDOWS,
  events: EVENTS.map(({ day0: _, ...event }) => event),
};
const run = studyRun(spec as never, { residuals: true } as never);

const twoSidedT = twoSidedTReference;
const normalP = twoSidedNormalReference;
const upperF = fSurvivalReference;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

/** One event worked out from the price files: the joined days, the fit, and each window's and day's figures. */
function expectedEvent(event: (typeof EVENTS)[number]) {
  const market = new Map(priceRows("INDEX_HSI").map((row) => [row.date, row]));
  const days = priceRows(event.symbol)
    .filter((row) => market.has(row.date))
    .map((row) => ({ firm: row, market: market.get(row.date)! }));
  const ret = (k: number) => days[k]!.firm.adj / days[k - 1]!.firm.adj - 1;
  const marketRet = (k: number) => days[k]!.market.adj / days[k - 1]!.market.adj - 1;
  const d0 = days.findIndex((day) => day.firm.date === event.day0);
  const first = Math.max(1, d0 + ESTIMATION[0]);
  const estimation = Array.from({ length: d0 + ESTIMATION[1] - first + 1 }, (_, i) => first + i);
  const fit = ols(
    estimation.map(ret),
    estimation.map(marketRet),
  );
  const n = estimation.length;
  const ar = (k: number) => ret(k) - fit.alpha - fit.beta * marketRet(k);
  const logVolume = (row: Row) => (row.volume > 0 ? Math.log(1 + row.volume) : Number.NaN);
  const estimationLogs = estimation.map((k) => logVolume(days[k]!.firm)).filter((v) => !Number.isNaN(v));
  const volumeMean = mean(estimationLogs);
  const av = (k: number) => logVolume(days[k]!.firm) - volumeMean;
  const variance = (offsets: number[]) => {
    const l2 = offsets.length;
    const sumRm = offsets.reduce((a, o) => a + marketRet(d0 + o), 0);
    return fit.s2 * (l2 + (l2 * l2) / n + (sumRm - l2 * fit.mx) ** 2 / fit.sxx);
  };
  const windows = WINDOWS.map(([start, end]) => {
    const offsets = Array.from({ length: end - start + 1 }, (_, i) => start + i);
    const car = offsets.reduce((a, o) => a + ar(d0 + o), 0);
    const v = variance(offsets);
    const t = car / Math.sqrt(v);
    const l2 = offsets.length;
    const sums = Array.from({ length: n - l2 + 1 }, (_, j) => fit.residuals.slice(j, j + l2).reduce((a, b) => a + b, 0));
    const m = sums.length;
    const atOrBelow = sums.filter((s) => s <= car).length;
    const atOrAbove = sums.filter((s) => s >= car).length;
    const ratio = mean(offsets.map((o) => ar(d0 + o) ** 2)) / fit.s2;
    const volumes = offsets.map((o) => av(d0 + o)).filter((x) => !Number.isNaN(x));
    const cav = volumes.reduce((a, b) => a + b, 0);
    const cavT = cav / (sd(estimationLogs) * Math.sqrt(volumes.length));
    return {
      start,
      end,
      startDate: days[d0 + start]!.firm.date,
      endDate: days[d0 + end]!.firm.date,
      car,
      variance: v,
      t,
      p: twoSidedT(t, n - 2),
      bhar: offsets.reduce((a, o) => a * (1 + ret(d0 + o)), 1) - offsets.reduce((a, o) => a * (1 + fit.alpha + fit.beta * marketRet(d0 + o)), 1),
      sqP: Math.min(1, (2 * (1 + Math.min(atOrBelow, atOrAbove))) / (m + 1)),
      sqQuantile: sums.filter((s) => s < car).length / m,
      sqMinP: 2 / (m + 1),
      volatilityRatio: ratio,
      volatilityP: upperF(ratio, l2, n - 2),
      cav,
      cavT,
      cavP: twoSidedT(cavT, estimationLogs.length - 1),
      volumeDf: estimationLogs.length - 1,
      volumeDays: volumes.length,
      scar: t,
    };
  });
  const span = [Math.min(...WINDOWS.map(([s]) => s)), Math.max(...WINDOWS.map(([, e]) => e))];
  const spanDays = Array.from({ length: span[1]! - span[0]! + 1 }, (_, i) => span[0]! + i).map((offset) => {
    const k = d0 + offset;
    return { offset, date: days[k]!.firm.date, ret: ret(k), marketRet: marketRet(k), ar: ar(k), sar: ar(k) / Math.sqrt(variance([offset])), av: av(k) };
  });
  const residuals = estimation.map((k, i) => ({ offset: k - d0, date: days[k]!.firm.date, ret: ret(k), marketRet: marketRet(k), residual: fit.residuals[i]! }));
  return {
    common: {
      symbol: event.symbol,
      market: "^HSI",
      catalogId: undefined,
      announcementDate: event.date,
      announcementTime: event.time,
      announcementTimezone: event.timezone,
      day0: event.day0,
      model: "market",
      alpha: fit.alpha,
      beta: fit.beta,
      sigma: Math.sqrt(fit.s2),
      nEstimation: n,
      df: n - 2,
      estimationStart: days[first]!.firm.date,
      estimationEnd: days[d0 + ESTIMATION[1]]!.firm.date,
    },
    windows,
    spanDays,
    residuals,
  };
}

const expected = EVENTS.map(expectedEvent);

/** The table's rows as records keyed by column name. */
function records(table: StudyTable): Map<string, CsvValue>[] {
  return [...table.cells(run)].map((cells) => new Map(table.columns.map((column, c) => [column.name, cells[c]])));
}

/** Compares a row with the expected values of every one of its columns: numbers to 1e-9 relative, the rest exactly. */
function expectRow(row: Map<string, CsvValue>, values: Record<string, CsvValue>, where: string): void {
  expect([...row.keys()].filter((column) => !(column in values)), `${where}: columns without an expected value`).toEqual([]);
  for (const [column, actual] of row) {
    const value = values[column];
    if (typeof value === "number" && typeof actual === "number" && !Number.isInteger(value)) {
      expect(Math.abs(actual - value), `${where} ${column}: ${actual} against ${value}`).toBeLessThanOrEqual(1e-9 * Math.max(1e-3, Math.abs(value)));
    } else expect(actual, `${where} ${column}`).toEqual(value);
  }
}

describe("cars.csv, abnormal_returns.csv and estimation_residuals.csv, column by column", () => {
  it("has one row per event and window with every column as computed from the price files", () => {
    const rows = records(carsTable);
    expect(rows).toHaveLength(EVENTS.length * WINDOWS.length);
    expected.forEach((event, e) =>
      event.windows.forEach(({ scar: _, ...window }, w) => expectRow(rows[e * WINDOWS.length + w]!, { event: e + 1, ...event.common, ...window }, `cars row ${e}/${w}`)),
    );
  });

  it("has one row per event and day of the event span", () => {
    const rows = records(abnormalReturnsTable);
    const perEvent = expected[0]!.spanDays.length;
    expect(rows).toHaveLength(EVENTS.length * perEvent);
    expected.forEach((event, e) => event.spanDays.forEach((day, d) => expectRow(rows[e * perEvent + d]!, { event: e + 1, ...event.common, ...day }, `abnormal_returns row ${e}/${d}`)));
  });

  it("has one row per event and estimation-window day, with the model's residual", () => {
    const rows = records(estimationResidualsTable);
    expect(rows).toHaveLength(expected.reduce((a, event) => a + event.residuals.length, 0));
    let r = 0;
    expected.forEach((event, e) => event.residuals.forEach((day, d) => expectRow(rows[r++]!, { event: e + 1, ...event.common, ...day }, `estimation_residuals row ${e}/${d}`)));
  });
});

describe("aggregate.csv, column by column", () => {
  const rows = records(aggregateTable);
  const aggregate = run.aggregate!;
  const r = aggregate.meanResidualCorrelation;
  const n = EVENTS.length;

  it("names the measures and tests in order: per window the nine CAAR tests, BHAR and CAV; per day the nine AAR tests", () => {
    const tests = ["crossSectionalT", "patell", "adjustedPatell", "bmp", "kolariPynnonen", "corradoRank", "grank", "generalizedSign", "wilcoxon"];
    const days = expected[0]!.spanDays.map((day) => day.offset);
    expect(rows.map((row) => `${row.get("scope")} ${row.get("start")} ${row.get("end")} ${row.get("measure")} ${row.get("test")}`)).toEqual([
      ...WINDOWS.flatMap(([s, e]) => [...tests.map((test) => `window ${s} ${e} caar ${test}`), `window ${s} ${e} bhar bharSkewnessAdjustedT`, `window ${s} ${e} cav cavCrossSectionalT`]),
      ...days.flatMap((offset) => tests.map((test) => `day ${offset} ${offset} aar ${test}`)),
    ]);
  });

  it("gives each window's CAAR, signs and hand-computed cross-sectional t, Patell Z and BMP t with their p-values", () => {
    WINDOWS.forEach(([start, end], w) => {
      const cars = expected.map((event) => event.windows[w]!.car);
      const scars = expected.map((event) => event.windows[w]!.scar);
      const dfs = expected.map((event) => event.common.df);
      const base = { scope: "window", start, end, n, measure: "caar", value: mean(cars), positive: cars.filter((c) => c > 0).length, negative: cars.filter((c) => c < 0).length, testN: n, r };
      const window = rows.filter((row) => row.get("scope") === "window" && row.get("start") === start && row.get("end") === end);
      const csT = mean(cars) / (sd(cars) / Math.sqrt(n));
      const patell = scars.reduce((a, b) => a + b, 0) / Math.sqrt(dfs.reduce((a, df) => a + df / (df - 2), 0));
      const bmp = mean(scars) / (sd(scars) / Math.sqrt(n));
      const byTest = (test: string) => window.find((row) => row.get("test") === test)!;
      expectRow(byTest("crossSectionalT"), { ...base, test: "crossSectionalT", statistic: csT, p: twoSidedT(csT, n - 1), headline: false }, `window ${start} crossSectionalT`);
      expectRow(byTest("patell"), { ...base, test: "patell", statistic: patell, p: normalP(patell), headline: false }, `window ${start} patell`);
      expectRow(byTest("bmp"), { ...base, test: "bmp", statistic: bmp, p: twoSidedT(bmp, n - 1), headline: true }, `window ${start} bmp`);
      const bhars = expected.map((event) => event.windows[w]!.bhar);
      const bhar = byTest("bharSkewnessAdjustedT");
      expect(bhar.get("value") as number).toBeCloseTo(mean(bhars), 14);
      const cavs = expected.map((event) => event.windows[w]!.cav);
      const cavT = mean(cavs) / (sd(cavs) / Math.sqrt(n));
      expectRow(byTest("cavCrossSectionalT"), { ...base, measure: "cav", value: mean(cavs), test: "cavCrossSectionalT", statistic: cavT, p: twoSidedT(cavT, n - 1), headline: false }, `window ${start} cav`);
    });
  });

  it("gives each day's AAR and signs, and the cross-sectional t of the day's ARs", () => {
    expected[0]!.spanDays.forEach(({ offset }, d) => {
      const ars = expected.map((event) => event.spanDays[d]!.ar);
      const t = mean(ars) / (sd(ars) / Math.sqrt(n));
      const row = rows.find((row) => row.get("scope") === "day" && row.get("start") === offset && row.get("test") === "crossSectionalT")!;
      const base = { scope: "day", start: offset, end: offset, n, measure: "aar", value: mean(ars), positive: ars.filter((a) => a > 0).length, negative: ars.filter((a) => a < 0).length, testN: n, r };
      expectRow(row, { ...base, test: "crossSectionalT", statistic: t, p: twoSidedT(t, n - 1), headline: false }, `day ${offset}`);
    });
  });

  it("writes each test's own statistic, p and N, never another column's", () => {
    for (const row of rows) {
      const statistic = row.get("statistic") as number;
      const p = row.get("p") as number;
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(p).not.toBe(statistic);
      expect(row.get("testN")).toBeLessThanOrEqual(n);
    }
  });
});
