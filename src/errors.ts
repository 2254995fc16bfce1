import type { ZodError } from "zod";

/**
 * What kind of input is at fault:
 * - `invalid-option`: a command-line option, query parameter or environment variable;
 * - `invalid-spec`: a study spec (its fields, its JSON);
 * - `invalid-claim`: a claim with no readable move;
 * - `invalid-symbol`: a symbol not in Yahoo notation;
 * - `invalid-file`: a file that is not what it should be (a price CSV, an event catalog, a cache index, a result);
 * - `missing-file`: a file or folder that does not exist or cannot be read;
 * - `no-prices`: prices that do not cover what was asked (no file for a symbol, a date outside the range, a day
 *   without trading, too short a history for the windows);
 * - `no-events`: a study with no event to study (an empty selection, every event dropped);
 * - `fetch-failed`: prices that could not be fetched (see `PriceFetchError.failure`);
 * - `cannot-write`: an output folder that cannot be written;
 * - `cannot-listen`: a server address that cannot be bound;
 * - `missing-dependency`: an optional package that is not installed (danfojs-node for the DataFrame views).
 */
export type InputErrorCode =
  | "invalid-option"
  | "invalid-spec"
  | "invalid-claim"
  | "invalid-symbol"
  | "invalid-file"
  | "missing-file"
  | "no-prices"
  | "no-events"
  | "fetch-failed"
  | "cannot-write"
  | "cannot-listen"
  | "missing-dependency";

/** One part at fault of an input with several: an option or query parameter, a spec path, a dropped event. */
export interface InputIssue {
  /** The part, as the user names it: `--estimation-days`, `symbol`, `events.0.date`, `1810.HK 2021-01-15`. */
  at: string;
  message: string;
}

export interface InputErrorDetails {
  /** The option, query parameter or spec field at fault, when one is (the first, when several are). */
  field?: string | undefined;
  /** The file at fault, as the user gave it. */
  file?: string | undefined;
  /** The 1-based line of `file` at fault. */
  line?: number | undefined;
  /** Each part at fault, when there are several. */
  issues?: readonly InputIssue[] | undefined;
}

/**
 * An error caused by what the user gave us (a file, a spec, a flag, a claim), typed by `code` and, where it
 * applies, the `field`, `file` and `line` at fault; programs read these, never the message.
 * The CLI prints its message without a stack trace and exits with code 2.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly field: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly issues: readonly InputIssue[];

  constructor(
    readonly code: InputErrorCode,
    message: string,
    details: InputErrorDetails = {},
  ) {
    super(message);
    this.issues = details.issues ?? [];
    this.field = details.field;
    this.file = details.file;
    this.line = details.line;
  }
}

/** The most lines a message lists before it counts the rest. */
export const MAX_LISTED_LINES = 20;

/** The first `max` items as lines, then how many more there are: a message stays short for any input. */
export function summariseLines<Item>(items: readonly Item[], line: (item: Item) => string, max = MAX_LISTED_LINES): string {
  const lines = items.slice(0, max).map(line);
  if (items.length > max) lines.push(`  ... and ${(items.length - max).toLocaleString("en-US")} more`);
  return lines.join("\n");
}

/**
 * An `InputError` with one line per zod issue, `<prefix>: <at>: <message>` (without the prefix when there is
 * none; the first `MAX_LISTED_LINES`, then a count); `at` names an issue's path (default: dotted, `(root)`
 * when empty).
 */
export function zodInputError(
  code: InputErrorCode,
  error: ZodError,
  options: { prefix?: string; file?: string; at?: (path: readonly PropertyKey[]) => string } = {},
): InputError {
  const at = options.at ?? ((path) => (path.length > 0 ? path.map(String).join(".") : "(root)"));
  const issues = error.issues.map((issue) => ({ at: at(issue.path), message: issue.message }));
  const lead = options.prefix === undefined ? "" : `${options.prefix}: `;
  return new InputError(code, summariseLines(issues, (issue) => `${lead}${issue.at}: ${issue.message}`), { field: issues[0]?.at, file: options.file, issues });
}
