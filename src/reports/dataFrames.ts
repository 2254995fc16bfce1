import type { ClaimCheck } from "../claims/checkClaim.js";
import { InputError } from "../errors.js";
import { studyRunOf, type StudyResult } from "../study/runStudy.js";
import { htmlTable } from "./html.js";
import { abnormalReturnsTable, carsTable, tableRecords } from "./studyTables.js";

/** What these views need of a data frame (danfojs' `DataFrame` has it): its column names and its rows. */
export interface DataFrameLike {
  readonly columns: string[];
  readonly values: unknown;
}

/** A data-frame library as these views use it: danfojs-node's module namespace (`dfd` in the notebooks). */
export interface DataFrameModule<Frame> {
  DataFrame: new (rows: Record<string, unknown>[]) => Frame;
}

const DANFOJS_INSTALL = `npm install danfojs-node, with "overrides": { "xlsx": "0.18.5", "@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0" } in your package.json (danfojs-node's own xlsx comes from a CDN and its tfjs-node needs a native build)`;

/** danfojs-node, loaded on first use; an `InputError` saying how to add it when it is not installed. */
async function danfojs(): Promise<DataFrameModule<DataFrameLike>> {
  try {
    return await import("danfojs-node");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new InputError("missing-dependency", `the DataFrame views need danfojs-node, an optional peer dependency of event-impact: ${DANFOJS_INSTALL}`);
  }
}

/**
 * A study's results as danfojs DataFrames (one row per event-day and per event-window, the same columns
 * as the CSV exports). Pass danfojs-node's module namespace (`dfd`) to get its `DataFrame`
 * type; without it danfojs-node is loaded on first use, so scripts that do not call this stay light.
 */
export async function studyDataFrames<Frame = DataFrameLike>(
  result: StudyResult,
  dataFrames?: DataFrameModule<Frame>,
): Promise<{ abnormalReturns: Frame; windows: Frame }> {
  const { DataFrame } = dataFrames ?? ((await danfojs()) as DataFrameModule<Frame>);
  const run = studyRunOf(result);
  return { abnormalReturns: new DataFrame(tableRecords(abnormalReturnsTable, run)), windows: new DataFrame(tableRecords(carsTable, run)) };
}

/** A claim check's measures as a one-column-per-field DataFrame: measure, value, matchesClaim (see `studyDataFrames`). */
export async function claimCheckDataFrame<Frame = DataFrameLike>(check: ClaimCheck, dataFrames?: DataFrameModule<Frame>): Promise<Frame> {
  const { DataFrame } = dataFrames ?? ((await danfojs()) as DataFrameModule<Frame>);
  const matches = new Set<string>(check.claim?.kind === "move" ? check.claim.matches : []);
  return new DataFrame(Object.entries(check.measures).map(([measure, value]) => ({ measure, value, matchesClaim: matches.has(measure) })));
}

/**
 * A DataFrame as an HTML table for notebooks (tslab's `display.html`): every row and column, numbers to
 * six significant digits, dates and text as they are.
 *
 * @example tslab.display.html(dataFrameHtml(windows))
 */
export function dataFrameHtml(frame: DataFrameLike): string {
  const cell = (value: unknown) => (typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(6)).toString() : String(value));
  const rows = (frame.values as unknown[][]).map((row) => row.map(cell));
  return htmlTable(frame.columns, rows);
}
