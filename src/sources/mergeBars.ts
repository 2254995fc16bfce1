import type { PriceBar } from "./priceBar.js";

export interface MergedBars {
  bars: PriceBar[];
  /** Dates the fetched bars add. */
  added: number;
  /** Dates on file whose fetched bar differs in any field (a revision, or adjustment for a new dividend or split). */
  changed: number;
  /** Dates on file the fetched bars lack, kept as they were. */
  kept: number;
}

function sameBar(a: PriceBar, b: PriceBar): boolean {
  return a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close && a.adjClose === b.adjClose && a.volume === b.volume;
}

/**
 * Merges freshly fetched bars into the bars on file, by date: a fetched bar replaces the one on file,
 * dates only on file are kept, and the counts say what changed.
 *
 * @example mergeBars([{ date: "2021-01-04", ... }], [{ date: "2021-01-05", ... }]).added // 1
 */
export function mergeBars(onFile: readonly PriceBar[], fetched: readonly PriceBar[]): MergedBars {
  const byDate = new Map(onFile.map((bar) => [bar.date, bar]));
  let added = 0;
  let changed = 0;
  for (const bar of fetched) {
    const old = byDate.get(bar.date);
    if (old === undefined) added++;
    else if (!sameBar(old, bar)) changed++;
    byDate.set(bar.date, bar);
  }
  const bars = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { bars, added, changed, kept: bars.length - fetched.length };
}
