import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Writes a set of files into a folder so that a failure leaves none of them half-written: every file
 * goes to a temporary name first and is renamed only once all have been written.
 */
export function writeFilesAtomically(dir: string, files: Record<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${Date.now()}`;
  const staged: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      writeFileSync(target + suffix, content);
      staged.push([target + suffix, target]);
    }
  } catch (error) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    throw error;
  }
  for (const [temporary, target] of staged) renameSync(temporary, target);
  return staged.map(([, target]) => target);
}
