import { basename, relative, resolve, sep } from "node:path";
import type { ClaimCheck } from "../claims/checkClaim.js";

/**
 * The server's folders as they can appear in a message: absolute, and relative to the working folder
 * (as result files name them), longest first so that a folder inside another is matched whole.
 */
export function folderForms(folders: readonly string[]): string[] {
  const forms = folders.flatMap((folder) => [resolve(folder), relative(process.cwd(), resolve(folder))]).filter((form) => !/^(\.\.)?([\\/]\.\.)*$/.test(form));
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * A message fit for a page or the API: a file in one of the server's folders named by its file name
 * only, a folder by its own name, control characters shown as escapes.
 *
 * @example publicText("no file /srv/data/prices/X.csv", folderForms(["/srv/data/prices"])) // "no file X.csv"
 */
export function publicText(message: string, forms: readonly string[]): string {
  return forms
    .reduce((text, folder) => text.split(`${folder}${sep}`).join("").split(folder).join(basename(folder)), message)
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A check as the server shows it: price files by file name (with their sha256), the universe by its
 * folder's name, every message without the server's folders.
 */
export function publicCheck(check: ClaimCheck, forms: readonly string[]): ClaimCheck {
  const text = (message: string) => publicText(message, forms);
  return {
    ...check,
    notes: check.notes.map(text),
    verdict: text(check.verdict),
    sources: check.sources.map((source) => ({ ...source, file: basename(source.file), skippedRows: source.skippedRows.map((row) => ({ ...row, reason: text(row.reason) })) })),
    universe:
      check.universe === null
        ? null
        : { ...check.universe, universe: basename(check.universe.universe), unreadable: check.universe.unreadable.map((entry) => ({ ...entry, reason: text(entry.reason) })) },
  };
}
