import { existsSync, statSync } from "node:fs";
import { z } from "zod";
import { InputError } from "../errors.js";
import { availableSymbols } from "../sources/localFiles.js";
import { parseOptions } from "./options.js";
import { priceSourceFlags, yahooUrlOf } from "./priceOptions.js";

const serveOptions = z.strictObject({
  port: z
    .string()
    .regex(/^\d+$/, "expected a port number, 0 to 65535")
    .transform(Number)
    .pipe(z.number().max(65535, "expected a port number, 0 to 65535")),
  host: z.string().min(1),
  data: z.string().min(1).optional(),
  universe: z.string().min(1).optional(),
  offline: priceSourceFlags.offline,
  cache: priceSourceFlags.cache,
  yahooUrl: priceSourceFlags.yahooUrl,
  workers: count("expected a number of worker threads, 1 to 64", 1, 64),
  queue: count("expected a number of waiting checks, 0 to 100000", 0, 100_000),
  timeLimit: count("expected a number of seconds, 1 to 3600", 1, 3600),
});

/** A whole number in a range, given as text. */
function count(message: string, min: number, max: number) {
  return z.string().regex(/^\d+$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message)).optional();
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

export async function serveCommand(rawOptions: unknown): Promise<void> {
  const options = parseOptions(serveOptions, rawOptions);
  for (const [flag, dir] of [["--data", options.data], ["--universe", options.universe]] as const) {
    if (dir !== undefined && !(existsSync(dir) && statSync(dir).isDirectory())) throw new InputError("missing-file", `${flag} ${dir}: no such folder`, { field: flag, file: dir });
  }
  if (options.universe !== undefined && availableSymbols(options.universe).length === 0) throw new InputError("no-prices", `--universe ${options.universe}: no price files (<SYMBOL>.csv) in this folder`, { field: "--universe", file: options.universe });
  const { startServer } = await import("../serve/server.js");
  const running = await startServer({
    port: options.port,
    host: options.host,
    dataDir: options.data,
    universeDir: options.universe,
    offline: options.offline,
    cacheDir: options.cache,
    yahooUrl: yahooUrlOf(options.yahooUrl),
    workers: options.workers,
    queueLimit: options.queue,
    timeLimit: options.timeLimit,
  });
  process.stdout.write(`event-impact serve: open ${running.url} in a browser (Ctrl-C stops the server)\n`);
  if (!LOOPBACK.test(options.host)) process.stderr.write(`warning: listening on ${options.host}, not only this machine's loopback: anyone who can reach it can use this server\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      process.stdout.write("event-impact serve: stopped\n");
      void running.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
