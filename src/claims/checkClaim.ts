import { alignPrices } from "../calendar/alignment.js";
import { exchangeOf } from "../calendar/exchanges.js";
import { InputError } from "../errors.js";
import type { ModelName } from "../models/expectedReturnModel.js";
import { standardScore, shareBelow } from "../statistics/standardScore.js";
import { readPriceSeriesFrom, type PriceReader } from "../sources/localFiles.js";
import { priceFolders } from "../sources/priceFolders.js";
import type { PriceBar, PriceSeries } from "../sources/priceBar.js";
import { estimationRange } from "../study/eventBatch.js";
import { alignedReturns, analyseEvent } from "../study/eventStudy.js";
import { DEFAULT_ESTIMATION_WINDOW, DEFAULT_MIN_ESTIMATION_OBSERVATIONS } from "../study/spec.js";
import { rankInUniverse, readUniverse, universeMoves, type UniverseRanking } from "../study/universeRanking.js";
import { priceProvenance } from "../study/provenance.js";
import { CHECK_SCHEMA_VERSION, type ClaimCheck, type ClaimInference, type ClaimMeasures, type MeasureHint, type MoveMeasure, type ParsedClaim } from "./checkSchema.js";
import { dayMoves } from "./dayMeasures.js";
import { matchesClaim, parseClaim } from "./parseClaim.js";
import { dailyReturns, pricePath } from "./priceContext.js";
import { writeVerdict } from "./verdict.js";

export type { ClaimCheck, ClaimInference, ClaimMeasures, MoveMeasure } from "./checkSchema.js";

export interface ClaimCheckRequest {
  symbol: string;
  /** Day 0: the trading date the claim is about (YYYY-MM-DD). */
  date: string;
  claim?: string | undefined;
  /** Market index; defaults to the exchange's (`^HSI` for `.HK`). */
  market?: string | undefined;
  /** Folder of price files, searched first; symbols it lacks come from the cache, then the bundled data (see `priceFolders`). */
  dataDir?: string | undefined;
  /** Folders of price files searched in order for each symbol, instead of `priceFolders` (see `ensurePrices`). */
  priceDirs?: readonly string[] | undefined;
  /** Folder of price files of the stocks to rank the day's move among. */
  universeDir?: string | undefined;
  model?: ModelName | undefined;
  /** How price files are read (default `readPriceSeriesFrom`; a server passes its cache of loaded series). */
  readPrices?: PriceReader | undefined;
}

const MOVE_MEASURES: readonly MoveMeasure[] = ["closeToClose", "openGap", "intradayLow", "intradayHigh", "marketAdjusted", "abnormalReturn"];

/** The measures a claim's wording points to: "closed" to the close-based ones, "opened" to the gap, "as much as" to the extremes. */
const HINTED_MEASURES: Record<MeasureHint, readonly MoveMeasure[]> = {
  close: ["closeToClose", "marketAdjusted", "abnormalReturn"],
  open: ["openGap"],
  intraday: ["intradayLow", "intradayHigh"],
};

/**
 * Checks a claim about a stock's move on a date (DESIGN section 7): every measure of that day against
 * the previous session, the market-model abnormal return with its t and p (estimation window and
 * model as in a study), the return's z-score against the estimation window and its percentile in the
 * stock's own history, which measures match the claim, and a plain-English verdict.
 */
export function checkClaim(request: ClaimCheckRequest): ClaimCheck {
  const claim = request.claim === undefined ? null : parseClaim(request.claim);
  const dataDirs = request.priceDirs ?? priceFolders({ dataDir: request.dataDir });
  const market = request.market ?? exchangeOf(request.symbol).defaultMarket;
  const readPrices = request.readPrices ?? readPriceSeriesFrom;
  const firm = readPrices(dataDirs, request.symbol);
  const marketSeries = readPrices(dataDirs, market);
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
  if (moves.openGap === null) notes.push(`${request.symbol} has no intraday data on ${request.date} (zero volume, open = high = low = close), so the open gap and intraday extremes are not measured`);

  const model = request.model ?? "market";
  const estimationWindow: [number, number] = [...DEFAULT_ESTIMATION_WINDOW];
  let inference: ClaimInference | null = null;
  let abnormalReturn: number | null = null;
  let zScore: number | null = null;
  const aligned = alignPrices(firm.bars, marketSeries.bars);
  const returns = alignedReturns(aligned, "simple");
  const day0 = aligned.dates.indexOf(request.date);
  try {
    const analysis = analyseEvent(request.symbol, returns, day0, {
      model,
      returns: "simple",
      estimationWindow,
      minEstimationObservations: DEFAULT_MIN_ESTIMATION_OBSERVATIONS,
      eventWindows: [[0, 0]],
    });
    const window = analysis.windows[0]!;
    abnormalReturn = window.car;
    inference = { t: window.t, p: window.p, sq: window.sq, abnormalVolume: window.volume, df: window.df, model, estimationWindow, nEstimation: analysis.nEstimation, sigma: analysis.sigma, estimation: analysis.estimation };
    const [first, last] = estimationRange(day0, estimationWindow);
    zScore = standardScore(moves.closeToClose, returns.firm.subarray(first, last + 1));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
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
          universeMoves(stocks, marketSeries, request.date, { model, returns: "simple", estimationWindow, minEstimationObservations: DEFAULT_MIN_ESTIMATION_OBSERVATIONS }),
          { symbol: request.symbol, ret: moves.closeToClose, ar: abnormalReturn },
          { date: request.date, market, universe: stocks.dir, unreadable: stocks.unreadable },
        );
  const sizeMatches = claim === null ? [] : MOVE_MEASURES.filter((name) => isComparable(name, claim) && matchesClaim(measures[name], claim));
  const hinted = claim?.measureHint ? HINTED_MEASURES[claim.measureHint] : MOVE_MEASURES;
  const matches = sizeMatches.filter((name) => hinted.includes(name));
  const otherMatches = sizeMatches.filter((name) => !hinted.includes(name));
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
    claim: claim === null ? null : { ...claim, matches, otherMatches },
    universe,
    notes,
    pricePath: pricePath(firm.bars, day),
    dailyReturns: dailyReturns(firm.bars),
    sources: [priceProvenance(firm), priceProvenance(marketSeries)],
  };
  return { ...check, verdict: writeVerdict(check) };
}

/** The intraday extreme compared with a claim is the low for falls and the high for rises. */
function isComparable(measure: MoveMeasure, claim: ParsedClaim): boolean {
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
