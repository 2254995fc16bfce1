import { InputError } from "../errors.js";

/** The suffix of a file being written under a temporary name: `.tmp-<pid>-<milliseconds>`. */
export function temporarySuffix(): string {
  return `.tmp-${process.pid}-${Date.now()}`;
}

/** A name `temporarySuffix` made: a file left behind by an interrupted write. */
export const TEMPORARY_FILE = /\.tmp-\d+-\d+$/;

/**
 * A write that failed in the file system as the `InputError` naming where: "cannot write to <place>: <code>", with
 * the path the system names when it is not the place itself. An error without a code (not the file system's) is
 * rethrown as it is.
 */
export function cannotWrite(place: string, error: unknown, file = place): InputError {
  if (error instanceof InputError) return error;
  const { code, path } = error as NodeJS.ErrnoException;
  if (code === undefined) throw error;
  return new InputError("cannot-write", `cannot write to ${place}: ${code}${path === undefined || path === place ? "" : ` (${path})`}`, { file });
}
