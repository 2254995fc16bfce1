import { basename, dirname, resolve, sep } from "node:path";
import { alignPrices } from "../engine/alignment.js";
import { eventDayIndex, type Announcement } from "../calendar/eventDay.js";
import { marketOf } from "../calendar/exchanges.js";
import { InputError, summariseLines, zodInputError } from "../errors.js";
import { isFactorModel, modelFactors, type ModelFactors } from "../models/factorModel.js";
import { readFactorFiles } from "../sources/factorFile.js";
import { readPriceSeriesFrom, type PriceReader } from "../sources/localFiles.js";
import { priceFolders } from "../sources/priceFolders.js";
import type { PriceSeries } from "../sources/priceBar.js";
import { filterCatalog, readCatalog } from "../sources/catalog.js";
import { carPathAt } from "./carPath.js";
import { columnsCrossSectionInput, crossSectionOf } from "./crossSection.js";
import { estimationRange, eventProblem, type EventStudyOptions } from "../engine/eventWindows.js";
import { prepareFirm, residualAt, type PreparedFirm } from "../engine/eventBatch.js";
import { analyseEventsInParallel, threadCount } from "../engine/parallelBatch.js";
import { priceProvenance } from "../sources/priceProvenance.js";
import type { PriceProvenance } from "../sources/priceProvenanceSchema.js";
import { alignedReturns, eventAnalysisAt } from "../engine/eventStudy.js";
import { SCHEMA_VERSION, type Aggregate, type DroppedEvent, type EventAnalysis, type EventResult, type StudyHeader, type StudyResult } from "./studyResult.js";
import type { StockMove, UniverseRanking } from "../engine/universeRankingSchema.js";
import { rankInUniverse, readUniverse, universeMoves, type MoveOptions } from "../engine/universeRanking.js";
import { SPEC_LIMITS, studySpecSchema, type StudyEvent, type StudySpec, type StudySpecInput } from "./spec.js";


export type { DroppedEvent, EventResult, StudyResult } from "./studyResult.js";

export interface StudyOptions {
  /** Folder of price files (`<SYMBOL>.csv`, or a `prices/` subfolder), searched first; symbols it lacks come from the cache, then the bundled data (see `priceFolders`). */
  dataDir?: string | undefined;
  /** Folders of price files searched in order for each symbol, instead of `priceFolders` (see `ensurePrices`). */
  priceDirs?: readonly string[] | undefined;
  /** Folder of price files of the stocks to rank each event's day 0 among. */
  universeDir?: string | undefined;
  /** Skip price rows that fail validation (listed in `prices[].skippedRows`) instead of dropping the event. */
  lenient?: boolean | undefined;
  /** Make a suspect price row (listed in `prices[].warnings`, see `PriceWarning`) an error: the events on that file are dropped. */
  strict?: boolean | undefined;
  /** Worker threads for the single-firm statistics; default: all cores from `PARALLEL_THRESHOLD` events on. */
  threads?: number | undefined;
  /** How price files are read (default `readPriceSeriesFrom`; a server passes its cache of loaded series). */
  readPrices?: PriceReader | undefined;
  /** The spec's file: its `factors` paths are relative to its folder (default: to the working directory). */
  specFile?: string | undefined;
}


/** Specs this process has validated (so that passing one on does not validate its events again). */
const validated = new WeakSet<object>();

/** Validates a study spec, with errors that name the field path; a spec it returned passes through as is. */
export function parseStudySpec(input: unknown, origin = "study spec"): StudySpec {
  if (typeof input === "object" && input !== null && validated.has(input)) return input as StudySpec;
  const events = typeof input === "object" && input !== null ? (input as { events?: unknown }).events : undefined;
  if (Array.isArray(events) && events.length > SPEC_LIMITS.maxEvents) {
    throw new InputError("invalid-spec", `${origin}: events: ${events.length.toLocaleString("en-US")} events, more than the ${SPEC_LIMITS.maxEvents.toLocaleString("en-US")} a study may have; split the study`, { field: "events" });
  }
  const parsed = studySpecSchema.safeParse(input);
  if (!parsed.success) throw zodInputError("invalid-spec", parsed.error, { prefix: origin });
  validated.add(parsed.data);
  return parsed.data;
}

