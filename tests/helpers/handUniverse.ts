import type { UniverseRanking } from "../../src/engine/universeRankingSchema.js";
import type { PriceProvenance } from "../../src/sources/priceProvenanceSchema.js";

/**
 * A universe ranking written by hand (the real one needs ../shared/data/hk-universe): the firm fell the most of 83
 * stocks; its abnormal return ranks 2nd of 80; the biggest movers include one without a name and one without an AR.
 */
export const HAND_UNIVERSE: UniverseRanking = {
  date: "2021-01-15",
  market: "^HSI",
  universe: "hk-universe",
  size: 83,
  ret: { value: -0.1026, rank: 1, of: 83, percentile: 0, fellMore: 0, roseMore: 82 },
  ar: { value: -0.1111, rank: 2, of: 80, percentile: 1 / 79, fellMore: 1, roseMore: 78 },
  biggestMovers: [
    { symbol: "1810.HK", name: "Xiaomi", ret: -0.1026, ar: -0.1111 },
    { symbol: "0700.HK", ret: 0.0512, ar: null },
  ],
  moves: [
    { symbol: "1810.HK", name: "Xiaomi", ret: -0.1026, ar: -0.1111 },
    { symbol: "0700.HK", ret: 0.0512, ar: null },
  ],
  unreadable: [],
};

/** A price file's provenance with `count` rows kept with a warning (lines 10, 11, ...). */
export function priceFileWithWarnings(file: string, count: number): PriceProvenance {
  return {
    symbol: file.replace(".csv", ""),
    file,
    source: "bundled",
    sha256: "f".repeat(64),
    first: "2020-01-02",
    last: "2021-12-31",
    fillerBarsDropped: [],
    skippedRows: [],
    warnings: Array.from({ length: count }, (_, k) => ({ line: 10 + k, date: "2020-06-01", kind: "ohlc" as const, message: "low above close" })),
  };
}
