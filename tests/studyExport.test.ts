import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { LineWriter } from "../src/reports/lineWriter.js";
import { MAX_SHEET_ROWS, writeStudyExport, writeStudyJson, writeStudyWorkbook } from "../src/reports/studyExport.js";
import { runStudy, studyRun, studyRunOf, type StudyResult } from "../src/study/runStudy.js";
import { HAND_EVENTS, HAND_STUDY_SPEC, WINDOWS } from "./reference/handStudy.js";

/**
 * What `study --out`, `study --json` and `study --xlsx` write for the hand study of three HK firms: the files of
 * the set, result.json and the JSON form read back as the result, the events one per line, and the CSV and sheet
 * rows with the CARs worked out by hand (tests/reference/handStudy.ts).
 */

const folder = () => join(mkdtempSync(join(tmpdir(), "event-impact-export-")), "out");
const singleResult = (): StudyResult => runStudy({ ...HAND_STUDY_SPEC, events: HAND_STUDY_SPEC.events.slice(0, 1) } as never);
const multiResult = (): StudyResult => runStudy(HAND_STUDY_SPEC as never);
const json = (value: unknown) => JSON.parse(JSON.stringify(value));
/** The hand CARs in the order of cars.csv: by event, then by window. */
const handCars = HAND_EVENTS.flatMap((event) => event.windows.map((w) => w.car));

function csv(file: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = readFileSync(file, "utf8").trimEnd().split("\n");
  return { header: header!.split(","), rows: rows.map((row) => row.split(",")) };
}

describe("writeStudyExport", () => {
  it("writes result.json, events.ndjson and the three CSVs of a multi-firm study, and returns their paths", () => {
    const dir = folder();
    expect(writeStudyExport(multiResult(), dir)).toEqual(["result.json", "events.ndjson", "cars.csv", "abnormal_returns.csv", "aggregate.csv"].map((name) => join(dir, name)));
    expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "abnormal_returns.csv", "aggregate.csv", "cars.csv", "events.ndjson", "result.json"]);
  });

  it("writes result.json as the result without its events, which it counts and names", () => {
    const dir = folder();
    const result = multiResult();
    writeStudyExport(result, dir);
    const { events, ...rest } = json(result);
    expect(JSON.parse(readFileSync(join(dir, "result.json"), "utf8"))).toEqual({ ...rest, eventCount: 3, eventsFile: "events.ndjson" });
    expect(readFileSync(join(dir, "events.ndjson"), "utf8")).toBe(events.map((event: unknown) => `${JSON.stringify(event)}\n`).join(""));
  });

  it("indents result.json's values and writes each dropped event on a line of its own", () => {
    const dir = folder();
    const dropped = [
      { symbol: "0001.HK", date: "2021-01-04", reason: "no price file" },
      { symbol: "0002.HK", date: "2021-02-01", reason: "too few days" },
    ];
    writeStudyExport({ ...singleResult(), dropped } as never, dir);
    const text = readFileSync(join(dir, "result.json"), "utf8");
    expect(text.startsWith('{\n  "schemaVersion": ')).toBe(true);
    expect(text).toContain('  "estimationWindow": [\n    -250,\n    -11\n  ],\n');
    expect(text).toContain(`  "dropped": [\n    ${JSON.stringify(dropped[0])},\n    ${JSON.stringify(dropped[1])}\n  ],\n  "aggregate": null,\n`);
    expect(text.endsWith("]\n}\n")).toBe(true);
  });

  it("writes an empty list of dropped events as []", () => {
    const dir = folder();
    writeStudyExport(singleResult(), dir);
    expect(readFileSync(join(dir, "result.json"), "utf8")).toContain('  "dropped": [],\n');
  });

  it("writes one cars.csv row per event and window, with the CARs worked out by hand", () => {
    const dir = folder();
    writeStudyExport(multiResult(), dir);
    const { header, rows } = csv(join(dir, "cars.csv"));
    expect(rows).toHaveLength(3 * WINDOWS.length);
    const car = header.indexOf("car");
    rows.forEach((row, k) => expect(Number(row[car])).toBeCloseTo(handCars[k]!, 12));
  });

  it("has no aggregate.csv for one event, and replaces the files an earlier version wrote without a listing", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    for (const name of ["result.json", "abnormal_returns.csv", "cars.csv", "aggregate.csv", "notes.txt"]) writeFileSync(join(dir, name), "earlier\n");
    writeStudyExport(singleResult(), dir);
    expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "abnormal_returns.csv", "cars.csv", "events.ndjson", "notes.txt", "result.json"]);
  });

  it("adds estimation_residuals.csv, one row per event and estimation day, when asked", () => {
    const dir = folder();
    const run = studyRun(HAND_STUDY_SPEC as never);
    const paths = writeStudyExport(run, dir, { residuals: true });
    expect(paths.at(-1)).toBe(join(dir, "estimation_residuals.csv"));
    expect(csv(join(dir, "estimation_residuals.csv")).rows).toHaveLength(HAND_EVENTS.reduce((sum, event) => sum + event.common.nEstimation, 0));
  });
});