/**
 * A study's result with its events computed on demand from the batch's columns: what the CLI streams to
 * files and stdout, so that no step holds a million event objects at once (`runStudy` materialises it).
 */
export interface StudyRun {
  header: StudyHeader;
  eventCount: number;
  /** Event `k` of `eventCount`, built when asked for. */
  event(k: number): EventResult;
  dropped: DroppedEvent[];
  /** Cross-firm statistics; null when fewer than two events were studied. */
  aggregate: Aggregate | null;
  prices: PriceProvenance[];
  /** Event `k`'s estimation-window returns and model residuals (absent for a result read back from JSON). */
  estimation?: (k: number) => EstimationRow[];
}

/** An estimation-window day of one event, with the model's residual (`ret` minus the model's expected return). */
export interface EstimationRow {
  offset: number;
  date: string;
  ret: number;
  marketRet: number;
  residual: number;
}

/**
 * Runs an event study: each firm's prices are aligned with its market once (inner join), day 0 is found
 * from each announcement, and the events run as one batch (see `analyseEvents`), then the cross-firm
 * tests when there are two or more. Events the data cannot support are listed in `dropped` with the
 * reason; if none is left the study fails with all reasons.
 */
export function runStudy(specInput: StudySpecInput | StudySpec, options: StudyOptions = {}): StudyResult {
  return materialise(studyRun(specInput, options));
}

/** A study run with every event built (see `runStudy`). */
export function materialise(run: StudyRun): StudyResult {
  return { ...run.header, events: Array.from({ length: run.eventCount }, (_, k) => run.event(k)), dropped: run.dropped, aggregate: run.aggregate, prices: run.prices };
}

/** A materialised result as a `StudyRun` (to write or stream it like a fresh one). */
export function studyRunOf(result: StudyResult): StudyRun {
  const { events, dropped, aggregate, prices, ...header } = result;
  return { header, eventCount: events.length, event: (k) => events[k]!, dropped, aggregate, prices };
}

