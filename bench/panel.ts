import type { PriceBar } from "../src/sources/priceBar.js";
import { seededRandom } from "../src/statistics/seededRandom.js";

/** A seeded synthetic panel: `firms` price series and one market on a shared calendar, and the events. */
export interface SyntheticPanel {
  market: PriceBar[];
  firms: { symbol: string; bars: PriceBar[] }[];
  events: { firm: Int32Array; day0: Int32Array };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function bars(dates: readonly string[], returns: Float64Array): PriceBar[] {
  let price = 100;
  return dates.map((date, t) => {
    if (t > 0) price *= 1 + returns[t]!;
    return { date, open: price, high: price, low: price, close: price, adjClose: price, volume: 1_000_000 };
  });
}

/**
 * Builds the panel: market returns N(0.0003, 0.012), firm returns `alpha + beta R_m + e` with firm-level
 * alpha ~ N(0, 0.0002), beta ~ U(0.5, 1.5) and e ~ N(0, 0.02), as daily bars; events at uniform random
 * days (indices into the calendar) that leave `margin` days before and after.
 */
export function syntheticPanel(options: { firms: number; days: number; events: number; seed: number; margin: [number, number] }): SyntheticPanel {
  const random = seededRandom(options.seed);
  const dates = Array.from({ length: options.days }, (_, t) => new Date(Date.UTC(2000, 0, 3) + t * 86_400_000).toISOString().slice(0, 10));
  const marketReturns = new Float64Array(options.days);
  for (let t = 1; t < options.days; t++) marketReturns[t] = 0.0003 + 0.012 * normal(random);
  const firms = Array.from({ length: options.firms }, (_, f) => {
    const alpha = 0.0002 * normal(random);
    const beta = 0.5 + random();
    const returns = new Float64Array(options.days);
    for (let t = 1; t < options.days; t++) returns[t] = alpha + beta * marketReturns[t]! + 0.02 * normal(random);
    return { symbol: `F${f}`, bars: bars(dates, returns) };
  });
  const [before, after] = options.margin;
  const firm = new Int32Array(options.events);
  const day0 = new Int32Array(options.events);
  for (let k = 0; k < options.events; k++) {
    firm[k] = Math.floor(random() * options.firms);
    day0[k] = before + Math.floor(random() * (options.days - before - after));
  }
  return { market: bars(dates, marketReturns), firms, events: { firm, day0 } };
}
