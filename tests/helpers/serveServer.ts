import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer, type ServeOptions } from "../../src/serve/server.js";
import { bin, repoRoot, testEnv } from "./cli.js";

/** The built check worker (npm test builds first): worker threads run JavaScript, not the TypeScript sources. */
export const checkWorkerModule = new URL("../../dist/cli/checkWorker.js", import.meta.url);

/** A worker that answers every job with an internal error, blocks on the claim "block" and exits on "crash" (tests/helpers/faultyCheckWorker.mjs). */
export const faultyWorkerModule = new URL("./faultyCheckWorker.mjs", import.meta.url);

/**
 * The claim-check server on a free loopback port with the built worker, a fresh empty price cache and
 * `yahooUrl` (a local Yahoo-shaped server, or an address where nothing listens) instead of Yahoo; its log dropped unless `log` is given.
 */
export function startTestServer(options: ServeOptions & { yahooUrl: string }): Promise<RunningServer> {
  return startServer({ port: 0, host: "127.0.0.1", workerModule: checkWorkerModule, cacheDir: mkdtempSync(join(tmpdir(), "event-impact-cache-")), log: () => undefined, ...options });
}

/** `event-impact serve` running in its own process (the built CLI), and how to stop it with Ctrl-C. */
export interface ServeProcess {
  url: string;
  /** Sends SIGINT and resolves with the exit code and output once the process ended. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `event-impact serve --port 0 ...args` (the test environment: no user cache, no Yahoo) and resolves once it listens. */
export function spawnServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", ...args], { cwd: repoRoot, env: testEnv(env) });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const match = stdout.match(/open (http:\/\/127\.0\.0\.1:\d+\/) in a browser/);
      if (match)
        resolve({
          url: match[1]!,
          stop: async () => {
            child.kill("SIGINT");
            const code = await exited;
            return { code, stdout, stderr };
          },
        });
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening: ${stdout}${stderr}`)));
  });
}
