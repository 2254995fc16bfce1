import type { DataFrame } from "danfojs-node";
import type { ClaimCheck } from "../claims/checkClaim.js";
import type { StudyResult } from "../study/runStudy.js";
import { abnormalReturnRows, windowRows } from "./studyRows.js";

/**
 * A study's results as danfojs DataFrames (one row per event-day and per event-window, the same columns
 * as the CSV exports). danfojs is loaded on first use, so scripts that do not call this stay light.
 */
export async function studyDataFrames(result: StudyResult): Promise<{ abnormalReturns: DataFrame; windows: DataFrame }> {
  const { DataFrame } = await import("danfojs-node");
  return { abnormalReturns: new DataFrame(abnormalReturnRows(result)), windows: new DataFrame(windowRows(result)) };
}

/** A claim check's measures as a one-column-per-field DataFrame: measure, value, matchesClaim. */
export async function claimCheckDataFrame(check: ClaimCheck): Promise<DataFrame> {
  const { DataFrame } = await import("danfojs-node");
  const matches = new Set<string>(check.claim?.matches ?? []);
  return new DataFrame(
    Object.entries(check.measures).map(([measure, value]) => ({ measure, value, matchesClaim: matches.has(measure) })),
  );
}