describe("writeStudyJson", () => {
  it("streams the study as one JSON document equal to the result, its events one per line", () => {
    const file = join(mkdtempSync(join(tmpdir(), "event-impact-json-")), "study.json");
    const result = multiResult();
    const out = LineWriter.toFile(file);
    writeStudyJson(studyRunOf(result), out);
    out.close();
    const text = readFileSync(file, "utf8");
    expect(JSON.parse(text)).toEqual(json(result));
    expect(text).toContain(`  "events": [\n    ${JSON.stringify(result.events[0])},\n    ${JSON.stringify(result.events[1])},\n    ${JSON.stringify(result.events[2])}\n  ],\n`);
  });
});

describe("writeStudyWorkbook", () => {
  it("writes one sheet per table with the CSV columns, missing values as empty cells", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "event-impact-xlsx-")), "study.xlsx");
    expect(await writeStudyWorkbook(multiResult(), file)).toBe(file);
    const workbook = XLSX.read(readFileSync(file));
    expect(workbook.SheetNames).toEqual(["cars", "abnormal_returns", "aggregate"]);
    const cars = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.cars!, { header: 1, defval: null });
    const dir = folder();
    writeStudyExport(multiResult(), dir);
    expect(cars[0]).toEqual(csv(join(dir, "cars.csv")).header);
    const car = (cars[0] as string[]).indexOf("car");
    expect(cars.slice(1).map((row) => row[car])).toEqual(handCars.map((value) => expect.closeTo(value, 12)));
    const symbol = (cars[0] as string[]).indexOf("symbol");
    expect(cars.slice(1).map((row) => row[symbol])).toEqual(HAND_EVENTS.flatMap((event) => event.windows.map(() => event.common.symbol)));
    const betaSMB = (cars[0] as string[]).indexOf("betaSMB");
    expect(cars.slice(1).map((row) => row[betaSMB])).toEqual(handCars.map(() => null));
  });

  it("leaves a cell empty for a number that is not finite", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "event-impact-xlsx-")), "study.xlsx");
    const result = singleResult();
    const event = result.events[0]!;
    await writeStudyWorkbook({ ...result, events: [{ ...event, windows: event.windows.map((w, k) => (k === 0 ? { ...w, t: Number.NaN } : w)) }] }, file);
    const cars = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(file)).Sheets.cars!, { header: 1, defval: null });
    const t = (cars[0] as string[]).indexOf("t");
    expect(cars.slice(1).map((row) => row[t])).toEqual([null, expect.closeTo(HAND_EVENTS[0]!.windows[1]!.t, 12)]);
  });

  it("has no aggregate sheet for one event, and an estimation_residuals sheet when asked", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "event-impact-xlsx-")), "study.xlsx");
    await writeStudyWorkbook(studyRun({ ...HAND_STUDY_SPEC, events: HAND_STUDY_SPEC.events.slice(0, 1) } as never), file, { residuals: true });
    expect(XLSX.read(readFileSync(file)).SheetNames).toEqual(["cars", "abnormal_returns", "estimation_residuals"]);
  });

  it("holds at most the rows an Excel sheet holds", () => {
    expect(MAX_SHEET_ROWS).toBe(2 ** 20 - 1);
  });
});
