import { relative } from "node:path";
import { alignPrices } from "../calendar/alignment.js";
import { eventDayIndex, type Announcement } from "../calendar/eventDay.js";
import { exchangeOf } from "../calendar/exchanges.js";
import { InputError, describeZodError } from "../errors.js";
import { bundledDataDir, readPriceSeriesFrom } from "../sources/localFiles.js";
import type { PriceSeries } from "../sources/priceBar.js";
import { filterCatalog, readCatalog } from "./catalog.js";
import { crossSection, type Aggregate, type EventSample } from "./crossSection.js";
import { alignedReturns, analyseEvent, estimationResiduals, type EventAnalysis } from "./eventStudy.js";
import { rankInUniverse, readUniverse, universeMoves, type StockMove, type UniverseRanking } from "./universeRanking.js";
import { studySpecSchema, type StudyEvent, type StudySpec, type StudySpecInput } from "./spec.js";

export const SCHEMA_VERSION = 1;

export interface EventResult extends EventAnalysis {
  symbol: string;
  market: string;
  announcement: Announcement;
  /** The catalog row the event came from, if any. */
  catalogId?: string;
  /** Day 0's return and abnormal return ranked among the universe, when one was given. */
  universe?: UniverseRanking;
}

export interface DroppedEvent {
  symbol: string;
  date: string;
  reason: string;
}

export interface PriceProvenance {
  symbol: string;
  file: string;
  first: string;
  last: string;
  fillerBarsDropped: string[];
  skippedRows: { line: number; reason: string }[];
}

export interface StudyResult {
  schemaVersion: number;
  name: string;
  model: StudySpec["model"];
  returns: StudySpec["returns"];
  estimationWindow: [number, number];
  minEstimationObservations: number;
  eventWindows: [number, number][];
  events: EventResult[];
  dropped: DroppedEvent[];
  /** Cross-firm statistics; null when fewer than two events were studied. */
  aggregate: Aggregate | null;
  prices: PriceProvenance[];
}

export interface StudyOptions {
  /** Folder of price files (`<SYMBOL>.csv`, or a `prices/` subfolder); symbols it lacks come from the bundled data. */
  dataDir?: string | undefined;
  /** Folder of price files of the stocks to rank each event's day 0 among. */
  universeDir?: string | undefined;
  /** Skip price rows that fail validation (listed in `prices[].skippedRows`) instead of dropping the event. */
  lenient?: boolean | undefined;
}

/** Validates a study spec, with errors that name the field path. */
export function parseStudySpec(input: unknown, origin = "study spec"): StudySpec {
  const parsed = studySpecSchema.safeParse(input);
  if (!parsed.success) throw new InputError(describeZodError(parsed.error, origin));
  return parsed.data;
}

/** The market an event is measured against: its own, the spec's, or its exchange's default index. */
export function marketOf(event: Pick<StudyEvent, "symbol" | "market">, specMarket?: string): string {
  return event.market ?? specMarket ?? exchangeOf(event.symbol).defaultMarket;
}

/**
 * Runs an event study: for each event, prices are aligned with the market (inner join), day 0 is found
 * from the announcement, and the single-firm analysis runs (see `analyseEvent`). Events the data cannot
 * support are listed in `dropped` with the reason; if none is left the study fails with all reasons.
 */
