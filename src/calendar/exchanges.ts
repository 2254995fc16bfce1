/** Where a symbol trades: its time zone and the local time its regular session closes. */
export interface Exchange {
  code: string;
  timeZone: string;
  close: string;
  defaultMarket: string;
}

const EXCHANGES: Record<string, Exchange> = {
  HK: { code: "HK", timeZone: "Asia/Hong_Kong", close: "16:00", defaultMarket: "^HSI" },
  SS: { code: "SS", timeZone: "Asia/Shanghai", close: "15:00", defaultMarket: "000300.SS" },
  SZ: { code: "SZ", timeZone: "Asia/Shanghai", close: "15:00", defaultMarket: "000300.SS" },
  US: { code: "US", timeZone: "America/New_York", close: "16:00", defaultMarket: "^GSPC" },
};

const INDEX_EXCHANGES: Record<string, string> = { "^HSI": "HK", "^GSPC": "US", "^IXIC": "US", "^DJI": "US" };

/**
 * The exchange of a Yahoo symbol, from its suffix (`.HK`, `.SS`, `.SZ`); symbols without a suffix are US
 * listings. Known indices map to their home exchange.
 *
 * @example exchangeOf("1810.HK").timeZone // "Asia/Hong_Kong"
 */
export function exchangeOf(symbol: string): Exchange {
  const indexHome = INDEX_EXCHANGES[symbol.toUpperCase()];
  if (indexHome !== undefined) return EXCHANGES[indexHome]!;
  const suffix = /\.([A-Za-z]+)$/.exec(symbol)?.[1]?.toUpperCase();
  return EXCHANGES[suffix ?? "US"] ?? EXCHANGES.US!;
}
