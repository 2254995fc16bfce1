import { alignPrices } from "../engine/alignment.js";
import { marketOf } from "../calendar/exchanges.js";
import { InputError } from "../errors.js";
import type { ModelName } from "../models/expectedReturnModel.js";
import { FACTOR_MODEL_NAMES, isFactorModel, modelFactors, type ModelFactors } from "../models/factorModel.js";
import { readFactorFiles } from "../sources/factorFile.js";
import { standardScore, shareBelow } from "../statistics/standardScore.js";
import { readPriceSeriesFrom, type PriceReader } from "../sources/localFiles.js";
import { priceFolders } from "../sources/priceFolders.js";
import type { PriceBar, PriceSeries } from "../sources/priceBar.js";
import { estimationRange } from "../engine/eventWindows.js";
import { alignedReturns, analyseEvent } from "../engine/eventStudy.js";
import { DEFAULT_ESTIMATION_WINDOW, DEFAULT_MIN_ESTIMATION_OBSERVATIONS } from "../engine/defaults.js";
import type { UniverseRanking } from "../engine/universeRankingSchema.js";
import { rankInUniverse, readUniverse, universeMoves } from "../engine/universeRanking.js";
import { priceProvenance } from "../sources/priceProvenance.js";
import { CHECK_SCHEMA_VERSION } from "./checkSchemaVersion.js";
import type { CheckedClaim, CheckedMove, ClaimCheck, ClaimInference, ClaimMeasures, MeasureHint, MoveClaim, MoveMeasure, ParsedClaim } from "./checkSchema.js";
import { intradayProblem } from "../sources/fillerBars.js";
import { dayMoves } from "./dayMeasures.js";
import { inBand, matchesClaim, parseClaim } from "./parseClaim.js";
import { recordFindings } from "./records.js";
import { readCatalog } from "../sources/catalog.js";
import { dailyReturns, pricePath } from "./priceContext.js";
import { writeVerdict } from "./verdict.js";

export type { ClaimCheck, ClaimInference, ClaimMeasures, MoveMeasure } from "./checkSchema.js";

export interface ClaimCheckRequest {
  symbol: string;
  /** Day 0: the trading date the claim is about (YYYY-MM-DD). */
  date: string;
  /** The claim as text, or as read already (by `parseClaim` or from a paragraph). */
  claim?: string | ParsedClaim | undefined;
  /** Market index; defaults to the exchange's (`^HSI` for `.HK`). */
  market?: string | undefined;
  /** Folder of price files, searched first; symbols it lacks come from the cache, then the bundled data (see `priceFolders`). */
  dataDir?: string | undefined;
  /** Folders of price files searched in order for each symbol, instead of `priceFolders` (see `ensurePrices`). */
  priceDirs?: readonly string[] | undefined;
  /** Folder of price files of the stocks to rank the day's move among. */
  universeDir?: string | undefined;
  model?: ModelName | undefined;
  /** Kenneth French daily factor files for a factor model (joined on date, see `readFactorFiles`). */
  factors?: readonly string[] | undefined;
  /** Shares outstanding, for a claim about market value. */
  shares?: number | undefined;
  /** Make a suspect price row (see `PriceWarning`) an error instead of a warning. */
  strict?: boolean | undefined;
  /** How price files are read (default `readPriceSeriesFrom`; a server passes its cache of loaded series). */
  readPrices?: PriceReader | undefined;
}

/** A factor model's factors from the files given (`--factors`); an error naming `--factors` when a factor model has none or a market model has some. */
function claimFactors(model: ModelName, files: readonly string[] | undefined): ModelFactors | undefined {
  const given = files !== undefined && files.length > 0;
  if (!isFactorModel(model)) {
    if (given) throw new InputError("invalid-option", `--factors: factor files are for the factor models (${FACTOR_MODEL_NAMES.join(", ")}), not --model ${model}`, { field: "--factors" });
    return undefined;
  }
  if (!given) throw new InputError("invalid-option", `--factors: the ${model} model needs a Kenneth French daily factor file (e.g. --factors data/factors/F-F_Research_Data_Factors_daily.CSV)`, { field: "--factors" });
  return modelFactors(model, readFactorFiles(files), files);
}

