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

/** Formats a zod error as one line per issue, each with the path of the offending field. */
export function describeZodError(error: ZodError, root: string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
      return `${root}: ${path}: ${issue.message}`;
    })
    .join("\n");
}
