import type { StudyResult } from "../study/runStudy.js";
import { writeFilesAtomically } from "./atomicWrite.js";
import { toCsv } from "./csv.js";
import { ABNORMAL_RETURN_COLUMNS, WINDOW_COLUMNS, abnormalReturnRows, windowRows } from "./studyRows.js";

/** Writes `result.json`, `abnormal_returns.csv` and `cars.csv` into a folder, all or nothing. */
export function writeStudyExport(result: StudyResult, dir: string): string[] {
  return writeFilesAtomically(dir, {
    "result.json": `${JSON.stringify(result, null, 2)}\n`,
    "abnormal_returns.csv": toCsv(abnormalReturnRows(result), ABNORMAL_RETURN_COLUMNS),
    "cars.csv": toCsv(windowRows(result), WINDOW_COLUMNS),
  });
}
