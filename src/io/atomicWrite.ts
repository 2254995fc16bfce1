import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors.js";

/** The suffix of a file being written under a temporary name: `.tmp-<pid>-<milliseconds>`. */
export function temporarySuffix(): string {
  return `.tmp-${process.pid}-${Date.now()}`;
}

/** A name `temporarySuffix` made: a file left behind by an interrupted write. */
export const TEMPORARY_FILE = /\.tmp-\d+-\d+$/;

/**
 * Writes a set of files into a folder so that a failure leaves none of them half-written: every file
 * goes to a temporary name first and is renamed only once all have been written; on any failure the
 * temporary files are removed. A folder that cannot be written is an `InputError` naming it.
 */
export function writeFilesAtomically(dir: string, files: Record<string, string>): string[] {
  const suffix = temporarySuffix();
  const staged: [string, string][] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      staged.push([target + suffix, target]);
      writeFileSync(target + suffix, content);
    }
    for (const [temporary, target] of staged) renameSync(temporary, target);
  } catch (error) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error;
    throw new InputError("cannot-write", `cannot write to ${dir}: ${code}${path === undefined ? "" : ` (${path})`}`, { file: path ?? dir });
  }
  return staged.map(([, target]) => target);
}
