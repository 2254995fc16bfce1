import { z } from "zod";
import { isoDateSchema } from "../calendar/isoDate.js";
import { isTimeZone } from "../calendar/zonedTime.js";
import { DEFAULT_ESTIMATION_WINDOW, DEFAULT_MIN_ESTIMATION_OBSERVATIONS } from "../engine/defaults.js";
import { modelNameSchema, returnKindSchema } from "../engine/eventAnalysisSchema.js";
import { eventSpan } from "../engine/eventWindows.js";
import { FACTOR_MODEL_NAMES, factorsOf, isFactorModel } from "../models/factorModel.js";

/**
 * Limits of a study spec (README "Limits"), checked before anything is allocated for it: offsets in
 * trading days from day 0, event windows, events (the spec's and the catalog's), event-days (events x
 * days of the event span: the per-day columns hold this many numbers each) and the spec file's size.
 */
export const SPEC_LIMITS = {
  maxOffset: 10_000,
  maxEventWindows: 100,
  maxEvents: 2_000_000,
  maxEventDays: 20_000_000,
  maxSpecBytes: 256 * 1024 * 1024,
} as const;

const offset = z
  .number()
  .int()
  .min(-SPEC_LIMITS.maxOffset, `at least -${SPEC_LIMITS.maxOffset.toLocaleString("en-US")} trading days`)
  .max(SPEC_LIMITS.maxOffset, `at most ${SPEC_LIMITS.maxOffset.toLocaleString("en-US")} trading days`);

const window = z
  .tuple([offset, offset])
  .refine(([start, end]) => start <= end, "a window is [start, end] with start <= end");

/** Kenneth French daily factor files, one or several (joined on date), for the factor models. */
export const factorFilesSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((files) => (typeof files === "string" ? [files] : files));

/** One event of a study: a symbol and when the news became public. */
export const studyEventSchema = z.strictObject({
  symbol: z.string().min(1),
  date: isoDateSchema,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time HH:MM (24-hour)")
    .optional(),
  timezone: z.string().refine(isTimeZone, "unknown IANA time zone (e.g. America/New_York)").optional(),
  market: z.string().min(1).optional(),
});

/** A selection of rows of the bundled event catalog (`data/events/`); all given conditions must hold. */
export const catalogFilterSchema = z
  .strictObject({
    ids: z.array(z.string().min(1)).min(1).optional(),
    symbols: z.array(z.string().min(1)).min(1).optional(),
    action: z.string().min(1).optional(),
    authority: z.string().min(1).optional(),
  })
  .refine((filter) => Object.keys(filter).length > 0, "name catalog ids or a filter (symbols, action, authority)");

/**
 * A study spec (DESIGN section 1): the events, the expected-return model, the return type and the windows,
 * all offsets in trading days relative to day 0.
 */
export const studySpecSchema = z
  .strictObject({
    name: z.string().default("event study"),
    market: z.string().min(1).optional(),
    model: modelNameSchema.default("market"),
    returns: returnKindSchema.default("simple"),
    estimationWindow: window.default([...DEFAULT_ESTIMATION_WINDOW]),
    minEstimationObservations: z.number().int().min(5, "at least 5: the market model needs more than 4 days for its tests").default(DEFAULT_MIN_ESTIMATION_OBSERVATIONS),
    eventWindows: z.array(window).min(1).max(SPEC_LIMITS.maxEventWindows).default([
      [0, 0],
      [-1, 1],
      [0, 5],
    ]),
    events: z.array(studyEventSchema).max(SPEC_LIMITS.maxEvents).default([]),
    catalog: catalogFilterSchema.optional(),
    factors: factorFilesSchema.optional(),
  })
  .superRefine((spec, ctx) => {
    if (isFactorModel(spec.model)) {
      const k = factorsOf(spec.model).length;
      if (spec.factors === undefined) ctx.addIssue({ code: "custom", path: ["factors"], message: `the ${spec.model} model needs factors: a Kenneth French daily factor file or a list of them (e.g. data/factors/F-F_Research_Data_Factors_daily.CSV)` });
      if (spec.returns === "log") ctx.addIssue({ code: "custom", path: ["returns"], message: `the ${spec.model} model uses simple returns (the factors are simple returns); remove "returns": "log"` });
      if (spec.minEstimationObservations < k + 4) ctx.addIssue({ code: "custom", path: ["minEstimationObservations"], message: `at least ${k + 4} for the ${spec.model} model (${k} factors and an intercept, and more than 2 residual df for its tests)` });
    } else if (spec.factors !== undefined) {
      ctx.addIssue({ code: "custom", path: ["factors"], message: `factor files are for the factor models (${FACTOR_MODEL_NAMES.join(", ")}), not the ${spec.model} model` });
    }
    if (spec.events.length === 0 && spec.catalog === undefined) {
      ctx.addIssue({ code: "custom", path: ["events"], message: "a study needs at least one event, or a catalog selection" });
    }
    const [spanStart, spanEnd] = eventSpan(spec.eventWindows);
    const eventDays = spec.events.length * (spanEnd - spanStart + 1);
    const offsetsValid = Math.max(-spanStart, spanEnd) <= SPEC_LIMITS.maxOffset;
    if (offsetsValid && eventDays > SPEC_LIMITS.maxEventDays) {
      ctx.addIssue({ code: "custom", path: ["events"], message: `${spec.events.length.toLocaleString("en-US")} events x ${spanEnd - spanStart + 1} days of event span is more than ${SPEC_LIMITS.maxEventDays.toLocaleString("en-US")} event-days; split the study or shorten the windows` });
    }
    const [, estimationEnd] = spec.estimationWindow;
    spec.eventWindows.forEach(([start], i) => {
      if (start <= estimationEnd) {
        ctx.addIssue({ code: "custom", path: ["eventWindows", i], message: `starts at ${start}, inside the estimation window ending at ${estimationEnd}` });
      }
    });
  });

export type StudySpecInput = z.input<typeof studySpecSchema>;
export type StudySpec = z.output<typeof studySpecSchema>;
export type StudyEvent = z.output<typeof studyEventSchema>;
