import { checkReportBody } from "./checkReport.js";
import { htmlPage } from "./html.js";
import type { ReportContext } from "./reportContext.js";
import type { ResultFile } from "./resultFile.js";
import { studyReportBody } from "./studyReport.js";

/**
 * A self-contained HTML report of a study result or a claim check: charts as inline SVG, CSS inline
 * (with print rules), nothing loaded from anywhere.
 */
export async function htmlReport(input: ResultFile, version: string): Promise<string> {
  const context: ReportContext = { file: input.file, sha256: input.sha256, version };
  if (input.kind === "study") return htmlPage(`${input.result.name}: event study report`, await studyReportBody(input.result, context));
  const check = input.check;
  return htmlPage(`${check.symbol} on ${check.date}: claim check report`, await checkReportBody(check, context));
}
