import { z } from "zod";

const date = z.string();

/** Where a price series came from: its file, date range and what reading dropped. */
export const priceProvenanceSchema = z.object({
  symbol: z.string(),
  file: z.string(),
  /** The kind of folder the file was read from: the bundled data, a cache, or a user's data folder. */
  source: z.enum(["bundled", "cache", "data"]),
  /** SHA-256 of the file's content: a later run can tell whether the data changed (`study --compare`). */
  sha256: z.string(),
  first: date,
  last: date,
  fillerBarsDropped: z.array(date),
  skippedRows: z.array(z.object({ line: z.number(), reason: z.string() })),
  /**
   * Rows kept with a warning (DESIGN section 2): `ohlc`, low/high not bracketing open and close (that day's intraday
   * measures are null); `move`, a day move beyond -99.9% or x1000. Absent in results written before it (read as none).
   */
  warnings: z.array(z.object({ line: z.number(), date, kind: z.enum(["ohlc", "move"]), message: z.string() })).default([]),
});

export type PriceProvenance = z.output<typeof priceProvenanceSchema>;