export function runStudy(specInput: StudySpecInput | StudySpec, options: StudyOptions = {}): StudyResult {
  const spec = parseStudySpec(specInput);
  const dataDirs = [options.dataDir ?? bundledDataDir, bundledDataDir];
  const loaded = new Map<string, PriceSeries | InputError>();
  const load = (symbol: string): PriceSeries => {
    if (!loaded.has(symbol)) {
      try {
        loaded.set(symbol, readPriceSeriesFrom(dataDirs, symbol, { lenient: options.lenient }));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        loaded.set(symbol, error);
      }
    }
    const series = loaded.get(symbol)!;
    if (series instanceof InputError) throw series;
    return series;
  };

  const rank = options.universeDir === undefined ? null : universeRanker(options.universeDir, spec, load);
  const events: EventResult[] = [];
  const samples: EventSample[] = [];
  const dropped: DroppedEvent[] = [];
  for (const event of studyEvents(spec)) {
    const market = marketOf(event, spec.market);
    try {
      const firm = load(event.symbol);
      const aligned = alignPrices(firm.bars, load(market).bars);
      if (aligned.dates.length === 0) throw new InputError(`${event.symbol} and ${market} have no trading date in common`);
      const announcement: Announcement = { date: event.date, time: event.time, timezone: event.timezone };
      const day0 = dayZero(event.symbol, aligned.dates, announcement);
      const returns = alignedReturns(aligned, spec.returns);
      const analysis = analyseEvent(event.symbol, returns, day0, spec);
      const catalogId = event.catalogId === undefined ? {} : { catalogId: event.catalogId };
      const ranking = rank?.(event.symbol, market, analysis);
      events.push({ symbol: event.symbol, market, announcement: definedFields(announcement), ...catalogId, ...analysis, ...(ranking ? { universe: ranking } : {}) });
      samples.push({ symbol: event.symbol, market, analysis, estimation: estimationResiduals(returns, day0, spec.estimationWindow, analysis) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      dropped.push({ symbol: event.symbol, date: event.date, reason: error.message });
    }
  }
  if (events.length === 0) {
    throw new InputError(`no event could be studied:\n${dropped.map((d) => `  ${d.symbol} ${d.date}: ${d.reason}`).join("\n")}`);
  }

  const prices: PriceProvenance[] = [...loaded.values()]
    .filter((series): series is PriceSeries => !(series instanceof InputError))
    .map((series) => ({
      symbol: series.symbol,
      file: relative(process.cwd(), series.source),
      first: series.bars[0]!.date,
      last: series.bars[series.bars.length - 1]!.date,
      fillerBarsDropped: series.droppedFillerDates,
      skippedRows: series.skippedRows,
    }));
  return {
    schemaVersion: SCHEMA_VERSION,
    name: spec.name,
    model: spec.model,
    returns: spec.returns,
    estimationWindow: [...spec.estimationWindow],
    minEstimationObservations: spec.minEstimationObservations,
    eventWindows: spec.eventWindows.map(([start, end]) => [start, end]),
    events,
    dropped,
    aggregate: samples.length >= 2 ? crossSection(samples, spec.eventWindows) : null,
    prices,
  };
}

/**
 * Ranks an event's day 0 among a universe (null when no event window contains day 0); the universe's
 * moves are computed once per day and market.
 */
function universeRanker(dir: string, spec: StudySpec, load: (symbol: string) => PriceSeries) {
  const universe = readUniverse(dir);
  const movesByDay = new Map<string, StockMove[]>();
  return (symbol: string, market: string, analysis: EventAnalysis): UniverseRanking | null => {
    const day0 = analysis.abnormalReturns.find((row) => row.offset === 0);
    if (day0 === undefined) return null;
    const key = `${analysis.day0}\u0000${market}`;
    let moves = movesByDay.get(key);
    if (moves === undefined) {
      moves = universeMoves(universe, load(market), analysis.day0, spec);
      movesByDay.set(key, moves);
    }
    return rankInUniverse(moves, { symbol, ret: day0.ret, ar: day0.ar }, { date: analysis.day0, market, universe: dir });
  };
}

/** The spec's own events followed by the catalog rows it selects. */
function studyEvents(spec: StudySpec): (StudyEvent & { catalogId?: string })[] {
  if (spec.catalog === undefined) return spec.events;
  const selected = filterCatalog(readCatalog(), spec.catalog);
  if (selected.length === 0) throw new InputError(`the catalog selection ${JSON.stringify(spec.catalog)} matches no event; list the catalog with: event-impact events`);
  return [
    ...spec.events,
    ...selected.map((row) => ({ symbol: row.symbol, date: row.date, time: row.time, timezone: row.timezone, market: row.market, catalogId: row.id })),
  ];
}

/** Day 0 on an aligned calendar, or an error saying how the announcement misses the data. */
export function dayZero(symbol: string, dates: readonly string[], announcement: Announcement): number {
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  if (announcement.date < first) throw new InputError(`${symbol}: the event date ${announcement.date} is before the prices start (${first})`);
  const day0 = eventDayIndex(dates, symbol, announcement);
  if (day0 < 0) throw new InputError(`${symbol}: the event date ${announcement.date} is after the prices end (${last})`);
  return day0;
}

function definedFields(announcement: Announcement): Announcement {
  return Object.fromEntries(Object.entries(announcement).filter(([, value]) => value !== undefined)) as Announcement;
}
