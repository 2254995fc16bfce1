import { z } from "zod";
import { jsonNumber } from "../jsonNumber.js";
import { testResultSchema } from "../statistics/testResult.js";
import { priceProvenanceSchema } from "../sources/priceProvenanceSchema.js";
import { universeRankingSchema } from "../engine/universeRankingSchema.js";
import { eventAnalysisSchema, modelNameSchema, returnKindSchema, type AbnormalReturnRow, type EventAnalysis, type WindowResult } from "../engine/eventAnalysisSchema.js";

/**
 * The study result (DESIGN section 8) as zod schemas: the one definition of its shape. The TypeScript
 * types are inferred from them, and `report` validates a `result.json` with them. Numbers that may be NaN
 * are `jsonNumber`s (null in JSON, NaN in memory).
 */

/** The version of the study result's JSON form (README); it changes when a key is renamed or removed. */
export const SCHEMA_VERSION = 1;

const date = z.string();
const window = z.tuple([z.number(), z.number()]);

/** The CAR from the first day of the event span to one day, with its prediction-error variance. */
export const carPathPointSchema = z.object({ offset: z.number(), date, car: z.number(), variance: z.number() });

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

/** A study's result: its settings, every event studied, the events dropped, the cross-firm statistics and the prices read. */
export const studyResultSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
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

export type { AbnormalReturnRow, EventAnalysis, WindowResult };
export type CarPathPoint = z.output<typeof carPathPointSchema>;
export type EventResult = z.output<typeof eventResultSchema>;
export type DroppedEvent = z.output<typeof droppedEventSchema>;
export type TestBattery = z.output<typeof testBatterySchema>;
export type TestName = z.output<typeof testNameSchema>;
export type WindowAggregate = z.output<typeof windowAggregateSchema>;
export type DayAggregate = z.output<typeof dayAggregateSchema>;
export type Cluster = z.output<typeof clusterSchema>;
export type OverlappingEvents = z.output<typeof overlappingEventsSchema>;
export type Aggregate = z.output<typeof aggregateSchema>;
export type StudyResult = z.output<typeof studyResultSchema>;
export type StudyHeader = z.output<typeof studyHeaderSchema>;
