import type { PriceBar } from "./priceBar.js";

/**
 * Splits off Yahoo's filler bars: volume 0 and a close equal to the previous close, written for days on
 * which the exchange did not trade. A zero-volume bar whose close moved is a real session without
 * intraday data (Hong Kong half-days look like that) and is kept.
 */
export function dropFillerBars(bars: readonly PriceBar[]): { kept: PriceBar[]; dropped: PriceBar[] } {
  const kept: PriceBar[] = [];
  const dropped: PriceBar[] = [];
  for (const bar of bars) {
    const previous = kept[kept.length - 1];
    if (previous !== undefined && bar.volume === 0 && bar.close === previous.close) dropped.push(bar);
    else kept.push(bar);
  }
  return { kept, dropped };
}

/** True when a bar carries no intraday information (zero volume and open = high = low = close). */
export function lacksIntradayData(bar: PriceBar): boolean {
  return bar.volume === 0 && bar.open === bar.high && bar.high === bar.low && bar.low === bar.close;
}
