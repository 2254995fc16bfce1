import { z } from "zod";
import { volumeWindowSchema } from "../statistics/abnormalVolume.js";
import { sqResultSchema } from "../statistics/sqTest.js";
import { universeRankingSchema } from "../engine/universeRankingSchema.js";
import { priceProvenanceSchema } from "../sources/priceProvenanceSchema.js";
import { CHECK_SCHEMA_VERSION } from "./checkSchemaVersion.js";
import { eventAnalysisSchema, modelNameSchema } from "../engine/eventAnalysisSchema.js";

/**
 * The result of a claim check (`check --json`, `/api/check`), defined once: the TypeScript types are
 * inferred from these schemas, the report validates a check file with them and the serve API's
 * output is the same shape. JSON writes infinities as null; the claim band's open upper end
 * (`"more than 10%"`) reads back as Infinity.
 */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
/** A statistic that may be missing (too short a window, no intraday data). */
const stat = z.number().nullable();
/** A band's upper end: a number, or no end at all (null in JSON, Infinity in memory). */
const upperEnd = z.union([z.number(), z.null().transform(() => Number.POSITIVE_INFINITY)]);

export const directionSchema = z.enum(["down", "up"]);
/** How the claimed size is bounded: its own rounding band, a range ("between 10% and 14%"), at least the size, or below it. */
export const boundSchema = z.enum(["rounded", "range", "atLeast", "below"]);
/** The measure a claim's wording points to, if any ("as much as" → intraday, "closed" → close, "opened" → open). */
export const measureHintSchema = z.enum(["intraday", "close", "open"]);
/** The measures a claimed size is compared with (the others describe the day, not the stock's move). */
export const moveMeasureSchema = z.enum(["closeToClose", "openGap", "intradayLow", "intradayHigh", "marketAdjusted", "abnormalReturn"]);

const claimBand = z.tuple([z.number(), upperEnd]);

/** How many sessions a move spans: `sessions` from day 0 on, day 0's week up to day 0, or since the symbol's last catalogued announcement. */
export const spanSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sessions"), sessions: z.number().int().positive() }),
  z.object({ kind: z.literal("week") }),
  z.object({ kind: z.literal("sinceAnnouncement") }),
]);

/** A move in per cent: "fell 14%", "closed 10.3% lower", "rose between 10% and 14%", "fell 20% over two days". */
export const moveClaimSchema = z.object({
  kind: z.literal("move"),
  text: z.string(),
  /** The claimed move as a signed fraction (-0.14 for "fell 14%"); positive when the direction is not stated. */
  value: z.number(),
  direction: directionSchema.nullable(),
  bound: boundSchema,
  /** Magnitudes (fractions) that match: `[low, high)`; `high` is Infinity for "more than". */
  band: claimBand,
  measureHint: measureHintSchema.nullable(),
  /** "percentagePoints" is a change of a rate, not a price move, and cannot be checked against prices. */
  unit: z.enum(["percent", "percentagePoints"]),
  span: spanSchema,
});

/** "biggest one-day fall since March 2020", "worst day on record", "lowest close since its 2018 listing". */
export const recordClaimSchema = z.object({
  kind: z.literal("record"),
  text: z.string(),
  direction: directionSchema,
  /** A record of the day's move (biggest fall or rise) or of the closing level (lowest or highest close). */
  extreme: z.enum(["move", "close"]),
  /** The basis the wording names ("intraday"), or null: then both bases are reported and the close decides. */
  basis: z.enum(["close", "intraday"]).nullable(),
  /** The period the claim reaches back to ("since March 2020": 2020-03-01 to 2020-03-31); null for "on record", "ever", "since listing". */
  since: z.object({ start: date, end: date, text: z.string() }).nullable(),
});

/** "closed at HK$29.30", "fell to HK$28.20", "opened at 29": a price of the day. */
export const priceClaimSchema = z.object({
  kind: z.literal("price"),
  text: z.string(),
  price: z.number(),
  /** Prices that match: the claim's own rounding (29.30 matches [29.295, 29.305)). */
  band: claimBand,
  /** The prices of the day the wording can mean: "closed at" the close, "fell to" the close or the low. */
  fields: z.array(z.enum(["open", "high", "low", "close"])).min(1),
});

