import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The package's bin, the bundled CLI (bench/dist/bench/ -> the package root). */
const bin = fileURLToPath(new URL("../../../dist/cli/main.js", import.meta.url));

export interface CliStart {
  /** Median wall time, in seconds, of `node <bin> check 1810.HK --date 2021-01-15 --json` until the process exits. */
  checkSeconds: number;
  /** Median wall time of `node -e 0`, measured in the same loop. */
  nodeSeconds: number;
  /** checkSeconds / nodeSeconds (target: at most 3). */
  ratio: number;
}

function wallSeconds(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${run.status}`);
  return (performance.now() - started) / 1000;
}

/**
 * Start-up cost of the CLI as users run it: the whole `check --json` run against a bare `node -e 0`, the two
 * interleaved `runs` times (so that both see the same machine load), medians compared.
 */
export function cliStart(runs = 11): CliStart {
  const check: number[] = [];
  const node: number[] = [];
  for (let r = 0; r < runs; r++) {
    node.push(wallSeconds(["-e", "0"]));
    check.push(wallSeconds([bin, "check", "1810.HK", "--date", "2021-01-15", "--json"]));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const checkSeconds = median(check);
  const nodeSeconds = median(node);
  return { checkSeconds, nodeSeconds, ratio: checkSeconds / nodeSeconds };
}
