import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import type { ClaimCheck } from "../claims/checkClaim.js";
import { InputError, describeZodError } from "../errors.js";
import { eventResultSchema, studyResultFileSchema, studyResultSchema, type EventResult, type StudyResult } from "../study/studyResult.js";

/** A number that JSON may carry as null (NaN and infinities are written as null). */
const stat = z.number().nullable();
const date = z.string();
const move = z.looseObject({ symbol: z.string(), name: z.string().optional(), ret: z.number(), ar: stat });
const rank = z.looseObject({ value: z.number(), rank: z.number(), of: z.number(), percentile: stat, fellMore: z.number(), roseMore: z.number() });
const universe = z.looseObject({ date, market: z.string(), universe: z.string(), size: z.number(), ret: rank, ar: rank.nullable(), biggestMovers: z.array(move), moves: z.array(move) });
const provenance = z.looseObject({ symbol: z.string(), file: z.string(), first: date, last: date, source: z.string().optional(), sha256: z.string().optional() });

const claimCheckSchema = z.looseObject({
  schemaVersion: z.literal(1),
  symbol: z.string(),
  date,
  previousDate: date,
  market: z.string(),
  prices: z.looseObject({ previousClose: z.number(), open: z.number(), high: z.number(), low: z.number(), close: z.number(), marketPreviousClose: z.number(), marketClose: z.number() }),
  measures: z.looseObject({
    closeToClose: z.number(),
    openGap: stat,
    intradayLow: stat,
    intradayHigh: stat,
    marketReturn: z.number(),
    marketAdjusted: z.number(),
    abnormalReturn: stat,
    zScore: stat,
    percentile: stat,
  }),
  historyDays: z.number(),
  inference: z
    .looseObject({ t: z.number(), p: z.number(), df: z.number(), model: z.string(), estimationWindow: z.tuple([z.number(), z.number()]), nEstimation: z.number(), sigma: z.number(), estimation: z.looseObject({ start: date, end: date }) })
    .nullable(),
  claim: z
    .looseObject({ text: z.string(), value: z.number(), direction: z.enum(["down", "up"]).nullable(), bound: z.string(), band: z.tuple([z.number(), z.number().nullable()]), matches: z.array(z.string()) })
    .nullable(),
  universe: universe.nullable(),
  notes: z.array(z.string()),
  pricePath: z.array(z.looseObject({ offset: z.number(), date, open: z.number(), high: z.number(), low: z.number(), close: z.number() })).min(1),
  dailyReturns: z.array(z.looseObject({ date, ret: z.number() })).min(1),
  sources: z.array(provenance),
  verdict: z.string(),
});

/** A result file as the report reads it: what it holds, and the SHA-256 of its bytes. */
export type ResultFile = { file: string; sha256: string } & ({ kind: "study"; result: StudyResult } | { kind: "check"; check: ClaimCheck });

/**
 * Reads a study result (`study --out DIR` writes `DIR/result.json` with its events in `DIR/events.ndjson`;
 * `study --json` writes one with `events` inline) or a claim check
 * (`check --json`; it has `measures`) and validates every field the report and its charts use; errors
 * name the file and the field path.
 */
export function readResultFile(file: string): ResultFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const record = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  if ("events" in record) return { file, sha256, kind: "study", result: parse(studyResultSchema, json, file) };
  if ("eventsFile" in record) {
    const { eventCount, eventsFile, ...rest } = parse(studyResultFileSchema, json, file);
    return { file, sha256, kind: "study", result: { ...rest, events: readEvents(join(dirname(file), eventsFile), eventCount) } };
  }
  if ("measures" in record) return { file, sha256, kind: "check", check: parse(claimCheckSchema, json, file) as unknown as ClaimCheck };
  throw new InputError(`${file} is neither a study result (no "events") nor a claim check (no "measures"); write one with: event-impact study SPEC --out DIR, or event-impact check SYMBOL --date DATE --json > check.json`);
}

/** The events of a `result.json`, one per line of its events file, each validated; errors name the file and line. */
function readEvents(file: string, count: number): EventResult[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${file}, the events of the result beside it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const lines = text.split("\n").filter((line) => line.length > 0);
  if (lines.length !== count) throw new InputError(`${file} has ${lines.length} event(s); the result beside it says ${count}`);
  return lines.map((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${file} line ${i + 1} is not valid JSON: ${(error as Error).message}`);
    }
    return parse(eventResultSchema, json, `${file} line ${i + 1}`);
  });
}

function parse<Schema extends z.ZodType>(schema: Schema, json: unknown, file: string): z.output<Schema> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InputError(describeZodError(parsed.error, file));
  return parsed.data;
}
