import { join } from "node:path";
import { InputError } from "../errors.js";
import { studyRunOf, type StudyRun } from "../study/runStudy.js";
import { EVENTS_FILE, type StudyResult } from "../study/studyResult.js";
import { csvLine, type CsvValue } from "./csv.js";
import { LineWriter } from "./lineWriter.js";
import { writeFileAtomically, writeOutputSet } from "./outputSet.js";
import { studyTables, type StudyTable } from "./studyTables.js";

export interface StudyExportOptions {
  /** Also write `estimation_residuals.csv` (one row per event and estimation-window day). */
  residuals?: boolean | undefined;
}

/** The files `study --out` wrote before its outputs were listed (taken as the previous set in such a folder). */
const EARLIER_FILES = ["result.json", "abnormal_returns.csv", "cars.csv", "aggregate.csv"];

/**
 * Writes a study into a folder as one output set (all or nothing, see `writeOutputSet`): `result.json`
 * (settings, cross-firm statistics, dropped events, price provenance), `events.ndjson` (one event result
 * per line), `cars.csv`, `abnormal_returns.csv`, for multi-firm studies `aggregate.csv`, and with
 * `residuals` `estimation_residuals.csv`. Every file is streamed row by row. Returns the paths written.
 */
export function writeStudyExport(result: StudyResult | StudyRun, dir: string, options: StudyExportOptions = {}): string[] {
  const run = "events" in result ? studyRunOf(result) : result;
  const tables = studyTables(options.residuals === true).filter((table) => table.name !== "aggregate" || run.aggregate !== null);
  return writeOutputSet(
    dir,
    "study",
    (staging) => {
      withFile(join(staging, "result.json"), (out) =>
        writeJsonDocument(out, [
          ...Object.entries(run.header),
          ["eventCount", run.eventCount],
          ["eventsFile", EVENTS_FILE],
          ["dropped", run.dropped, "lines"],
          ["aggregate", run.aggregate],
          ["prices", run.prices],
        ]),
      );
      withFile(join(staging, EVENTS_FILE), (out) => {
        for (let k = 0; k < run.eventCount; k++) out.write(`${JSON.stringify(run.event(k))}\n`);
      });
      for (const table of tables) withFile(join(staging, `${table.name}.csv`), (out) => writeCsv(out, table, run));
      return ["result.json", EVENTS_FILE, ...tables.map((table) => `${table.name}.csv`)];
    },
    EARLIER_FILES,
  );
}

/** Streams a study as one JSON document in the form of `StudyResult` (events one per line). */
export function writeStudyJson(run: StudyRun, out: LineWriter): void {
  writeJsonDocument(out, [
    ...Object.entries(run.header),
    ["events", (function* () {
      for (let k = 0; k < run.eventCount; k++) yield run.event(k);
    })(), "lines"],
    ["dropped", run.dropped, "lines"],
    ["aggregate", run.aggregate],
    ["prices", run.prices],
  ]);
}

/** The most rows an Excel sheet holds below its header. */
export const MAX_SHEET_ROWS = 1_048_575;

/**
 * Writes the study's tables as an Excel workbook, one sheet per table (the CSV columns), all or nothing.
 * A table longer than a sheet holds is an error before anything is written (use the CSVs).
 */
export async function writeStudyWorkbook(result: StudyResult | StudyRun, file: string, options: StudyExportOptions = {}): Promise<string> {
  const run = "events" in result ? studyRunOf(result) : result;
  const sheets = studyTables(options.residuals === true)
    .filter((table) => table.name !== "aggregate" || run.aggregate !== null)
    .map((table) => ({ sheet: table.name, data: sheetData(table, run) }));
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  return writeFileAtomically(file, (temporary) => writeXlsxFile(sheets).toFile(temporary));
}

function sheetData(table: StudyTable, run: StudyRun): (string | number | boolean | null)[][] {
  const cell = (value: CsvValue) => (value === undefined || (typeof value === "number" && !Number.isFinite(value)) ? null : value);
  const data: (string | number | boolean | null)[][] = [table.columns.map((column) => column.name)];
  for (const cells of table.cells(run)) {
    if (data.length > MAX_SHEET_ROWS) {
      throw new InputError("cannot-write", `--xlsx: the ${table.name} table has more than ${MAX_SHEET_ROWS.toLocaleString("en-US")} rows, more than an Excel sheet holds; use the CSV files of --out`, { field: "--xlsx" });
    }
    data.push(cells.map(cell));
  }
  return data;
}

function withFile(file: string, write: (out: LineWriter) => void): void {
  const out = LineWriter.toFile(file);
  try {
    write(out);
  } finally {
    out.close();
  }
}

function writeCsv(out: LineWriter, table: StudyTable, run: StudyRun): void {
  out.write(`${csvLine(table.columns.map((column) => column.name))}\n`);
  for (const cells of table.cells(run)) out.write(`${csvLine(cells)}\n`);
}

/**
 * Writes a JSON object key by key: values indented, or with "lines" an array streamed one compact
 * element per line, so that no single string holds the document.
 */
function writeJsonDocument(out: LineWriter, fields: readonly (readonly [string, unknown] | readonly [string, Iterable<unknown>, "lines"])[]): void {
  out.write("{\n");
  fields.forEach((field, i) => {
    out.write(`  ${JSON.stringify(field[0])}: `);
    if (field.length === 3) {
      let first = true;
      out.write("[");
      for (const item of field[1]) {
        out.write(`${first ? "\n" : ",\n"}    ${JSON.stringify(item)}`);
        first = false;
      }
      out.write(first ? "]" : "\n  ]");
    } else {
      out.write(JSON.stringify(field[1], null, 2).replace(/\n/g, "\n  "));
    }
    out.write(i < fields.length - 1 ? ",\n" : "\n");
  });
  out.write("}\n");
}
