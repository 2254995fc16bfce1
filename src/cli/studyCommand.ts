import { readInputFile } from "../sources/localFiles.js";
import { z } from "zod";
import { InputError, summariseLines } from "../errors.js";
import { studyText } from "../reports/studyText.js";
import { LineWriter } from "../reports/lineWriter.js";
import { writeStudyExport, writeStudyJson, writeStudyWorkbook } from "../reports/studyExport.js";
import { comparePrices, priceComparisonText, readRecordedPrices } from "../reports/priceComparison.js";
import { studyPriceNeeds } from "../study/priceNeeds.js";
import { SPEC_LIMITS } from "../study/spec.js";
import { materialise, parseStudySpec, studyRun } from "../study/runStudy.js";
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
  xlsx: z.string().min(1).optional(),
  residuals: z.boolean().optional(),
  compare: z.string().min(1).optional(),
  ...priceSourceFlags,
});

/** Reads and validates a study spec file; errors name the file and the field path. */
export function readStudySpec(file: string) {
  const text = readInputFile(file, {
    bytes: SPEC_LIMITS.maxSpecBytes,
    error: (size) => new InputError("invalid-spec", `the study spec ${file} has ${size.toLocaleString("en-US")} bytes, more than the ${SPEC_LIMITS.maxSpecBytes.toLocaleString("en-US")} a spec may have; split the study`, { file }),
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError("invalid-spec", `${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
  return parseStudySpec(json, file);
}

/** The study of a spec file; the spec's events are let go once the run holds them in columns (see `studyRun`). */
async function specRun(specFile: string, options: z.output<typeof studyOptions>) {
  const spec = readStudySpec(specFile);
  const priceDirs = await preparePrices(studyPriceNeeds(spec), options, options.data);
  return studyRun(spec, { priceDirs, universeDir: options.universe, lenient: options.lenient, strict: options.strict, threads: options.threads, specFile });
}

export async function studyCommand(specFile: string, rawOptions: unknown): Promise<void> {
  const options = parseOptions(studyOptions, rawOptions);
  if (options.residuals && options.out === undefined && options.xlsx === undefined) throw new InputError("invalid-option", "--residuals adds estimation_residuals.csv to --out (or a sheet to --xlsx); give one of them", { field: "--residuals" });
  const recorded = options.compare === undefined ? null : readRecordedPrices(options.compare);
  const run = await specRun(specFile, options);
  const exportOptions = { residuals: options.residuals };
  if (options.out !== undefined) {
    const written = writeStudyExport(run, options.out, exportOptions);
    process.stderr.write(`wrote ${written.join(", ")}\n`);
  }
  if (options.xlsx !== undefined) process.stderr.write(`wrote ${await writeStudyWorkbook(run, options.xlsx, exportOptions)}\n`);
  if (options.charts !== undefined) {
    const { studyCharts, writeCharts } = await import("../reports/charts/charts.js");
    process.stderr.write(`wrote ${(await writeCharts(options.charts, studyCharts(materialise(run)))).join(", ")}\n`);
  }
  if (options.json) {
    const out = new LineWriter(process.stdout.fd);
    writeStudyJson(run, out);
    out.flush();
  } else process.stdout.write(`${studyText(run)}\n`);
  for (const series of run.prices) {
    if (series.skippedRows.length > 0) process.stderr.write(`warning: skipped ${series.skippedRows.length} invalid row(s) of ${series.file}, first at line ${series.skippedRows[0]!.line}: ${series.skippedRows[0]!.reason}\n`);
  }
  if (run.dropped.length > 0) process.stderr.write(`${summariseLines(run.dropped, (d) => `warning: dropped ${d.symbol} ${d.date}: ${d.reason}`)}\n`);
  if (recorded !== null) process.stderr.write(`${priceComparisonText(comparePrices(recorded, run.prices), options.compare!)}\n`);
}
