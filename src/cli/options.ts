import { z } from "zod";
import { zodInputError } from "../errors.js";

/**
 * Validates parsed command-line options with a zod schema; errors name the flag. `jitless`: options are parsed
 * once per process, so zod's compiled fast path would cost more to generate than it saves.
 */
export function parseOptions<Schema extends z.ZodType>(schema: Schema, options: unknown): z.output<Schema> {
  const parsed = schema.safeParse(options, { jitless: true });
  if (!parsed.success) throw zodInputError("invalid-option", parsed.error, { at: (path) => (path.length > 0 ? `--${kebab(String(path[0]))}` : "options") });
  return parsed.data;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
