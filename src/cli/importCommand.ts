import { z } from "zod";
import { InputError } from "../errors.js";
import { formatTable } from "../reports/table.js";
import { importPriceFiles } from "../sources/importPrices.js";
import { cacheDir } from "../sources/priceCache.js";
import { parseOptions } from "./options.js";
import { priceSourceFlags } from "./priceOptions.js";

const importOptions = z.strictObject({ cache: priceSourceFlags.cache });

export async function importCommand(files: string[], rawOptions: unknown): Promise<void> {
  const options = parseOptions(importOptions, rawOptions);
  const cache = cacheDir(options.cache);
  const outcomes = await importPriceFiles(files, cache);
  const rows = outcomes.map(({ file, symbol, error, previous, entry }) => [
    symbol,
    error !== null ? "failed" : previous === null ? "imported" : previous.sha256 === entry!.sha256 ? "unchanged" : `replaced (${previous.source}, ${previous.first} to ${previous.last})`,
    entry === null ? "" : String(entry.rows),
    entry?.first ?? "",
    entry?.last ?? "",
    file,
  ]);
  process.stdout.write(`${formatTable(["symbol", "result", "rows", "first", "last", "file"], rows)}\n\ncache: ${cache}\n`);
  const failed = outcomes.filter((outcome) => outcome.error !== null);
  if (failed.length > 0) throw new InputError("invalid-file", `${failed.length} of ${outcomes.length} file(s) not imported:\n${failed.map((outcome) => `  ${outcome.error!.message}`).join("\n")}`);
}
