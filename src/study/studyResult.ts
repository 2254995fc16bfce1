import { z } from "zod";
import { jsonNumber } from "../jsonNumber.js";
import { volumeWindowSchema } from "../statistics/abnormalVolume.js";
import { sqResultSchema } from "../statistics/sqTest.js";
import { volatilityResultSchema } from "../statistics/volatilityRatio.js";
import { testResultSchema } from "../statistics/testResult.js";
import { FACTOR_NAMES } from "../models/factorModel.js";
import { modelNameSchema, returnKindSchema } from "./spec.js";

/**
 * The study result (DESIGN section 8) as zod schemas: the one definition of its shape. The TypeScript
 * types are inferred from them, and `report` validates a `result.json` with them. Numbers that may be NaN
 * are `jsonNumber`s (null in JSON, NaN in memory).
 */

const date = z.string();
const window = z.tuple([z.number(), z.number()]);

/** One day of an event's span: the firm's and the market's return, the abnormal return and its standardised value. */
export const abnormalReturnRowSchema = z.object({
  offset: z.number(),
  date,
  ret: z.number(),
  marketRet: z.number(),
  ar: z.number(),
  sar: jsonNumber,
  /** Abnormal log volume `ln(1 + volume) - mean_est` (Campbell & Wasley 1996); null without volume data. */
  av: jsonNumber,
});

/** One event window of one event: CAR, its variance, t and two-sided p with the model's df, BHAR, the SQ test and abnormal volatility. */
export const windowResultSchema = z.object({
  start: z.number(),
  end: z.number(),
  startDate: date,
  endDate: date,
  car: z.number(),
  variance: z.number(),
  t: jsonNumber,
  p: jsonNumber,
  df: z.number(),
  bhar: z.number(),
  /** The SQ test (Gelbach, Helland & Klick 2013) of the CAR against the estimation window's sums of L2 residuals. */
  sq: sqResultSchema,
  /** Abnormal volatility: `mean_window(AR^2) / s^2` and its one-sided F p-value. */
  volatility: volatilityResultSchema,
  /** Cumulative abnormal log volume with its t and p (Campbell & Wasley 1996). */
  volume: volumeWindowSchema,
});

/** The CAR from the first day of the event span to one day, with its prediction-error variance. */
export const carPathPointSchema = z.object({ offset: z.number(), date, car: z.number(), variance: z.number() });

/** One firm's event study around day 0: the fitted model, abnormal returns over the span and window statistics. */
export const eventAnalysisSchema = z.object({
  day0: date,
  model: modelNameSchema,
  alpha: z.number(),
  /** The market beta (for the factor models, the slope on Mkt-RF). */
  beta: z.number(),
  /** The factor models' slopes by factor name (absent for the market models). */
  betas: z.partialRecord(z.enum(FACTOR_NAMES), z.number()).optional(),
  sigma: z.number(),
  df: z.number(),
  nEstimation: z.number(),
  estimation: z.object({ start: date, end: date }),
  abnormalReturns: z.array(abnormalReturnRowSchema).min(1),
  windows: z.array(windowResultSchema),
});

/** One stock's move on a date: close-to-close return and market-model abnormal return (null without a model). */
export const stockMoveSchema = z.object({ symbol: z.string(), name: z.string().optional(), ret: z.number(), ar: z.number().nullable() });

/** Where one value stands in a cross-section, rank 1 being the lowest (the biggest fall). */
export const rankSchema = z.object({
  value: z.number(),
  rank: z.number(),
  of: z.number(),
  /** Share of the other stocks with a lower value (0 = nobody fell more). */
  percentile: jsonNumber,
  fellMore: z.number(),
  roseMore: z.number(),
});

/** A day's return and abnormal return ranked among a universe of stocks. */
export const universeRankingSchema = z.object({
  date,
  market: z.string(),
  universe: z.string(),
  /** Stocks with a return on the date (the firm included). */
  size: z.number(),
  ret: rankSchema,
  ar: rankSchema.nullable(),
  /** The five largest absolute returns of the day. */
  biggestMovers: z.array(stockMoveSchema),
  /** Every stock's move that day, the firm's included, from the biggest fall to the biggest rise. */
  moves: z.array(stockMoveSchema),
  /** Universe files left out because they could not be read. */
  unreadable: z.array(z.object({ symbol: z.string(), reason: z.string() })),
});

/** An event of a study: who, when announced, and its analysis. */
export const eventResultSchema = eventAnalysisSchema.extend({
  symbol: z.string(),
  market: z.string(),
  announcement: z.object({ date, time: z.string().optional(), timezone: z.string().optional() }),
  /** The catalog row the event came from, if any. */
  catalogId: z.string().optional(),
  /** Day 0's return and abnormal return ranked among the universe, when one was given. */
  universe: universeRankingSchema.optional(),
  /** The CAR cumulated from the first day of the event span to each day, with its variance (the CAR chart's band). */
  carPath: z.array(carPathPointSchema).min(1),
});

/** An event the data could not support, with the reason. */
export const droppedEventSchema = z.object({ symbol: z.string(), date: z.string(), reason: z.string() });

/** The cross-firm test battery (DESIGN section 6) of one window or day. */
export const testBatterySchema = z.object({
  crossSectionalT: testResultSchema,
  patell: testResultSchema,
  adjustedPatell: testResultSchema,
  bmp: testResultSchema,
  kolariPynnonen: testResultSchema,
  corradoRank: testResultSchema,
  grank: testResultSchema,
  generalizedSign: testResultSchema,
  wilcoxon: testResultSchema,
});

/** The names of the tests in the battery, in their order. */
export const testNameSchema = testBatterySchema.keyof();

