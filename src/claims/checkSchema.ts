import { z } from "zod";
import { volumeWindowSchema } from "../statistics/abnormalVolume.js";
import { sqResultSchema } from "../statistics/sqTest.js";

/**
 * The result of a claim check (`check --json`, `/api/check`), defined once: the TypeScript types are
 * inferred from these schemas, the report validates a check file with them and the serve API's
 * output is the same shape. JSON writes infinities as null; the claim band's open upper end
 * (`"more than 10%"`) reads back as Infinity.
 */

/** The version of the check result's JSON form; it changes when a key is renamed or removed. */
export const CHECK_SCHEMA_VERSION = 2;

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

export const parsedClaimSchema = z.object({
  text: z.string(),
  /** The claimed move as a signed fraction (-0.14 for "fell 14%"); positive when the direction is not stated. */
  value: z.number(),
  direction: directionSchema.nullable(),
  bound: boundSchema,
  /** Magnitudes (fractions) that match: `[low, high)`; `high` is Infinity for "more than". */
  band: z.tuple([z.number(), upperEnd]),
  measureHint: measureHintSchema.nullable(),
});

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
  model: z.enum(["market", "market-adjusted", "mean-adjusted"]),
  estimationWindow: z.tuple([z.number(), z.number()]),
  nEstimation: z.number(),
  sigma: z.number(),
  estimation: z.object({ start: date, end: date }),
});

const rankSchema = z.object({ value: z.number(), rank: z.number(), of: z.number(), percentile: z.number(), fellMore: z.number(), roseMore: z.number() });
const stockMoveSchema = z.object({ symbol: z.string(), name: z.string().optional(), ret: z.number(), ar: stat });

export const universeRankingSchema = z.object({
  date,
  market: z.string(),
  universe: z.string(),
  size: z.number(),
  ret: rankSchema,
  ar: rankSchema.nullable(),
  biggestMovers: z.array(stockMoveSchema),
  moves: z.array(stockMoveSchema),
  unreadable: z.array(z.object({ symbol: z.string(), reason: z.string() })),
});

export const pricePathPointSchema = z.object({ offset: z.number(), date, open: z.number(), high: z.number(), low: z.number(), close: z.number() });
export const dailyReturnSchema = z.object({ date, ret: z.number() });

export const priceProvenanceSchema = z.object({
  symbol: z.string(),
  file: z.string(),
  source: z.enum(["bundled", "cache", "data"]),
  sha256: z.string(),
  first: date,
  last: date,
  fillerBarsDropped: z.array(date),
  skippedRows: z.array(z.object({ line: z.number(), reason: z.string() })),
});

export const checkedClaimSchema = parsedClaimSchema.extend({
  /** The measures the claimed size matches, among those its wording points to (all of them when it names none). */
  matches: z.array(moveMeasureSchema),
  /** Measures outside the wording that the size matches. */
  otherMatches: z.array(moveMeasureSchema),
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
  verdict: z.string(),
});

export type Direction = z.infer<typeof directionSchema>;
export type Bound = z.infer<typeof boundSchema>;
export type MeasureHint = z.infer<typeof measureHintSchema>;
export type MoveMeasure = z.infer<typeof moveMeasureSchema>;
export type ParsedClaim = z.infer<typeof parsedClaimSchema>;
export type ClaimMeasures = z.infer<typeof claimMeasuresSchema>;
export type ClaimInference = z.infer<typeof claimInferenceSchema>;
export type PricePathPoint = z.infer<typeof pricePathPointSchema>;
export type DailyReturn = z.infer<typeof dailyReturnSchema>;
export type CheckedClaim = z.infer<typeof checkedClaimSchema>;
export type ClaimCheck = z.infer<typeof claimCheckSchema>;
