import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer, type ServeOptions } from "../../src/serve/server.js";

/** The built check worker (npm test builds first): worker threads run JavaScript, not the TypeScript sources. */
export const checkWorkerModule = new URL("../../dist/serve/checkWorker.js", import.meta.url);

/** A worker that answers every job with an internal error, blocks on the claim "block" and exits on "crash" (tests/helpers/faultyCheckWorker.mjs). */
export const faultyWorkerModule = new URL("./faultyCheckWorker.mjs", import.meta.url);

/**
 * The claim-check server on a free loopback port with the built worker, a fresh empty price cache and
 * `yahooUrl` (a local Yahoo-shaped server, or an address where nothing listens) instead of Yahoo; its log dropped unless `log` is given.
 */
export function startTestServer(options: ServeOptions & { yahooUrl: string }): Promise<RunningServer> {
  return startServer({ port: 0, host: "127.0.0.1", workerModule: checkWorkerModule, cacheDir: mkdtempSync(join(tmpdir(), "event-impact-cache-")), log: () => undefined, ...options });
}
