import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { alignPrices } from "./alignment.js";
import { InputError } from "../errors.js";
import type { ModelName } from "../models/expectedReturnModel.js";
import type { ModelFactors } from "../models/factorModel.js";
import type { ReturnKind } from "../returns/returns.js";
import { CONSTITUENTS_FILE, availableSymbols, priceDir, readPriceSeriesFrom, type PriceReader } from "../sources/localFiles.js";
import type { PriceSeries } from "../sources/priceBar.js";
import { prepareFirm, type PreparedFirm } from "./eventBatch.js";
import { alignedReturns, analysePreparedEvent } from "./eventStudy.js";
import type { Rank, StockMove, UniverseRanking } from "./universeRankingSchema.js";

/** A folder of price files read as a cross-section of stocks, with names when it has `constituents.csv`. */
export interface Universe {
  dir: string;
  stocks: { symbol: string; name?: string; series: PriceSeries }[];
  /** Files left out because they could not be read, with the reason. */
  unreadable: { symbol: string; reason: string }[];
}


export interface MoveOptions {
  model: ModelName;
  /** A factor model's factors (the universe's stocks are fitted on the same ones). */
  factors?: ModelFactors | undefined;
  returns: ReturnKind;
  estimationWindow: readonly [number, number];
  minEstimationObservations: number;
}

/**
 * Reads every price file of a folder, leniently: invalid rows are skipped and listed in each series'
 * `skippedRows`, and a file that cannot be read at all (bad header, unsorted dates) leaves its stock out,
 * listed in `unreadable`; one bad file should not take the cross-section away. Names come from the
 * folder's `constituents.csv` if there is one. `read` reads each file (a server passes its cache of loaded series).
 */
export function readUniverse(dir: string, read: PriceReader = readPriceSeriesFrom): Universe {
  const symbols = availableSymbols(dir);
  if (symbols.length === 0) throw new InputError("no-prices", `--universe ${dir}: no price files (<SYMBOL>.csv) in this folder`, { field: "--universe", file: dir });
  const names = readNames(join(priceDir(dir), CONSTITUENTS_FILE));
  const stocks: Universe["stocks"] = [];
  const unreadable: Universe["unreadable"] = [];
  for (const symbol of symbols) {
    try {
      const series = read([dir], symbol, { lenient: true });
      const name = names.get(symbol);
      stocks.push(name === undefined ? { symbol, series } : { symbol, name, series });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unreadable.push({ symbol, reason: error.message });
    }
  }
  return { dir, stocks, unreadable };
}

function readNames(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new InputError("invalid-file", `${file}: not a readable CSV of symbol,name: ${(error as Error).message}`, { file });
  }
  return new Map(rows.filter((row) => row.symbol && row.name).map((row) => [row.symbol!, row.name!]));
}

/**
 * Every universe stock's move on a date: the close-to-close return (simple or log) against its previous session and the
 * abnormal return of the study's model fitted on the estimation window before that date. Stocks without
 * a session on the date are left out; stocks with too short a history get `ar: null`.
 */
export function universeMoves(universe: Universe, market: PriceSeries, date: string, options: MoveOptions): StockMove[] {
  const moves: StockMove[] = [];
  for (const { symbol, name, series } of universe.stocks) {
    if (symbol === market.symbol) continue;
    const { dates, adjClose } = series.columns;
    const day = dates.indexOf(date);
    if (day < 1) continue;
    const ratio = adjClose[day]! / adjClose[day - 1]!;
    const ret = options.returns === "log" ? Math.log(ratio) : ratio - 1;
    let ar: number | null = null;
    const firm = options.factors === undefined ? preparedWithMarket(series, market, options.returns) : prepareFirm(symbol, market.symbol, alignedReturns(alignPrices(series.columns, market.columns), options.returns, options.factors));
    const day0 = firm.returns.dates.indexOf(date);
    if (day0 > 0) {
      try {
        ar = analysePreparedEvent(firm, day0, { ...options, eventWindows: [[0, 0]] }).windows[0]!.car;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
    moves.push(name === undefined ? { symbol, ret, ar } : { symbol, name, ret, ar });
  }
  return moves;
}

/** Each stock's returns aligned with a market and prepared for fits, once per pair of series (and return kind) while both are held. */
const preparedPairs = new WeakMap<PriceSeries, WeakMap<PriceSeries, Map<ReturnKind, PreparedFirm>>>();

function preparedWithMarket(series: PriceSeries, market: PriceSeries, kind: ReturnKind): PreparedFirm {
  let byMarket = preparedPairs.get(series);
  if (byMarket === undefined) preparedPairs.set(series, (byMarket = new WeakMap()));
  let byKind = byMarket.get(market);
  if (byKind === undefined) byMarket.set(market, (byKind = new Map()));
  let firm = byKind.get(kind);
  if (firm === undefined) byKind.set(kind, (firm = prepareFirm(series.symbol, market.symbol, alignedReturns(alignPrices(series.columns, market.columns), kind))));
  return firm;
}

/**
 * Ranks a firm's return and abnormal return among the universe's moves on the same date (the firm's own
 * entry in the universe, if any, is replaced by the given values) and lists the five biggest movers.
 */
export function rankInUniverse(
  moves: readonly StockMove[],
  firm: StockMove,
  context: { date: string; market: string; universe: string; unreadable: Universe["unreadable"] },
): UniverseRanking {
  const others = moves.filter((move) => move.symbol !== firm.symbol);
  const name = moves.find((move) => move.symbol === firm.symbol)?.name;
  const all = [...others, firm.name === undefined && name !== undefined ? { ...firm, name } : firm];
  const abnormal = others.flatMap((move) => (move.ar === null ? [] : [move.ar]));
  return {
    ...context,
    size: all.length,
    ret: rank(firm.ret, others.map((move) => move.ret)),
    ar: firm.ar === null ? null : rank(firm.ar, abnormal),
    biggestMovers: [...all].sort((a, b) => Math.abs(b.ret) - Math.abs(a.ret)).slice(0, 5),
    moves: [...all].sort((a, b) => a.ret - b.ret),
  };
}

function rank(value: number, others: readonly number[]): Rank {
  const fellMore = others.filter((other) => other < value).length;
  const roseMore = others.filter((other) => other > value).length;
  return { value, rank: fellMore + 1, of: others.length + 1, percentile: others.length === 0 ? Number.NaN : fellMore / others.length, fellMore, roseMore };
}
