import { readFileSync } from "node:fs";
import { z } from "zod";
import { InputError } from "../errors.js";
import { studyText } from "../reports/studyText.js";
import { writeStudyExport } from "../reports/studyExport.js";
import { comparePrices, priceComparisonText, readRecordedPrices } from "../reports/priceComparison.js";
import { studyPriceNeeds } from "../study/priceNeeds.js";
import { parseStudySpec, runStudy } from "../study/runStudy.js";
import { parseOptions } from "./options.js";
import { preparePrices, priceSourceFlags } from "./priceOptions.js";

const studyOptions = z.strictObject({
  data: z.string().min(1).optional(),
  universe: z.string().min(1).optional(),
  lenient: z.boolean().optional(),
  threads: z.coerce.number().int().min(1, "use 1 or more threads").max(256).optional(),
  out: z.string().min(1).optional(),
  charts: z.string().min(1).optional(),
  json: z.boolean().optional(),
  strict: z.boolean().optional(),
  compare: z.string().min(1).optional(),
  ...priceSourceFlags,
});

/** Reads and validates a study spec file; errors name the file and the field path. */
export function readStudySpec(file: string) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError("missing-file", `cannot read the study spec ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError("invalid-spec", `${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
  return parseStudySpec(json, file);
}

export async function studyCommand(specFile: string, rawOptions: unknown): Promise<void> {
  const options = parseOptions(studyOptions, rawOptions);
  const spec = readStudySpec(specFile);
  const recorded = options.compare === undefined ? null : readRecordedPrices(options.compare);
  const priceDirs = await preparePrices(studyPriceNeeds(spec), options, options.data);
  const result = runStudy(spec, { priceDirs, universeDir: options.universe, lenient: options.lenient, strict: options.strict, threads: options.threads });
  if (options.out !== undefined) {
    const written = writeStudyExport(result, options.out);
    process.stderr.write(`wrote ${written.join(", ")}\n`);
  }
  if (options.charts !== undefined) {
    const { studyCharts, writeCharts } = await import("../reports/charts/charts.js");
    process.stderr.write(`wrote ${(await writeCharts(options.charts, studyCharts(result))).join(", ")}\n`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${studyText(result)}\n`);
  for (const series of result.prices) {
    if (series.skippedRows.length > 0) process.stderr.write(`warning: skipped ${series.skippedRows.length} invalid row(s) of ${series.file}, first at line ${series.skippedRows[0]!.line}: ${series.skippedRows[0]!.reason}\n`);
  }
  for (const dropped of result.dropped) process.stderr.write(`warning: dropped ${dropped.symbol} ${dropped.date}: ${dropped.reason}\n`);
  if (recorded !== null) process.stderr.write(`${priceComparisonText(comparePrices(recorded, result.prices), options.compare!)}\n`);
}
