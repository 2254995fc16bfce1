import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const bin = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** A fresh temporary folder named after `prefix`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `event-impact-${prefix}-`));
}

/**
 * The environment of a test run: a fresh empty price cache instead of the user's, and a Yahoo URL on
 * which nothing listens, so no run reaches the internet; `env` overrides either.
 */
export function testEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: "1", EVENT_IMPACT_CACHE: tempDir("cache"), EVENT_IMPACT_YAHOO_URL: "http://127.0.0.1:9", ...env };
}

/** Runs the built `event-impact` binary (npm test builds it first) and returns its exit code and output. */
export function runCli(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: testEnv(env) });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` without blocking the test process, for runs that talk to a server the test itself serves. */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}, cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: testEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
