import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { htmlReport } from "../reports/htmlReport.js";
import { writeFileAtomically } from "../reports/outputSet.js";
import { readResultFile } from "../reports/resultFile.js";
import { parseOptions } from "./options.js";

const reportOptions = z.strictObject({
  output: z.string().min(1).refine((file) => !file.endsWith("/"), "name a file, e.g. report.html"),
});

export async function reportCommand(resultFile: string, rawOptions: unknown): Promise<void> {
  const options = parseOptions(reportOptions, rawOptions);
  const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  const html = await htmlReport(readResultFile(resultFile), version);
  const written = await writeFileAtomically(options.output, (temporary) => writeFileSync(temporary, html));
  process.stderr.write(`wrote ${written}\n`);
}