/** "wiped HK$80bn off its market value", "added US$5 billion to its market capitalisation". */
export const marketValueClaimSchema = z.object({
  kind: z.literal("marketValue"),
  text: z.string(),
  direction: directionSchema.nullable(),
  /** The claimed change of market value, in the currency of the prices (positive; the direction says which way). */
  amount: z.number(),
  band: claimBand,
});

export const parsedClaimSchema = z.discriminatedUnion("kind", [moveClaimSchema, recordClaimSchema, priceClaimSchema, marketValueClaimSchema]);

export const claimMeasuresSchema = z.object({
  closeToClose: z.number(),
  openGap: stat,
  intradayLow: stat,
  intradayHigh: stat,
  marketReturn: z.number(),
  marketAdjusted: z.number(),
  abnormalReturn: stat,
  zScore: stat,
  /** Share of the stock's other days on file with a lower close-to-close return. */
  percentile: z.number(),
});

export const claimInferenceSchema = z.object({
  t: z.number(),
  p: z.number(),
  /** The day's SQ test (Gelbach, Helland & Klick 2013): the abnormal return among the estimation residuals, no normality assumed. */
  sq: sqResultSchema,
  /** The day's abnormal log volume (Campbell & Wasley 1996) as a one-day CAV with its t and p; null statistics without volume data. */
  abnormalVolume: volumeWindowSchema,
  df: z.number(),
  model: modelNameSchema,
  /** A factor model's slopes by factor name. */
  betas: eventAnalysisSchema.shape.betas,
  estimationWindow: z.tuple([z.number(), z.number()]),
  nEstimation: z.number(),
  sigma: z.number(),
  estimation: z.object({ start: date, end: date }),
});

export const pricePathPointSchema = z.object({ offset: z.number(), date, open: z.number(), high: z.number(), low: z.number(), close: z.number() });
export const dailyReturnSchema = z.object({ date, ret: z.number() });

const spanMoveSchema = z.object({
  /** The session whose close the move is measured from, and the session it is measured to. */
  from: date,
  to: date,
  sessions: z.number(),
  /** Close-to-close return over the span (adjusted closes). */
  ret: z.number(),
  matches: z.boolean(),
});

export const checkedMoveSchema = moveClaimSchema.extend({
  /** The measures the claimed size matches, among those its wording points to (all of them when it names none). */
  matches: z.array(moveMeasureSchema),
  /** Measures outside the wording that the size matches. */
  otherMatches: z.array(moveMeasureSchema),
  /** The move over the claim's span when it is more than day 0 ("over two days", "this week"); null for a one-day move or when the span is not on file. */
  spanMove: spanMoveSchema.nullable(),
});

export const recordFindingSchema = z.object({
  basis: z.enum(["close", "intraday"]),
  /** Day 0's value on this basis: the move (close-to-close, or the intraday low/high against the previous close) or the level (adjusted close, or adjusted low/high). */
  value: stat,
  /** The last session before day 0 with a more extreme value, if any on file. */
  lastBeyond: z.object({ date, value: z.number() }).nullable(),
  /** Whether the claim holds on this basis; null when the file does not reach back far enough to say. */
  holds: z.boolean().nullable(),
});

export const checkedRecordSchema = recordClaimSchema.extend({
  /** The first session on file: records are judged as far back as this. */
  fileStart: date,
  findings: z.array(recordFindingSchema),
});

export const checkedPriceSchema = priceClaimSchema.extend({
  actual: z.array(z.object({ field: z.enum(["open", "high", "low", "close"]), price: z.number(), matches: z.boolean() })),
});

export const checkedMarketValueSchema = marketValueClaimSchema.extend({
  /** Shares outstanding as given (`--shares`); null when none was given. */
  shares: z.number().nullable(),
  /** shares × (close − previous close), raw prices; null without shares. */
  change: stat,
  matches: z.boolean().nullable(),
});

export const checkedClaimSchema = z.discriminatedUnion("kind", [checkedMoveSchema, checkedRecordSchema, checkedPriceSchema, checkedMarketValueSchema]);

/** The verdict's label: accurate, accurate for one measure only (e.g. the intraday low, not the close), inaccurate, or unverifiable (with why). */
export const verdictLabelSchema = z.enum(["accurate", "accurate-for-measure-only", "inaccurate", "unverifiable"]);

