import { z } from "zod";
import { zodInputError } from "../errors.js";

/** Validates parsed command-line options with a zod schema; errors name the flag. */
export function parseOptions<Schema extends z.ZodType>(schema: Schema, options: unknown): z.output<Schema> {
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw zodInputError("invalid-option", parsed.error, { at: (path) => (path.length > 0 ? `--${kebab(String(path[0]))}` : "options") });
  return parsed.data;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
