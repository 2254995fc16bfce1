import { z } from "zod";
import { formatTable } from "../reports/table.js";
import { filterCatalog, readCatalog } from "../sources/catalog.js";
import { parseOptions } from "./options.js";

const eventsOptions = z.strictObject({
  symbol: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  authority: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

export function eventsCommand(rawOptions: unknown): void {
  const options = parseOptions(eventsOptions, rawOptions);
  const events = filterCatalog(readCatalog(), {
    symbols: options.symbol === undefined ? undefined : [options.symbol],
    action: options.action,
    authority: options.authority,
  });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
    return;
  }
  const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  const rows = events.map((e) => [e.id, e.date, e.time ?? "", e.symbol, e.market, clip(e.authority, 22), clip(e.action, 60)]);
  process.stdout.write(`${formatTable(["id", "date", "time", "symbol", "market", "authority", "action"], rows)}\n`);
  process.stdout.write(`\n${events.length} event row(s); times are ${[...new Set(events.map((e) => e.timezone))].join(", ") || "n/a"}. Select rows in a study spec with "catalog": {"ids": [...]} or a filter.\n`);
}
