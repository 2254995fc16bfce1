import { z } from "zod";
import { InputError, describeZodError } from "../errors.js";

/** Validates parsed command-line options with a zod schema; errors name the flag. */
export function parseOptions<Schema extends z.ZodType>(schema: Schema, options: unknown): z.output<Schema> {
  const parsed = schema.safeParse(options);
  if (!parsed.success) throw new InputError(describeZodError(parsed.error, "option").replace(/option: (\w+)/g, (_, name: string) => `--${kebab(name)}`));
  return parsed.data;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
