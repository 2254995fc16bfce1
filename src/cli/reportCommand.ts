import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { z } from "zod";
import { writeFilesAtomically } from "../io/atomicWrite.js";
import { htmlReport } from "../reports/htmlReport.js";
import { readResultFile } from "../reports/resultFile.js";
import { parseOptions } from "./options.js";

const reportOptions = z.strictObject({
  output: z.string().min(1).refine((file) => !file.endsWith("/"), "name a file, e.g. report.html"),
});

export async function reportCommand(resultFile: string, rawOptions: unknown): Promise<void> {
  const options = parseOptions(reportOptions, rawOptions);
  const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  const html = await htmlReport(readResultFile(resultFile), version);
  const [written] = writeFilesAtomically(dirname(options.output), { [basename(options.output)]: html });
  process.stderr.write(`wrote ${written}\n`);
}
