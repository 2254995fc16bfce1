import { z } from "zod";
import { jsonNumber } from "../jsonNumber.js";

/**
 * A day's move ranked among a universe of stocks, the shape shared by a study's events and a claim
 * check (zod schemas; the types are inferred from them).
 */

const date = z.string();

/** One stock's move on a date: close-to-close return and market-model abnormal return (null without a model). */
export const stockMoveSchema = z.object({ symbol: z.string(), name: z.string().optional(), ret: z.number(), ar: z.number().nullable() });

/** Where one value stands in a cross-section, rank 1 being the lowest (the biggest fall). */
export const rankSchema = z.object({
  value: z.number(),
  rank: z.number(),
  of: z.number(),
  /** Share of the other stocks with a lower value (0 = nobody fell more). */
  percentile: jsonNumber,
  fellMore: z.number(),
  roseMore: z.number(),
});

/** A day's return and abnormal return ranked among a universe of stocks. */
export const universeRankingSchema = z.object({
  date,
  market: z.string(),
  universe: z.string(),
  /** Stocks with a return on the date (the firm included). */
  size: z.number(),
  ret: rankSchema,
  ar: rankSchema.nullable(),
  /** The five largest absolute returns of the day. */
  biggestMovers: z.array(stockMoveSchema),
  /** Every stock's move that day, the firm's included, from the biggest fall to the biggest rise. */
  moves: z.array(stockMoveSchema),
  /** Universe files left out because they could not be read. */
  unreadable: z.array(z.object({ symbol: z.string(), reason: z.string() })),
});

export type StockMove = z.output<typeof stockMoveSchema>;
export type Rank = z.output<typeof rankSchema>;
export type UniverseRanking = z.output<typeof universeRankingSchema>;
