import type { PriceBar } from "../sources/priceBar.js";

/** A firm's and its market's bars on the dates both traded (inner join), as parallel arrays. */
export interface AlignedPrices {
  dates: string[];
  firm: PriceBar[];
  market: PriceBar[];
}

/** Inner join of two ascending bar lists on date, so that every return spans the same dates for both. */
export function alignPrices(firm: readonly PriceBar[], market: readonly PriceBar[]): AlignedPrices {
  const aligned: AlignedPrices = { dates: [], firm: [], market: [] };
  let j = 0;
  for (const bar of firm) {
    while (j < market.length && market[j]!.date < bar.date) j++;
    const other = market[j];
    if (other !== undefined && other.date === bar.date) {
      aligned.dates.push(bar.date);
      aligned.firm.push(bar);
      aligned.market.push(other);
    }
  }
  return aligned;
}
