/** Where a symbol trades: its time zone and the local time its regular session closes. */
export interface Exchange {
  code: string;
  timeZone: string;
  close: string;
  defaultMarket: string;
}

const US: Exchange = { code: "US", timeZone: "America/New_York", close: "16:00", defaultMarket: "^GSPC" };

const EXCHANGES = new Map<string, Exchange>([
  ["HK", { code: "HK", timeZone: "Asia/Hong_Kong", close: "16:00", defaultMarket: "^HSI" }],
  ["SS", { code: "SS", timeZone: "Asia/Shanghai", close: "15:00", defaultMarket: "000300.SS" }],
  ["SZ", { code: "SZ", timeZone: "Asia/Shanghai", close: "15:00", defaultMarket: "000300.SS" }],
  ["US", US],
]);

const INDEX_EXCHANGES = new Map<string, string>([
  ["^HSI", "HK"],
  ["^GSPC", "US"],
  ["^IXIC", "US"],
  ["^DJI", "US"],
]);

/**
 * The exchange of a Yahoo symbol, from its suffix (`.HK`, `.SS`, `.SZ`); symbols without a suffix are US
 * listings. Known indices map to their home exchange.
 *
 * @example exchangeOf("1810.HK").timeZone // "Asia/Hong_Kong"
 */
export function exchangeOf(symbol: string): Exchange {
  const indexHome = INDEX_EXCHANGES.get(symbol.toUpperCase());
  if (indexHome !== undefined) return EXCHANGES.get(indexHome)!;
  const suffix = /\.([A-Za-z]+)$/.exec(symbol)?.[1]?.toUpperCase();
  return EXCHANGES.get(suffix ?? "US") ?? US;
}

/**
 * The market index a symbol is measured against: the first market chosen (an event's own, then a
 * spec's), else its exchange's default index (DESIGN section 2).
 *
 * @example marketOf("1810.HK") // "^HSI"
 * @example marketOf("BABA", undefined, "^IXIC") // "^IXIC"
 */
export function marketOf(symbol: string, ...chosen: (string | undefined)[]): string {
  return chosen.find((market) => market !== undefined) ?? exchangeOf(symbol).defaultMarket;
}
