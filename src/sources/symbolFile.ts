import { InputError } from "../errors.js";

const SYMBOL = /^\^?[A-Za-z0-9][A-Za-z0-9.=_-]{0,31}$/;

/**
 * The file name of a symbol's prices: `<SYMBOL>.csv`, a leading `^` written as `INDEX_`.
 *
 * @example priceFileName("^HSI") // "INDEX_HSI.csv"
 * @example priceFileName("1810.HK") // "1810.HK.csv"
 */
export function priceFileName(symbol: string): string {
  if (!SYMBOL.test(symbol) || symbol.includes("..")) {
    throw new InputError("invalid-symbol", `invalid symbol "${symbol}": use Yahoo notation such as 1810.HK, ^HSI or LKCO`);
  }
  return symbol.startsWith("^") ? `INDEX_${symbol.slice(1)}.csv` : `${symbol}.csv`;
}

/**
 * The symbol a price file holds, the inverse of `priceFileName`.
 *
 * @example symbolOfFileName("INDEX_HSI.csv") // "^HSI"
 */
export function symbolOfFileName(fileName: string): string {
  const stem = fileName.replace(/\.csv$/i, "");
  return stem.startsWith("INDEX_") ? `^${stem.slice("INDEX_".length)}` : stem;
}