export const windowAggregateSchema = z.object({
  start: z.number(),
  end: z.number(),
  n: z.number(),
  caar: z.number(),
  positive: z.number(),
  negative: z.number(),
  bhar: z.object({ mean: z.number(), skewnessAdjustedT: testResultSchema }),
  /** Mean cumulative abnormal log volume over the events with volume data, with its cross-sectional t (N-1 df). */
  volume: z.object({ meanCav: jsonNumber, crossSectionalT: testResultSchema }),
  tests: testBatterySchema,
});

export const dayAggregateSchema = z.object({
  offset: z.number(),
  n: z.number(),
  aar: z.number(),
  positive: z.number(),
  negative: z.number(),
  tests: testBatterySchema,
});

/** Events that share day 0 and market. */
export const clusterSchema = z.object({ day0: date, market: z.string(), symbols: z.array(z.string()) });

/** A firm studied more than once with overlapping event spans. */
export const overlappingEventsSchema = z.object({ symbol: z.string(), day0s: z.array(date) });

/** Cross-firm statistics for every event window and every day of the event span. */
export const aggregateSchema = z.object({
  windows: z.array(windowAggregateSchema),
  days: z.array(dayAggregateSchema),
  /** True when at least two events share day 0 and market. */
  clustered: z.boolean(),
  clusters: z.array(clusterSchema),
  /** Firms studied more than once with overlapping event spans. */
  overlaps: z.array(overlappingEventsSchema),
  /** Kolari-Pynnönen `r`: mean pairwise correlation of estimation-window residuals. */
  meanResidualCorrelation: jsonNumber,
  /** Cowan's `p_hat`: share of positive abnormal returns over all estimation windows. */
  positiveShare: jsonNumber,
  /** The test to read first: Kolari-Pynnönen when events cluster, BMP otherwise. */
  headline: testNameSchema,
});

/** Where a price series came from: its file, date range and what reading dropped. */
export const priceProvenanceSchema = z.object({
  symbol: z.string(),
  file: z.string(),
  /** The kind of folder the file was read from: the bundled data, a cache, or a user's data folder. */
  source: z.enum(["bundled", "cache", "data"]),
  /** SHA-256 of the file's content: a later run can tell whether the data changed (`study --compare`). */
  sha256: z.string(),
  first: date,
  last: date,
  fillerBarsDropped: z.array(date),
  skippedRows: z.array(z.object({ line: z.number(), reason: z.string() })),
  /**
   * Rows kept with a warning (DESIGN section 2): `ohlc`, low/high not bracketing open and close (that day's intraday
   * measures are null); `move`, a day move beyond -99.9% or x1000. Absent in results written before it (read as none).
   */
  warnings: z.array(z.object({ line: z.number(), date, kind: z.enum(["ohlc", "move"]), message: z.string() })).default([]),
});

/** A study's result: its settings, every event studied, the events dropped, the cross-firm statistics and the prices read. */
export const studyResultSchema = z.object({
  schemaVersion: z.literal(1),
  name: z.string(),
  model: modelNameSchema,
  /** The factor files of a factor model, as the spec names them. */
  factors: z.array(z.string()).optional(),
  returns: returnKindSchema,
  estimationWindow: window,
  minEstimationObservations: z.number(),
  eventWindows: z.array(window),
  events: z.array(eventResultSchema).min(1),
  dropped: z.array(droppedEventSchema),
  /** Cross-firm statistics; null when fewer than two events were studied. */
  aggregate: aggregateSchema.nullable(),
  prices: z.array(priceProvenanceSchema),
});

/** The settings a study ran with: what `result.json` and the JSON form start with. */
export const studyHeaderSchema = studyResultSchema.pick({
  schemaVersion: true,
  name: true,
  model: true,
  factors: true,
  returns: true,
  estimationWindow: true,
  minEstimationObservations: true,
  eventWindows: true,
});

/** The file beside `result.json` that holds one event result per line (NDJSON). */
export const EVENTS_FILE = "events.ndjson";

/**
 * `result.json` as `study --out` writes it: the study result with its events moved to `events.ndjson`
 * (one `eventResultSchema` object per line, in order), so that no file needs the whole study in memory.
 */
export const studyResultFileSchema = studyResultSchema.omit({ events: true }).extend({
  eventCount: z.number().int().min(1),
  eventsFile: z.literal(EVENTS_FILE),
});

export type AbnormalReturnRow = z.output<typeof abnormalReturnRowSchema>;
export type WindowResult = z.output<typeof windowResultSchema>;
export type CarPathPoint = z.output<typeof carPathPointSchema>;
export type EventAnalysis = z.output<typeof eventAnalysisSchema>;
export type StockMove = z.output<typeof stockMoveSchema>;
export type Rank = z.output<typeof rankSchema>;
export type UniverseRanking = z.output<typeof universeRankingSchema>;
export type EventResult = z.output<typeof eventResultSchema>;
export type DroppedEvent = z.output<typeof droppedEventSchema>;
export type TestBattery = z.output<typeof testBatterySchema>;
export type TestName = z.output<typeof testNameSchema>;
export type WindowAggregate = z.output<typeof windowAggregateSchema>;
export type DayAggregate = z.output<typeof dayAggregateSchema>;
export type Cluster = z.output<typeof clusterSchema>;
export type OverlappingEvents = z.output<typeof overlappingEventsSchema>;
export type Aggregate = z.output<typeof aggregateSchema>;
export type PriceProvenance = z.output<typeof priceProvenanceSchema>;
export type StudyResult = z.output<typeof studyResultSchema>;
export type StudyHeader = z.output<typeof studyHeaderSchema>;
export type StudyResultFile = z.output<typeof studyResultFileSchema>;
