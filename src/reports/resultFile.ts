import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ClaimCheck } from "../claims/checkClaim.js";
import { InputError, zodInputError } from "../errors.js";
import { studyResultSchema, type StudyResult } from "../study/studyResult.js";

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
 * Reads a study result (`study --out DIR` writes `DIR/result.json`; it has `events`) or a claim check
 * (`check --json`; it has `measures`) and validates every field the report and its charts use; errors
 * name the file and the field path.
 */
export function readResultFile(file: string): ResultFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError("missing-file", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new InputError("invalid-file", `${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const record = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  if ("events" in record) return { file, sha256, kind: "study", result: parse(studyResultSchema, json, file) };
  if ("measures" in record) return { file, sha256, kind: "check", check: parse(claimCheckSchema, json, file) as unknown as ClaimCheck };
  throw new InputError("invalid-file", `${file} is neither a study result (no "events") nor a claim check (no "measures"); write one with: event-impact study SPEC --out DIR, or event-impact check SYMBOL --date DATE --json > check.json`, { file });
}

function parse<Schema extends z.ZodType>(schema: Schema, json: unknown, file: string): z.output<Schema> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw zodInputError("invalid-file", parsed.error, { prefix: file, file });
  return parsed.data;
}
