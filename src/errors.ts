import type { ZodError } from "zod";

/**
 * An error caused by what the user gave us (a file, a spec, a flag, a claim).
 * The CLI prints its message without a stack trace and exits with code 2.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(message: string) {
    super(message);
  }
}

/** Formats a zod error as one line per issue, each with the path of the offending field (see `summariseLines`). */
export function describeZodError(error: ZodError, root: string): string {
  return summariseLines(error.issues, (issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
    return `${root}: ${path}: ${issue.message}`;
  });
}

/** The most lines a message lists before it counts the rest. */
export const MAX_LISTED_LINES = 20;

/** The first `max` items as lines, then how many more there are: a message stays short for any input. */
export function summariseLines<Item>(items: readonly Item[], line: (item: Item) => string, max = MAX_LISTED_LINES): string {
  const lines = items.slice(0, max).map(line);
  if (items.length > max) lines.push(`  ... and ${(items.length - max).toLocaleString("en-US")} more`);
  return lines.join("\n");
}
