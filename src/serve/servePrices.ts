import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { PriceFetchError } from "../sources/fetchError.js";
import { availableSymbols, priceDir } from "../sources/localFiles.js";
import { cacheDir as defaultCacheDir, sweepStaleTemporaryFiles } from "../sources/priceCache.js";
import { priceFolders } from "../sources/priceFolders.js";
import type { PriceNeed } from "../sources/fetchPrices.js";
import { ensurePrices, type PreparedPrices } from "../sources/priceSources.js";
import { priceFileName } from "../sources/symbolFile.js";
import { claimPriceNeeds } from "../claims/claimPriceNeeds.js";
import { resolveSymbol, type CheckQuery } from "./checkQuery.js";

export interface ServePricesOptions {
  /** A user's folder of price files, searched first. */
  dataDir?: string | undefined;
  /** The price cache (default: see `cacheDir`). */
  cacheDir?: string | undefined;
  /** Never fetch: serve what the folders hold. */
  offline?: boolean | undefined;
  /** A mirror of Yahoo's query host. */
  yahooUrl?: string | undefined;
  /** Where a line per fetch goes. */
  log: (line: string) => void;
}

/**
 * The server's prices, in the source order of `ensurePrices` (a user's folder, the cache, the bundled
 * data, then Yahoo unless offline). Symbols on file are listed once and listed again after a change
 * (`changed`); a symbol that no folder holds is fetched into the cache, while other requests go on.
 * Requests for a symbol wait for a fetch of it in progress instead of starting another.
 */
export class ServePrices {
  readonly #options: ServePricesOptions;
  readonly #inFlight = new Map<string, Promise<void>>();
  #symbols: string[] | null = null;

  constructor(options: ServePricesOptions) {
    this.#options = options;
    sweepStaleTemporaryFiles(defaultCacheDir(options.cacheDir));
  }

  /** Every folder prices may be read from (to keep them out of answers). */
  get folders(): string[] {
    return priceFolders({ dataDir: this.#options.dataDir, cacheDir: this.#options.cacheDir });
  }

  /** The symbols on file, sorted. */
  symbols(): string[] {
    this.#symbols ??= [...new Set(this.folders.flatMap(availableSymbols))].sort();
    return this.#symbols;
  }

  /** The folders changed: list them again on next use. */
  changed(): void {
    this.#symbols = null;
  }

  /**
   * The symbol as the data names it (see `resolveSymbol`); one on no file is an `InputError` when
   * offline, else taken in capitals, to be fetched.
   */
  resolve(symbol: string, parameter: string): string {
    try {
      return resolveSymbol(symbol, this.symbols(), parameter);
    } catch (error) {
      if (this.#options.offline) throw error;
      return symbol.toUpperCase();
    }
  }

  /**
   * Makes sure the prices a check needs are at hand and returns the folders to read, in order. A symbol
   * that could not be fetched and is on no file is an `InputError` naming the query's parameter (a
   * `PriceFetchError` when the failure may pass: Yahoo out of reach, rate limits).
   */
  async prepare(query: CheckQuery): Promise<string[]> {
    const prepared = await Promise.all(claimPriceNeeds(query).map((need) => this.#ensure(need)));
    const fetched = prepared.flatMap((outcome) => outcome.fetched);
    const priceDirs = prepared[0]!.priceDirs;
    if (fetched.length > 0) this.changed();
    for (const outcome of fetched) {
      if (outcome.error === null) this.#options.log(`fetched ${outcome.symbol} from Yahoo: ${outcome.entry!.first} to ${outcome.entry!.last}`);
      else if (priceDirs.some((dir) => existsSync(join(priceDir(dir), priceFileName(outcome.symbol))))) this.#options.log(`could not fetch ${outcome.error.message}`);
      else {
        const parameter = outcome.symbol === query.symbol ? "symbol" : "market";
        const message = `${parameter}: no prices for "${outcome.symbol}" on file, and fetching them failed: ${outcome.error.reason}`;
        throw outcome.error.transient ? new PriceFetchError(outcome.error.failure, message) : new InputError("no-prices", message, { field: parameter });
      }
    }
    return priceDirs;
  }

  /** One symbol's prices at hand, after any fetch of it in progress (each symbol on its own, so that one slow fetch holds up only its own requests). */
  #ensure(need: PriceNeed): Promise<PreparedPrices> {
    const work = (this.#inFlight.get(need.symbol) ?? Promise.resolve()).then(() =>
      ensurePrices([need], { dataDir: this.#options.dataDir, cacheDir: this.#options.cacheDir, offline: this.#options.offline, yahooUrl: this.#options.yahooUrl }),
    );
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.#inFlight.set(need.symbol, settled);
    void settled.then(() => this.#inFlight.get(need.symbol) === settled && this.#inFlight.delete(need.symbol));
    return work;
  }
}
