import { z } from "zod";
import { InputError } from "../errors.js";
import type { PriceNeed } from "../sources/fetchPrices.js";
import { ensurePrices } from "../sources/priceSources.js";
import { fetchProgress } from "./fetchProgress.js";

const yahooUrlSchema = z.url({ protocol: /^https?$/, error: "expected an http:// or https:// URL, e.g. http://127.0.0.1:8080" });

/** Flags shared by the commands that read prices: where they come from and where the cache is. */
export const priceSourceFlags = {
  source: z.enum(["cache", "bundled", "yahoo"]).optional(),
  offline: z.boolean().optional(),
  cache: z.string().min(1).optional(),
  yahooUrl: yahooUrlSchema.optional(),
  timeout: z.coerce.number().positive("use a number of seconds above 0").max(3600, "use at most 3600 seconds").optional(),
};

/** `--timeout` in seconds, as the milliseconds `fetchPrices` takes. */
export function timeoutMsOf(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000;
}

/** `--yahoo-url`, else `EVENT_IMPACT_YAHOO_URL` (validated; errors name the variable), else none. */
export function yahooUrlOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag !== undefined || !env.EVENT_IMPACT_YAHOO_URL) return flag;
  const parsed = yahooUrlSchema.safeParse(env.EVENT_IMPACT_YAHOO_URL);
  if (!parsed.success) throw new InputError("invalid-option", `EVENT_IMPACT_YAHOO_URL: ${parsed.error.issues[0]!.message}`, { field: "EVENT_IMPACT_YAHOO_URL" });
  return parsed.data;
}

/** yahoo-finance2's own log lines, shown only with EVENT_IMPACT_DEBUG set. */
export function libraryLog(): ((line: string) => void) | undefined {
  return process.env.EVENT_IMPACT_DEBUG ? (line) => process.stderr.write(`${line}\n`) : undefined;
}

/**
 * Gets the prices a command needs at hand (see `ensurePrices`), with fetch progress and a warning per
 * symbol that could not be fetched on stderr, and returns the folders to read.
 */
export async function preparePrices(needs: PriceNeed[], flags: Partial<z.output<z.ZodObject<typeof priceSourceFlags>>>, dataDir: string | undefined): Promise<string[]> {
  const { priceDirs, fetched } = await ensurePrices(needs, {
    source: flags.source,
    offline: flags.offline,
    cacheDir: flags.cache,
    dataDir,
    yahooUrl: yahooUrlOf(flags.yahooUrl),
    timeoutMs: timeoutMsOf(flags.timeout),
    onProgress: fetchProgress(),
    log: libraryLog(),
  });
  for (const outcome of fetched) if (outcome.error !== null) process.stderr.write(`warning: could not fetch ${outcome.error.message}\n`);
  return priceDirs;
}