export const verdictSchema = z.object({
  /** Null when no claim was given. */
  label: verdictLabelSchema.nullable(),
  /** The label in words: "accurate for the intraday low only", "unverifiable: no shares outstanding given". */
  labelText: z.string().nullable(),
  /** Why the claim is unverifiable (or the caveat of an accurate one), else null. */
  why: z.string().nullable(),
  /** The first line: the actual close-to-close move, saying when the closes are adjusted. */
  headline: z.string(),
  /** The whole verdict in plain English. */
  text: z.string(),
});

export const claimCheckSchema = z.object({
  schemaVersion: z.literal(CHECK_SCHEMA_VERSION),
  symbol: z.string(),
  date,
  previousDate: date,
  market: z.string(),
  prices: z.object({ previousClose: z.number(), open: z.number(), high: z.number(), low: z.number(), close: z.number(), marketPreviousClose: z.number(), marketClose: z.number() }),
  measures: claimMeasuresSchema,
  /** Daily returns on file besides day 0, against which `percentile` is taken. */
  historyDays: z.number(),
  inference: claimInferenceSchema.nullable(),
  claim: checkedClaimSchema.nullable(),
  /** The day's return and abnormal return ranked among a universe of stocks, when one was given. */
  universe: universeRankingSchema.nullable(),
  /** Why a measure is missing (no intraday data, too short an estimation window). */
  notes: z.array(z.string()),
  /** The stock's sessions from 20 before to 10 after the date (raw prices). */
  pricePath: z.array(pricePathPointSchema).min(1),
  /** Every close-to-close return of the stock on file, the date's included. */
  dailyReturns: z.array(dailyReturnSchema).min(1),
  /** The price files read: the stock's and the market's. */
  sources: z.array(priceProvenanceSchema),
  /** Whether the stock's open, high, low and close on file are adjusted (off the exchange's price grid), so a quoted price cannot be checked exactly. */
  pricesAdjusted: z.boolean(),
  verdict: verdictSchema,
});

export type Direction = z.infer<typeof directionSchema>;
export type Bound = z.infer<typeof boundSchema>;
export type MeasureHint = z.infer<typeof measureHintSchema>;
export type MoveMeasure = z.infer<typeof moveMeasureSchema>;
export type ParsedClaim = z.infer<typeof parsedClaimSchema>;
export type MoveClaim = z.infer<typeof moveClaimSchema>;
export type RecordClaim = z.infer<typeof recordClaimSchema>;
export type PriceClaim = z.infer<typeof priceClaimSchema>;
export type MarketValueClaim = z.infer<typeof marketValueClaimSchema>;
export type Span = z.infer<typeof spanSchema>;
export type ClaimMeasures = z.infer<typeof claimMeasuresSchema>;
export type ClaimInference = z.infer<typeof claimInferenceSchema>;
export type PricePathPoint = z.infer<typeof pricePathPointSchema>;
export type DailyReturn = z.infer<typeof dailyReturnSchema>;
export type CheckedClaim = z.infer<typeof checkedClaimSchema>;
export type CheckedMove = z.infer<typeof checkedMoveSchema>;
export type RecordFinding = z.infer<typeof recordFindingSchema>;
export type VerdictLabel = z.infer<typeof verdictLabelSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type ClaimCheck = z.infer<typeof claimCheckSchema>;

/** One claim found in a paragraph: the sentence it came from, whom and which day it is about, and its check. */
export const textClaimSchema = z.object({
  sentence: z.string(),
  /** The clause the claim was read from. */
  claim: z.string(),
  kind: z.enum(["move", "record", "price", "marketValue"]),
  /** The symbol the company's name resolved to; null when the sentence names none the names table knows. */
  symbol: z.string().nullable(),
  date: date.nullable(),
  label: verdictLabelSchema,
  /** Why the claim is unverifiable, or the label's caveat. */
  why: z.string().nullable(),
  /** The full check, when one could be made. */
  check: claimCheckSchema.nullable(),
});

/** The result of checking a paragraph (`check --text`, `/api/check-text`): one verdict per claim found. */
export const textCheckSchema = z.object({
  schemaVersion: z.literal(CHECK_SCHEMA_VERSION),
  /** The date the text's claims default to: one written in the text, else the one given. */
  date: date.nullable(),
  claims: z.array(textClaimSchema),
});

export type TextClaim = z.infer<typeof textClaimSchema>;
export type TextCheck = z.infer<typeof textCheckSchema>;
