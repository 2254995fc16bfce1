import { selectRows, type PriceColumns } from "../sources/priceCsv.js";

/** A firm's and its market's prices on the dates both traded (inner join), as columns of equal length. */
export interface AlignedPrices {
  dates: string[];
  firm: PriceColumns;
  market: PriceColumns;
}

/** Inner join of two ascending price columns on date, so that every return spans the same dates for both. */
export function alignPrices(firm: PriceColumns, market: PriceColumns): AlignedPrices {
  const firmDates = firm.dates;
  const marketDates = market.dates;
  const firmRows = new Int32Array(Math.min(firmDates.length, marketDates.length));
  const marketRows = new Int32Array(firmRows.length);
  let count = 0;
  let j = 0;
  for (let i = 0; i < firmDates.length; i++) {
    const date = firmDates[i]!;
    while (j < marketDates.length && marketDates[j]! < date) j++;
    if (j < marketDates.length && marketDates[j] === date) {
      firmRows[count] = i;
      marketRows[count++] = j;
    }
  }
  const rowsOf = (columns: PriceColumns, rows: Int32Array) => (count === columns.dates.length ? columns : selectRows(columns, rows.subarray(0, count)));
  const aligned = rowsOf(firm, firmRows);
  return { dates: aligned.dates, firm: aligned, market: rowsOf(market, marketRows) };
}
