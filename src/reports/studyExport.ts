import type { StudyResult } from "../study/runStudy.js";
import { writeFilesAtomically } from "./atomicWrite.js";
import { toCsv } from "./csv.js";
import { ABNORMAL_RETURN_COLUMNS, AGGREGATE_COLUMNS, WINDOW_COLUMNS, abnormalReturnRows, aggregateRows, windowRows } from "./studyRows.js";

/**
 * Writes `result.json`, `abnormal_returns.csv`, `cars.csv` and, for multi-firm studies, `aggregate.csv`
 * into a folder, all or nothing.
 */
export function writeStudyExport(result: StudyResult, dir: string): string[] {
  return writeFilesAtomically(dir, {
    "result.json": `${JSON.stringify(result, null, 2)}\n`,
    "abnormal_returns.csv": toCsv(abnormalReturnRows(result), ABNORMAL_RETURN_COLUMNS),
    "cars.csv": toCsv(windowRows(result), WINDOW_COLUMNS),
    ...(result.aggregate === null ? {} : { "aggregate.csv": toCsv(aggregateRows(result), AGGREGATE_COLUMNS) }),
  });
}
