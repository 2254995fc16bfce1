import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { isoDateSchema } from "../calendar/isoDate.js";
import { isTimeZone } from "../calendar/zonedTime.js";
import { InputError } from "../errors.js";
import { bundledDataDir } from "./localFiles.js";

/** The bundled catalog of US actions against Chinese listed firms, 2020-21. */
export const bundledCatalogFile = join(bundledDataDir, "events", "us-china-2020-2021.csv");

const catalogRowSchema = z.object({
  event_id: z.string().min(1),
  announced_date: isoDateSchema,
  announced_time: z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time HH:MM or nothing")]),
  timezone: z.string().refine(isTimeZone, "unknown IANA time zone"),
  authority: z.string(),
  action: z.string(),
  company: z.string(),
  symbol: z.string().min(1),
  benchmark: z.string().min(1),
  source_url: z.string(),
  notes: z.string(),
});

/** One catalog row: an action against one listed security, with its source. */
export interface CatalogEvent {
  id: string;
  date: string;
  time?: string;
  timezone: string;
  authority: string;
  action: string;
  company: string;
  symbol: string;
  market: string;
  source: string;
  notes: string;
}

/** Which catalog rows to take: all conditions must hold; text conditions match case-insensitive substrings. */
export interface CatalogFilter {
  ids?: string[] | undefined;
  symbols?: string[] | undefined;
  action?: string | undefined;
  authority?: string | undefined;
}

/** Reads and validates an event catalog CSV; errors name the file, line and column. */
export function readCatalog(file = bundledCatalogFile): CatalogEvent[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true, bom: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    throw new InputError("invalid-file", `${file}: not a readable event catalog: ${(error as Error).message}`, { file });
  }
  return rows.map(({ record, info }) => {
    const parsed = catalogRowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join(".") || "row";
      throw new InputError("invalid-file", `${file} line ${info.lines}: ${field}: ${issue.message}`, { file, line: info.lines, field });
    }
    const row = parsed.data;
    return {
      id: row.event_id,
      date: row.announced_date,
      ...(row.announced_time === "" ? {} : { time: row.announced_time }),
      timezone: row.timezone,
      authority: row.authority,
      action: row.action,
      company: row.company,
      symbol: row.symbol,
      market: row.benchmark,
      source: row.source_url,
      notes: row.notes,
    };
  });
}

/** The catalog rows that satisfy a filter. */
export function filterCatalog(events: readonly CatalogEvent[], filter: CatalogFilter): CatalogEvent[] {
  const contains = (text: string, part: string | undefined) => part === undefined || text.toLowerCase().includes(part.toLowerCase());
  return events.filter(
    (event) =>
      (filter.ids === undefined || filter.ids.includes(event.id)) &&
      (filter.symbols === undefined || filter.symbols.includes(event.symbol)) &&
      contains(event.action, filter.action) &&
      contains(event.authority, filter.authority),
  );
}
