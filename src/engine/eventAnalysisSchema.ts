import { z } from "zod";
import { jsonNumber } from "../jsonNumber.js";
import { FACTOR_MODEL_NAMES, FACTOR_NAMES } from "../models/factorModel.js";
import { volumeWindowSchema } from "../statistics/abnormalVolume.js";
import { sqResultSchema } from "../statistics/sqTest.js";
import { volatilityResultSchema } from "../statistics/volatilityRatio.js";
import { MODEL_NAMES } from "../models/expectedReturnModel.js";

/**
 * One firm's event study as zod schemas, the shape shared by a study's events (`studyResult.ts`) and the
 * per-event analysis (`eventStudy.ts`); the types are inferred from them.
 */

/** The expected-return models (DESIGN sections 4 and 9). */
export const modelNameSchema = z.enum(MODEL_NAMES);
/** Simple or log returns (DESIGN section 4). */
export const returnKindSchema = z.enum(["simple", "log"]);

const date = z.string();

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

export type AbnormalReturnRow = z.output<typeof abnormalReturnRowSchema>;
export type WindowResult = z.output<typeof windowResultSchema>;
export type EventAnalysis = z.output<typeof eventAnalysisSchema>;
