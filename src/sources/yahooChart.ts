import { z } from "zod";
import { isTimeZone } from "../calendar/zonedTime.js";
import type { PriceBar } from "./priceBar.js";

const values = z.array(z.number().nullable());

/** An event's time: epoch seconds as Yahoo sends it, or the Date yahoo-finance2 coerces it to. */
const eventTime = z.union([z.number().int(), z.date().transform((date) => Math.round(date.getTime() / 1000))]);

/**
 * The part of Yahoo's v8 chart result (`chart.result[0]`, daily interval, `events=div|split`) that prices
 * are built from. Quote and adjclose arrays run parallel to `timestamp`; a range without trading has no
 * `timestamp` and an empty quote list.
 */
export const chartResultSchema = z
  .object({
    meta: z.object({
      symbol: z.string(),
      exchangeTimezoneName: z.string().refine(isTimeZone, "unknown IANA time zone"),
      currency: z.string().nullish(),
    }),
    timestamp: z.array(z.number().int()).optional(),
    events: z
      .object({
        dividends: z.record(z.string(), z.object({ amount: z.number(), date: eventTime })).optional(),
        splits: z.record(z.string(), z.object({ date: eventTime, numerator: z.number(), denominator: z.number() })).optional(),
      })
      .optional(),
    indicators: z.object({
      quote: z.array(z.object({ open: values, high: values, low: values, close: values, volume: values })).max(1),
      adjclose: z.array(z.object({ adjclose: values.optional() })).optional(),
    }),
  })
  .superRefine((chart, ctx) => {
    const n = chart.timestamp?.length ?? 0;
    const quote = chart.indicators.quote[0];
    if (n > 0 && quote === undefined) ctx.addIssue({ code: "custom", path: ["indicators", "quote"], message: `${n} timestamps but no quotes` });
    for (const [name, series] of Object.entries({ ...quote, adjclose: chart.indicators.adjclose?.[0]?.adjclose })) {
      if (series !== undefined && series.length !== n) ctx.addIssue({ code: "custom", path: ["indicators", name], message: `${series.length} values for ${n} timestamps` });
    }
  });

export type ChartResult = z.output<typeof chartResultSchema>;

/** A dividend or split, on the exchange-local date Yahoo reports it. */
export interface CorporateAction {
  date: string;
  amount?: number;
  ratio?: string;
}

export interface ChartPrices {
  bars: PriceBar[];
  timeZone: string;
  currency: string | null;
  dividends: CorporateAction[];
  splits: CorporateAction[];
  /** Sessions Yahoo lists without prices (null open, high, low or close), left out. */
  emptySessions: number;
}

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The exchange-local calendar date of an epoch second.
 *
 * @example localDate(1610328600, "Asia/Hong_Kong") // "2021-01-11"
 */
export function localDate(epochSeconds: number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(epochSeconds * 1000)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Daily bars from a validated chart result: each timestamp becomes its exchange-local trading date, raw
 * open/high/low/close and volume come from `indicators.quote`, the split- and dividend-adjusted close from
 * `indicators.adjclose` (the close when Yahoo sends none), and a missing volume counts as 0. Sessions
 * without prices are left out, only dates in `[from, to]` are kept, and of two bars on one date (Yahoo
 * repeats the live session) the later wins.
 */
export function chartPrices(chart: ChartResult, from: string, to: string): ChartPrices {
  const timeZone = chart.meta.exchangeTimezoneName;
  const quote = chart.indicators.quote[0];
  const adjclose = chart.indicators.adjclose?.[0]?.adjclose;
  const bars = new Map<string, PriceBar>();
  let emptySessions = 0;
  (chart.timestamp ?? []).forEach((stamp, i) => {
    const date = localDate(stamp, timeZone);
    if (date < from || date > to) return;
    const [open, high, low, close] = [quote!.open[i], quote!.high[i], quote!.low[i], quote!.close[i]];
    if (open == null || high == null || low == null || close == null) {
      emptySessions++;
      return;
    }
    bars.set(date, { date, open, high, low, close, adjClose: adjclose?.[i] ?? close, volume: quote!.volume[i] ?? 0 });
  });
  const actions = <T extends { date: number }>(records: Record<string, T> | undefined, describe: (record: T) => Omit<CorporateAction, "date">): CorporateAction[] =>
    Object.values(records ?? {})
      .map((record) => ({ date: localDate(record.date, timeZone), ...describe(record) }))
      .sort(byDate);
  return {
    bars: [...bars.values()].sort(byDate),
    timeZone,
    currency: chart.meta.currency ?? null,
    dividends: actions(chart.events?.dividends, (dividend) => ({ amount: dividend.amount })),
    splits: actions(chart.events?.splits, (split) => ({ ratio: `${split.numerator}:${split.denominator}` })),
    emptySessions,
  };
}
