import { describe, expect, it } from "vitest";
import type { CsvValue } from "../src/reports/csv.js";
import { abnormalReturnsTable, aggregateTable, carsTable, estimationResidualsTable, studyTables, tableRecords, type StudyTable } from "../src/reports/studyTables.js";
import { runStudy, studyRun, studyRunOf } from "../src/study/runStudy.js";
import { EVENTS, HAND_EVENTS, HAND_RESIDUAL_CORRELATION, HAND_STUDY_SPEC, mean, sd, WINDOWS } from "./reference/handStudy.js";
import { twoSidedNormalReference, twoSidedTReference } from "./reference/highPrecision.js";

/**
 * Every column of cars.csv, abnormal_returns.csv, estimation_residuals.csv and aggregate.csv against the study worked
 * out by hand in tests/reference/handStudy.ts: the tables are read through `studyTables.ts`, the one column list the
 * CSVs, the workbook and the data frames share.
 */

/** A fresh run per test: Stryker's per-test coverage sees only what runs inside a test. */
const handRun = () => studyRun(HAND_STUDY_SPEC as never);
const expected = HAND_EVENTS;

/** The table's rows as records keyed by column name. */
function records(table: StudyTable, run = handRun()): Map<string, CsvValue>[] {
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
  const n = EVENTS.length;
  /** The aggregate table's rows, and the hand events' mean residual correlation (the `r` column). */
  const aggregateRows = () => ({ rows: records(aggregateTable), r: HAND_RESIDUAL_CORRELATION });

  it("names the measures and tests in order: per window the nine CAAR tests, BHAR and CAV; per day the nine AAR tests", () => {
    const { rows } = aggregateRows();
    const tests = ["crossSectionalT", "patell", "adjustedPatell", "bmp", "kolariPynnonen", "corradoRank", "grank", "generalizedSign", "wilcoxon"];
    const days = expected[0]!.spanDays.map((day) => day.offset);
    expect(rows.map((row) => `${row.get("scope")} ${row.get("start")} ${row.get("end")} ${row.get("measure")} ${row.get("test")}`)).toEqual([
      ...WINDOWS.flatMap(([s, e]) => [...tests.map((test) => `window ${s} ${e} caar ${test}`), `window ${s} ${e} bhar bharSkewnessAdjustedT`, `window ${s} ${e} cav cavCrossSectionalT`]),
      ...days.flatMap((offset) => tests.map((test) => `day ${offset} ${offset} aar ${test}`)),
    ]);
  });

  it("gives each window's CAAR, signs and hand-computed cross-sectional t, Patell Z and BMP t with their p-values", () => {
    const { rows, r } = aggregateRows();
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
      expectRow(byTest("crossSectionalT"), { ...base, test: "crossSectionalT", statistic: csT, p: twoSidedTReference(csT, n - 1), headline: false }, `window ${start} crossSectionalT`);
      expectRow(byTest("patell"), { ...base, test: "patell", statistic: patell, p: twoSidedNormalReference(patell), headline: false }, `window ${start} patell`);
      expectRow(byTest("bmp"), { ...base, test: "bmp", statistic: bmp, p: twoSidedTReference(bmp, n - 1), headline: true }, `window ${start} bmp`);
      const bhars = expected.map((event) => event.windows[w]!.bhar);
      const bhar = byTest("bharSkewnessAdjustedT");
      expect(bhar.get("value") as number).toBeCloseTo(mean(bhars), 14);
      const cavs = expected.map((event) => event.windows[w]!.cav);
      const cavT = mean(cavs) / (sd(cavs) / Math.sqrt(n));
      expectRow(byTest("cavCrossSectionalT"), { ...base, measure: "cav", value: mean(cavs), test: "cavCrossSectionalT", statistic: cavT, p: twoSidedTReference(cavT, n - 1), headline: false }, `window ${start} cav`);
    });
  });

  it("gives each day's AAR and signs, and the cross-sectional t of the day's ARs", () => {
    const { rows, r } = aggregateRows();
    expected[0]!.spanDays.forEach(({ offset }, d) => {
      const ars = expected.map((event) => event.spanDays[d]!.ar);
      const t = mean(ars) / (sd(ars) / Math.sqrt(n));
      const row = rows.find((row) => row.get("scope") === "day" && row.get("start") === offset && row.get("test") === "crossSectionalT")!;
      const base = { scope: "day", start: offset, end: offset, n, measure: "aar", value: mean(ars), positive: ars.filter((a) => a > 0).length, negative: ars.filter((a) => a < 0).length, testN: n, r };
      expectRow(row, { ...base, test: "crossSectionalT", statistic: t, p: twoSidedTReference(t, n - 1), headline: false }, `day ${offset}`);
    });
  });

  it("writes each test's own statistic, p and N, never another column's", () => {
    const { rows } = aggregateRows();
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

describe("the set of tables", () => {
  it("is cars, abnormal_returns and aggregate, and estimation_residuals when asked for", () => {
    expect(studyTables(false).map((table) => table.name)).toEqual(["cars", "abnormal_returns", "aggregate"]);
    expect(studyTables(true).map((table) => table.name)).toEqual(["cars", "abnormal_returns", "aggregate", "estimation_residuals"]);
  });

  it("has no aggregate rows for one event, and no residual rows for a result read back (it has no estimation days)", () => {
    const one = studyRun({ ...HAND_STUDY_SPEC, events: HAND_STUDY_SPEC.events.slice(0, 1) } as never);
    expect([...aggregateTable.cells(one)]).toEqual([]);
    expect([...carsTable.cells(one)]).toHaveLength(WINDOWS.length);
    expect([...estimationResidualsTable.cells(studyRunOf(runStudy(HAND_STUDY_SPEC as never)))]).toEqual([]);
  });

  it("gives rows as records keyed by column name (for data frames)", () => {
    const first = tableRecords(carsTable, handRun())[0]!;
    expect(Object.keys(first)).toEqual(carsTable.columns.map((column) => column.name));
    expect(first.symbol).toBe("1810.HK");
    expect(first.car).toBe(records(carsTable)[0]!.get("car"));
  });
});