/** `runStudy` with the events left in columns until asked for (see `StudyRun`). */
export function studyRun(specInput: StudySpecInput | StudySpec, options: StudyOptions = {}): StudyRun {
  const spec = parseStudySpec(specInput);
  // What the run keeps of the spec: its settings, not its events (a million event objects), which are let
  // go once in columns; what is kept of each event's announcement is in `announcements`.
  const settings: EventStudyOptions = { model: spec.model, returns: spec.returns, estimationWindow: spec.estimationWindow, minEstimationObservations: spec.minEstimationObservations, eventWindows: spec.eventWindows };
  const dataDirs = options.priceDirs ?? priceFolders({ dataDir: options.dataDir });
  const readFile = (symbol: string, dates?: ReadonlySet<string>) => (options.readPrices ?? readPriceSeriesFrom)(dataDirs, symbol, { lenient: options.lenient, strict: options.strict, marketDates: dates });
  const loaded = new Map<string, PriceSeries | InputError>();
  const marketDates = new Map<string, ReadonlySet<string>>();
  // The symbols in the order a study first uses them (a stock before its market), for the provenance list.
  const firstUse = new Set<string>();
  // A market is read on its own; a stock with its market's dates, which decide its filler bars (see `dropFillerBars`).
  const load = (symbol: string, market?: string): PriceSeries => {
    const key = market === undefined ? symbol : `${symbol}\u0000${market}`;
    if (!loaded.has(key)) {
      firstUse.add(symbol);
      try {
        let dates: ReadonlySet<string> | undefined;
        if (market !== undefined) {
          dates = marketDates.get(market) ?? new Set(load(market).columns.dates);
          marketDates.set(market, dates);
        }
        loaded.set(key, readFile(symbol, dates));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        loaded.set(key, error);
      }
    }
    const series = loaded.get(key)!;
    if (series instanceof InputError) throw series;
    return series;
  };

  const factors = studyFactors(spec, options.specFile);
  const firms: PreparedFirm[] = [];
  const firmIndex = new Map<string, number>();
  const prepared = (symbol: string, market: string): number => {
    const key = `${symbol}\u0000${market}`;
    let index = firmIndex.get(key);
    if (index === undefined) {
      const aligned = alignPrices(load(symbol, market).columns, load(market).columns);
      if (aligned.dates.length === 0) throw new InputError("no-prices", `${symbol} and ${market} have no trading date in common`);
      index = firms.push(prepareFirm(symbol, market, alignedReturns(aligned, settings.returns, factors))) - 1;
      firmIndex.set(key, index);
    }
    return index;
  };

  const specEvents = studyEvents(spec);
  const firmOf = new Int32Array(specEvents.length);
  const day0Of = new Int32Array(specEvents.length);
  const announcements = new Announcements(specEvents.length);
  let count = 0;
  const dropped: DroppedEvent[] = [];
  const withoutDataDirs = relativeToDataDirs(dataDirs);
  for (const event of specEvents) {
    try {
      const firm = prepared(event.symbol, marketOf(event.symbol, event.market, spec.market));
      const factorsEnd = factors?.dates.at(-1);
      if (factorsEnd !== undefined && event.date > factorsEnd) throw new InputError("no-prices", `${event.symbol}: the event date ${event.date} is after the factor files end (${factorsEnd})`);
      const day0 = dayZero(event.symbol, firms[firm]!.returns.dates, event);
      const problem = eventProblem(event.symbol, firms[firm]!.returns.dates, day0, settings);
      if (problem !== null) throw new InputError("no-prices", problem);
      firmOf[count] = firm;
      day0Of[count] = day0;
      announcements.add(count++, event);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      dropped.push({ symbol: event.symbol, date: event.date, reason: withoutDataDirs(error.message) });
    }
  }
  if (count === 0) {
    const issues = dropped.map((d) => ({ at: `${d.symbol} ${d.date}`, message: d.reason }));
    throw new InputError("no-events", `no event could be studied:\n${summariseLines(issues, ({ at, message }) => `  ${at}: ${message}`)}`, { issues });
  }

  const batch = { firm: firmOf.slice(0, count), day0: day0Of.slice(0, count) };
  const columns = analyseEventsInParallel(firms, batch, settings, threadCount(count, options.threads));
  const rank = options.universeDir === undefined ? null : universeRanker(options.universeDir, { ...settings, factors }, load);
  const event = (k: number): EventResult => {
    const firm = firms[batch.firm[k]!]!;
    const { symbol, market } = firm;
    const { announcement, catalogId } = announcements.at(k);
    const analysis = eventAnalysisAt(columns, k, firm, settings.model);
    const ranking = rank?.(symbol, market, analysis);
    const carPath = carPathAt(columns, k, firm);
    return {
      symbol,
      market,
      announcement,
      ...(catalogId === undefined ? {} : { catalogId }),
      ...analysis,
      ...(ranking ? { universe: ranking } : {}),
      carPath,
    };
  };

  const read = new Map<string, PriceSeries>();
  for (const series of loaded.values()) if (!(series instanceof InputError) && !read.has(series.symbol)) read.set(series.symbol, series);
  const prices: PriceProvenance[] = [...firstUse].flatMap((symbol) => (read.has(symbol) ? [priceProvenance(read.get(symbol)!)] : []));
  return {
    header: {
      schemaVersion: SCHEMA_VERSION,
      name: spec.name,
      model: spec.model,
      ...(spec.factors === undefined ? {} : { factors: spec.factors }),
      returns: spec.returns,
      estimationWindow: [...spec.estimationWindow],
      minEstimationObservations: spec.minEstimationObservations,
      eventWindows: spec.eventWindows.map(([start, end]) => [start, end]),
    },
    eventCount: count,
    event,
    dropped,
    aggregate: count >= 2 ? crossSectionOf(columnsCrossSectionInput(firms, columns)) : null,
    prices,
    estimation: (k) => {
      const firm = firms[batch.firm[k]!]!;
      const { dates, firm: returns, market } = firm.returns;
      const day0 = batch.day0[k]!;
      const [first, last] = estimationRange(day0, settings.estimationWindow);
      const rows: EstimationRow[] = [];
      for (let t = first; t <= last; t++) {
        rows.push({ offset: t - day0, date: dates[t]!, ret: returns[t]!, marketRet: market[t]!, residual: residualAt(columns, k, firm, t) });
      }
      return rows;
    },
  };
}

