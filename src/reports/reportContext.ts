import type { PriceProvenance } from "../sources/priceProvenanceSchema.js";
import { escapeHtml, htmlFacts, htmlTable } from "./html.js";

/** What a report says about its own making: the result file it was made from and the program's version. */
export interface ReportContext {
  file: string;
  sha256: string;
  version: string;
}

type PriceFile = Pick<PriceProvenance, "symbol" | "file" | "first" | "last"> & { source?: string; sha256?: string };

/** The provenance section: the price files read (with their SHA-256 when the result has it), notes, the result file and the version. */
export function provenanceSection(prices: readonly PriceFile[], context: ReportContext, notes: readonly string[] = []): string {
  const withHashes = prices.some((price) => price.sha256 !== undefined);
  const header = ["symbol", "file", "source", "first", "last", ...(withHashes ? ["SHA-256"] : [])];
  const rows = prices.map((p) => [p.symbol, p.file, p.source ?? "", p.first, p.last, ...(withHashes ? [p.sha256 ?? ""] : [])]);
  return [
    "<section><h2>Provenance</h2>",
    htmlTable(header, rows, "Price files").replace(/<td>([0-9a-f]{64})<\/td>/g, '<td class="hash">$1</td>'),
    ...notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`),
    htmlFacts([
      ["result file", context.file],
      ["its SHA-256", context.sha256],
      ["report by", `event-impact ${context.version}`],
    ]).replace(`<dd>${context.sha256}</dd>`, `<dd class="hash">${context.sha256}</dd>`),
    "</section>",
  ].join("\n");
}
