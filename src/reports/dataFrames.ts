import type { DataFrame } from "danfojs-node";
import type { ClaimCheck } from "../claims/checkClaim.js";
import { studyRunOf, type StudyResult } from "../study/runStudy.js";
import { htmlTable } from "./html.js";
import { abnormalReturnsTable, carsTable, tableRecords } from "./studyTables.js";

/**
 * A study's results as danfojs DataFrames (one row per event-day and per event-window, the same columns
 * as the CSV exports). danfojs is loaded on first use, so scripts that do not call this stay light.
 */
export async function studyDataFrames(result: StudyResult): Promise<{ abnormalReturns: DataFrame; windows: DataFrame }> {
  const { DataFrame } = await import("danfojs-node");
  const run = studyRunOf(result);
  return { abnormalReturns: new DataFrame(tableRecords(abnormalReturnsTable, run)), windows: new DataFrame(tableRecords(carsTable, run)) };
}

/** A claim check's measures as a one-column-per-field DataFrame: measure, value, matchesClaim. */
export async function claimCheckDataFrame(check: ClaimCheck): Promise<DataFrame> {
  const { DataFrame } = await import("danfojs-node");
  const matches = new Set<string>(check.claim?.matches ?? []);
  return new DataFrame(
    Object.entries(check.measures).map(([measure, value]) => ({ measure, value, matchesClaim: matches.has(measure) })),
  );
}

/**
 * A DataFrame as an HTML table for notebooks (tslab's `display.html`): every row and column, numbers to
 * six significant digits, dates and text as they are.
 *
 * @example tslab.display.html(dataFrameHtml(windows))
 */
export function dataFrameHtml(frame: DataFrame): string {
  const cell = (value: unknown) => (typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(6)).toString() : String(value));
  const rows = (frame.values as unknown[][]).map((row) => row.map(cell));
  return htmlTable(frame.columns, rows);
}