/** A factor model's factors from the spec's files (relative to the spec file's folder), or undefined for the market models. */
function studyFactors(spec: StudySpec, specFile: string | undefined): ModelFactors | undefined {
  if (!isFactorModel(spec.model) || spec.factors === undefined) return undefined;
  const base = specFile === undefined ? "." : dirname(specFile);
  const paths = spec.factors.map((file) => resolve(base, file));
  return modelFactors(spec.model, readFactorFiles(paths), paths);
}

/**
 * Removes the price folders from error messages kept in results, so that file names read relative to
 * their folder and a result does not depend on where the data lives.
 */
function relativeToDataDirs(dirs: readonly string[]): (message: string) => string {
  const prefixes = [...new Set(dirs.flatMap((dir) => [resolve(dir), dir].map((path) => path + sep)))].sort((a, b) => b.length - a.length);
  return (message) => prefixes.reduce((text, prefix) => text.split(prefix).join(""), message);
}

/**
 * Ranks an event's day 0 among a universe (null when no event window contains day 0); the universe's
 * moves are computed once per day and market.
 */
function universeRanker(dir: string, spec: MoveOptions, load: (symbol: string) => PriceSeries) {
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
    return rankInUniverse(moves, { symbol, ret: day0.ret, ar: day0.ar }, { date: analysis.day0, market, universe: basename(resolve(dir)), unreadable: universe.unreadable });
  };
}

/** The events of each spec with a catalog selection, so that planning the prices and running the study read the catalog once. */
const selectedEvents = new WeakMap<StudySpec, (StudyEvent & { catalogId?: string })[]>();

/** The spec's own events followed by the catalog rows it selects. */
export function studyEvents(spec: StudySpec): (StudyEvent & { catalogId?: string })[] {
  if (spec.catalog === undefined) return spec.events;
  const known = selectedEvents.get(spec);
  if (known !== undefined) return known;
  const selected = filterCatalog(readCatalog(), spec.catalog);
  if (selected.length === 0) throw new InputError("no-events", `the catalog selection ${JSON.stringify(spec.catalog)} matches no event; list the catalog with: event-impact events`);
  const events = [
    ...spec.events,
    ...selected.map((row) => ({ symbol: row.symbol, date: row.date, time: row.time, timezone: row.timezone, market: row.market, catalogId: row.id })),
  ];
  selectedEvents.set(spec, events);
  return events;
}

/** Day 0 on an aligned calendar, or an error saying how the announcement misses the data. */
export function dayZero(symbol: string, dates: readonly string[], announcement: Announcement): number {
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  if (announcement.date < first) throw new InputError("no-prices", `${symbol}: the event date ${announcement.date} is before the prices start (${first})`);
  const day0 = eventDayIndex(dates, symbol, announcement);
  if (day0 < 0) throw new InputError("no-prices", `${symbol}: the event date ${announcement.date} is after the prices end (${last})`);
  return day0;
}

/**
 * The announcements of a study's kept events, event `k` of the batch: dates interned (a study has few
 * distinct dates), and the events with a time, a zone or a catalog id kept as given. A million
 * date-only events take a few megabytes instead of a million objects.
 */
class Announcements {
  private readonly dates: string[] = [];
  private readonly dateIndex = new Map<string, number>();
  private readonly dateOf: Int32Array;
  private readonly detailed = new Map<number, StudyEvent & { catalogId?: string }>();

  constructor(capacity: number) {
    this.dateOf = new Int32Array(capacity);
  }

  add(k: number, event: StudyEvent & { catalogId?: string }): void {
    if (event.time !== undefined || event.timezone !== undefined || event.catalogId !== undefined) {
      this.detailed.set(k, event);
      return;
    }
    let index = this.dateIndex.get(event.date);
    if (index === undefined) {
      index = this.dates.push(event.date) - 1;
      this.dateIndex.set(event.date, index);
    }
    this.dateOf[k] = index;
  }

  at(k: number): { announcement: Announcement; catalogId?: string | undefined } {
    const event = this.detailed.get(k);
    if (event === undefined) return { announcement: { date: this.dates[this.dateOf[k]!]! } };
    const { date, time, timezone, catalogId } = event;
    return { announcement: { date, ...(time === undefined ? {} : { time }), ...(timezone === undefined ? {} : { timezone }) }, catalogId };
  }
}
