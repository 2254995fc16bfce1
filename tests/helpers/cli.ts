import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** Runs the built `event-impact` binary (npm test builds it first) and returns its exit code and output. */
export function runCli(args: string[], cwd = repoRoot): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
