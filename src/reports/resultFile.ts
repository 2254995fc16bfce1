import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { ClaimCheck } from "../claims/checkClaim.js";
import { InputError, describeZodError } from "../errors.js";
import type { StudyResult } from "../study/runStudy.js";

/** A number that JSON may carry as null (NaN and infinities are written as null). */
const stat = z.number().nullable();
const date = z.string();
const testResult = z.looseObject({ statistic: stat, p: stat, n: z.number() });
const move = z.looseObject({ symbol: z.string(), name: z.string().optional(), ret: z.number(), ar: stat });
const rank = z.looseObject({ value: z.number(), rank: z.number(), of: z.number(), percentile: stat, fellMore: z.number(), roseMore: z.number() });
const universe = z.looseObject({ date, market: z.string(), universe: z.string(), size: z.number(), ret: rank, ar: rank.nullable(), biggestMovers: z.array(move), moves: z.array(move) });
const provenance = z.looseObject({ symbol: z.string(), file: z.string(), first: date, last: date, source: z.string().optional(), sha256: z.string().optional() });

const studyEvent = z.looseObject({
  symbol: z.string(),
  market: z.string(),
  announcement: z.looseObject({ date, time: z.string().optional(), timezone: z.string().optional() }),
  catalogId: z.string().optional(),
  day0: date,
  model: z.string(),
  alpha: z.number(),
  beta: z.number(),
  sigma: z.number(),
  df: z.number(),
  nEstimation: z.number(),
  estimation: z.looseObject({ start: date, end: date }),
  abnormalReturns: z.array(z.looseObject({ offset: z.number(), date, ret: z.number(), marketRet: z.number(), ar: z.number(), sar: stat })).min(1),
  windows: z.array(z.looseObject({ start: z.number(), end: z.number(), startDate: date, endDate: date, car: z.number(), variance: z.number(), t: stat, p: stat, df: z.number(), bhar: z.number(), sq: z.looseObject({ p: stat, quantile: stat, minP: stat }) })),
  carPath: z.array(z.looseObject({ offset: z.number(), date, car: z.number(), variance: z.number() })).min(1),
  universe: universe.optional(),
});

const battery = z.looseObject({
  crossSectionalT: testResult,
  patell: testResult,
  adjustedPatell: testResult,
  bmp: testResult,
  kolariPynnonen: testResult,
  corradoRank: testResult,
  grank: testResult,
  generalizedSign: testResult,
  wilcoxon: testResult,
});

const studyResultSchema = z.looseObject({
  schemaVersion: z.literal(1),
  name: z.string(),
  model: z.string(),
  returns: z.string(),
  estimationWindow: z.tuple([z.number(), z.number()]),
  minEstimationObservations: z.number(),
  eventWindows: z.array(z.tuple([z.number(), z.number()])),
  events: z.array(studyEvent).min(1),
  dropped: z.array(z.looseObject({ symbol: z.string(), date: z.string(), reason: z.string() })),
  aggregate: z
    .looseObject({
      windows: z.array(z.looseObject({ start: z.number(), end: z.number(), n: z.number(), caar: z.number(), positive: z.number(), negative: z.number(), bhar: z.looseObject({ mean: z.number(), skewnessAdjustedT: testResult }), tests: battery })),
      days: z.array(z.looseObject({ offset: z.number(), n: z.number(), aar: z.number(), positive: z.number(), negative: z.number(), tests: battery })),
      clustered: z.boolean(),
      clusters: z.array(z.looseObject({ day0: date, market: z.string(), symbols: z.array(z.string()) })),
      overlaps: z.array(z.looseObject({ symbol: z.string(), day0s: z.array(date) })),
      meanResidualCorrelation: stat,
      positiveShare: stat,
      headline: z.enum(["crossSectionalT", "patell", "adjustedPatell", "bmp", "kolariPynnonen", "corradoRank", "grank", "generalizedSign", "wilcoxon"]),
    })
    .nullable(),
  prices: z.array(provenance),
});

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
    .looseObject({ t: z.number(), p: z.number(), sq: z.looseObject({ p: stat, quantile: stat, minP: stat }), df: z.number(), model: z.string(), estimationWindow: z.tuple([z.number(), z.number()]), nEstimation: z.number(), sigma: z.number(), estimation: z.looseObject({ start: date, end: date }) })
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
  if ("events" in record) return { file, sha256, kind: "study", result: parse(studyResultSchema, json, file) as unknown as StudyResult };
  if ("measures" in record) return { file, sha256, kind: "check", check: parse(claimCheckSchema, json, file) as unknown as ClaimCheck };
  throw new InputError(`${file} is neither a study result (no "events") nor a claim check (no "measures"); write one with: event-impact study SPEC --out DIR, or event-impact check SYMBOL --date DATE --json > check.json`);
}

function parse(schema: z.ZodType, json: unknown, file: string): unknown {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InputError(describeZodError(parsed.error, file));
  return parsed.data;
}