const MOVE_MEASURES: readonly MoveMeasure[] = ["closeToClose", "openGap", "intradayLow", "intradayHigh", "marketAdjusted", "abnormalReturn"];

/** The measures a claim's wording points to: "closed" to the close-based ones, "opened" to the gap, "as much as" to the extremes. */
export const HINTED_MEASURES: Record<MeasureHint, readonly MoveMeasure[]> = {
  close: ["closeToClose", "marketAdjusted", "abnormalReturn"],
  open: ["openGap"],
  intraday: ["intradayLow", "intradayHigh"],
};

/**
 * Checks a claim about a stock's (or an index's) move on a date (DESIGN section 7): every measure of
 * that day against the previous session, the market-model abnormal return with its t and p
 * (estimation window and model as in a study), the return's z-score against the estimation window
 * and its percentile in the stock's own history; for a claim, what it matches (a move's measures, a
 * multi-day move, a record over the whole file, a price of the day, a change of market value) and a
 * labelled verdict in plain English.
 */
export function checkClaim(request: ClaimCheckRequest): ClaimCheck {
  const claim = request.claim === undefined ? null : typeof request.claim === "string" ? parseClaim(request.claim, { date: request.date }) : request.claim;
  const dataDirs = request.priceDirs ?? priceFolders({ dataDir: request.dataDir });
  const market = marketOf(request.symbol, request.market);
  const isIndex = market === request.symbol;
  const readPrices = request.readPrices ?? readPriceSeriesFrom;
  const marketSeries = readPrices(dataDirs, market, { strict: request.strict });
  const firm = isIndex ? marketSeries : readPrices(dataDirs, request.symbol, { strict: request.strict, marketDates: new Set(marketSeries.columns.dates) });
  const day = sessionIndex(firm, request.date);
  const marketDay = sessionIndex(marketSeries, request.date);
  const bar = firm.bars[day]!;
  const previous = firm.bars[day - 1]!;
  const moves = dayMoves(previous, bar);
  const marketPrevious = marketSeries.bars.findIndex((b) => b.date === previous.date);
  const marketBase = marketSeries.bars[marketPrevious >= 0 ? marketPrevious : marketDay - 1]!;
  const marketReturn = dayMoves(marketBase, marketSeries.bars[marketDay]!).closeToClose;

  const history = otherDayReturns(firm.bars, day);
  const notes: string[] = [];
  if (marketPrevious < 0) notes.push(`${market} has no close on ${previous.date}, so its return is measured from ${marketBase.date}`);
  if (moves.openGap === null) notes.push(`${request.symbol} has no intraday data on ${request.date} (${intradayProblem(bar)}), so the open gap and intraday extremes are not measured`);

  const model = request.model ?? "market";
  const factors = claimFactors(model, request.factors);
  const estimationWindow: [number, number] = [...DEFAULT_ESTIMATION_WINDOW];
  let inference: ClaimInference | null = null;
  let abnormalReturn: number | null = null;
  let zScore: number | null = null;
  const aligned = alignPrices(firm.columns, marketSeries.columns);
  const returns = alignedReturns(aligned, "simple", factors);
  const day0 = returns.dates.indexOf(request.date);
  try {
    if (day0 < 0) throw new InputError("no-prices", `the factor files have no ${request.date} (they cover ${factors!.dates[0]} to ${factors!.dates.at(-1)})`);
    const [first, last] = estimationRange(day0, estimationWindow);
    zScore = standardScore(moves.closeToClose, returns.firm.subarray(first, last + 1));
    if (isIndex) {
      notes.push(`${request.symbol} is the market index itself, so it has no market-adjusted or abnormal return`);
    } else {
      const analysis = analyseEvent(request.symbol, returns, day0, {
        model,
        returns: "simple",
        estimationWindow,
        minEstimationObservations: DEFAULT_MIN_ESTIMATION_OBSERVATIONS,
        eventWindows: [[0, 0]],
      });
      const window = analysis.windows[0]!;
      abnormalReturn = window.car;
      inference = { t: window.t, p: window.p, sq: window.sq, abnormalVolume: window.volume, df: window.df, model, ...(analysis.betas === undefined ? {} : { betas: analysis.betas }), estimationWindow, nEstimation: analysis.nEstimation, sigma: analysis.sigma, estimation: analysis.estimation };
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    zScore = null;
    notes.push(`no abnormal return or z-score: ${error.message}`);
  }

  const measures: ClaimMeasures = {
    ...moves,
    marketReturn,
    marketAdjusted: moves.closeToClose - marketReturn,
    abnormalReturn,
    zScore,
    percentile: shareBelow(moves.closeToClose, history),
  };
  const stocks = request.universeDir === undefined ? null : readUniverse(request.universeDir, readPrices);
  const universe =
    stocks === null
      ? null
      : rankInUniverse(
          universeMoves(stocks, marketSeries, request.date, { model, factors, returns: "simple", estimationWindow, minEstimationObservations: DEFAULT_MIN_ESTIMATION_OBSERVATIONS }),
          { symbol: request.symbol, ret: moves.closeToClose, ar: abnormalReturn },
          { date: request.date, market, universe: stocks.dir, unreadable: stocks.unreadable },
        );
  const pricesAdjusted = offPriceGrid(firm.bars);
  if (pricesAdjusted) notes.push(`${request.symbol}'s open, high, low and close on file are adjusted (they are not on the exchange's price grid), so quoted prices cannot be checked exactly`);
  const check: Omit<ClaimCheck, "verdict"> = {
    schemaVersion: CHECK_SCHEMA_VERSION,
    symbol: request.symbol,
    date: request.date,
    previousDate: previous.date,
    market,
    prices: {
      previousClose: previous.close,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      marketPreviousClose: marketBase.close,
      marketClose: marketSeries.bars[marketDay]!.close,
    },
    measures,
    historyDays: history.length,
    inference,
    claim: claim === null ? null : checkedClaim(claim, { measures, bars: firm.bars, day, symbol: request.symbol, shares: request.shares }),
    universe,
    notes,
    pricePath: pricePath(firm.bars, day),
    dailyReturns: dailyReturns(firm.bars),
    sources: isIndex ? [priceProvenance(firm)] : [priceProvenance(firm), priceProvenance(marketSeries)],
    pricesAdjusted,
  };
  return { ...check, verdict: writeVerdict(check) };
}

interface ClaimContext {
  measures: ClaimMeasures;
  bars: readonly PriceBar[];
  day: number;
  symbol: string;
  shares: number | undefined;
}

/** What a claim matches, by its kind. */
function checkedClaim(claim: ParsedClaim, context: ClaimContext): CheckedClaim {
  const { bars, day } = context;
  switch (claim.kind) {
    case "move":
      return { ...claim, ...moveMatches(claim, context.measures), spanMove: spanMove(claim, bars, day, context.symbol) };
    case "record":
      return { ...claim, fileStart: bars[0]!.date, findings: recordFindings(bars, day, claim) };
    case "price":
      return { ...claim, actual: claim.fields.map((field) => ({ field, price: bars[day]![field], matches: inBand(bars[day]![field], claim.band) })) };
    case "marketValue": {
      if (context.shares === undefined) return { ...claim, shares: null, change: null, matches: null };
      const change = context.shares * (bars[day]!.close - bars[day - 1]!.close);
      const direction = change < 0 ? "down" : "up";
      return { ...claim, shares: context.shares, change, matches: (claim.direction === null || claim.direction === direction) && inBand(Math.abs(change), claim.band) };
    }
  }
}

function moveMatches(claim: MoveClaim, measures: ClaimMeasures): { matches: MoveMeasure[]; otherMatches: MoveMeasure[] } {
  if (claim.unit !== "percent" || claim.span.kind !== "sessions" || claim.span.sessions !== 1) return { matches: [], otherMatches: [] };
  const sizeMatches = MOVE_MEASURES.filter((name) => isComparable(name, claim) && matchesClaim(measures[name], claim));
  const hinted = claim.measureHint ? HINTED_MEASURES[claim.measureHint] : MOVE_MEASURES;
  return { matches: sizeMatches.filter((name) => hinted.includes(name)), otherMatches: sizeMatches.filter((name) => !hinted.includes(name)) };
}

/**
 * The close-to-close move over a claim's span (adjusted closes): `sessions` sessions from day 0 on
 * (from the close before day 0 to the close of day 0 + sessions - 1); "this week" from the last close
 * of the week before to day 0; "since the announcement" from the close on the symbol's last catalogued
 * announcement date on or before day 0 (or the last session before it) to day 0.
 */
function spanMove(claim: MoveClaim, bars: readonly PriceBar[], day: number, symbol: string): CheckedMove["spanMove"] {
  const span = claim.span;
  let from: number;
  let to = day;
  if (span.kind === "sessions") {
    if (span.sessions === 1) return null;
    from = day - 1;
    to = day + span.sessions - 1;
    if (to >= bars.length) return null;
  } else if (span.kind === "week") {
    const monday = weekStart(bars[day]!.date);
    from = day - 1;
    while (from >= 0 && bars[from]!.date >= monday) from--;
    if (from < 0) return null;
  } else {
    const announced = readCatalog()
      .filter((event) => event.symbol === symbol && event.date <= bars[day]!.date)
      .map((event) => event.date)
      .sort()
      .pop();
    if (announced === undefined) return null;
    from = day;
    while (from >= 0 && bars[from]!.date > announced) from--;
    if (from < 0 || from === day) return null;
  }
  const ret = bars[to]!.adjClose / bars[from]!.adjClose - 1;
  return { from: bars[from]!.date, to: bars[to]!.date, sessions: to - from, ret, matches: claim.unit === "percent" && matchesClaim(ret, claim) };
}

function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** True when the prices on file are not on a 0.001 grid: adjusted for dividends or splits, not the prices quoted that day. */
function offPriceGrid(bars: readonly PriceBar[]): boolean {
  return bars.some((bar) => [bar.open, bar.high, bar.low, bar.close].some((price) => Math.abs(price * 1000 - Math.round(price * 1000)) > 1e-6 * Math.max(1, price)));
}

/** The intraday extreme compared with a claim is the low for falls and the high for rises. */
function isComparable(measure: MoveMeasure, claim: MoveClaim): boolean {
  if (measure === "intradayLow") return claim.direction !== "up";
  if (measure === "intradayHigh") return claim.direction !== "down";
  return true;
}

function sessionIndex(series: PriceSeries, date: string): number {
  const { bars, symbol } = series;
  const index = bars.findIndex((bar) => bar.date >= date);
  if (index >= 0 && bars[index]!.date === date) {
    if (index === 0) throw new InputError("no-prices", `${symbol}: ${date} is the first date in ${series.source}, so there is no previous close to measure from`);
    return index;
  }
  const first = bars[0]!.date;
  const last = bars[bars.length - 1]!.date;
  if (date < first || date > last) throw new InputError("no-prices", `${symbol}: no prices on ${date}; ${series.source} covers ${first} to ${last}`);
  const weekday = new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { weekday: "long", timeZone: "UTC" });
  throw new InputError("no-prices", `${symbol} did not trade on ${date} (a ${weekday}); the nearest sessions are ${bars[index - 1]!.date} and ${bars[index]!.date}`);
}

function otherDayReturns(bars: readonly PriceBar[], day: number): Float64Array {
  const out = new Float64Array(bars.length - 2);
  let k = 0;
  for (let t = 1; t < bars.length; t++) if (t !== day) out[k++] = bars[t]!.adjClose / bars[t - 1]!.adjClose - 1;
  return out;
}
