import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { writeFileSync } from "node:fs";
import { cliStart } from "./cliStart.js";
import { measureStudyCli } from "./studyCli.js";

/**
 * `npm run bench`: every workload in a fresh process (bench/workload.ts): the product (`runStudy`'s
 * pipeline) on one thread and on all cores (from 100,000 events), then the per-event baseline (the
 * reference implementation, up to 100,000 events); then the cold start of `event-impact check` and the
 * study CLI. "speed-up" is baseline time over one-thread product time. Prints a table and writes
 * bench/results.json.
 */
interface Measurement {
  implementation: string;
  events: number;
  seconds: number;
  cpuSeconds: number;
  eventsPerSecond: number;
  peakMemoryMB: number;
}

const workload = fileURLToPath(new URL("./workload.js", import.meta.url));
const readerBench = fileURLToPath(new URL("./reader.js", import.meta.url));
const cli = fileURLToPath(new URL("../../../dist/cli/main.js", import.meta.url));
const sizes = [1_000, 10_000, 100_000, 1_000_000];
const BASELINE_MAX_EVENTS = 100_000;

function measure(implementation: string, events: number): Measurement {
  process.stderr.write(`  ${implementation} ${events.toLocaleString("en-US")} events...\n`);
  const output = execFileSync(process.execPath, ["--max-old-space-size=4096", workload, implementation, String(events)], { encoding: "utf8" });
  return JSON.parse(output) as Measurement;
}

/** Time from spawning `event-impact check` to its first byte of output, median of `runs`. */
async function firstOutputSeconds(args: string[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    times.push(
      await new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "inherit"] });
        child.stdout.once("data", () => resolve((performance.now() - started) / 1000));
        child.on("error", reject);
      }),
    );
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const rows = sizes.map((events) => ({
  events,
  product: measure("product", events),
  parallel: events >= 100_000 ? measure("parallel", events) : null,
  baseline: events <= BASELINE_MAX_EVENTS ? measure("baseline", events) : null,
}));
const checkSeconds = await firstOutputSeconds(["check", "1810.HK", "--date", "2021-01-15"], 7);
const nodeSeconds = await firstOutputSeconds(["--version"], 7);
const start = cliStart();
const studyCli = measureStudyCli(1_000_000);

const pad = (text: string, width: number) => text.padStart(width);
const lines = [
  `${pad("events", 10)}${pad("product s", 11)}${pad("CPU s", 9)}${pad("events/s", 11)}${pad("peak MB", 9)}${pad("threads s", 11)}${pad("baseline s", 12)}${pad("peak MB", 9)}${pad("speed-up", 10)}`,
  ...rows.map(
    (r) =>
      `${pad(r.events.toLocaleString("en-US"), 10)}${pad(r.product.seconds.toFixed(3), 11)}${pad(r.product.cpuSeconds.toFixed(3), 9)}${pad(Math.round(r.product.eventsPerSecond).toLocaleString("en-US"), 11)}${pad(r.product.peakMemoryMB.toFixed(0), 9)}${pad(r.parallel === null ? "" : r.parallel.seconds.toFixed(3), 11)}${pad(r.baseline === null ? "" : r.baseline.seconds.toFixed(3), 12)}${pad(r.baseline === null ? "" : r.baseline.peakMemoryMB.toFixed(0), 9)}${pad(r.baseline === null ? "" : `${(r.baseline.seconds / r.product.seconds).toFixed(1)}x`, 10)}`,
  ),
];
const scaling = rows.at(-1)!.product.seconds / rows.at(-1)!.events / (rows[1]!.product.seconds / rows[1]!.events);
lines.push(
  "",
  `scaling 10k -> 1M (time per event, 1M relative to 10k): ${scaling.toFixed(2)}`,
  `check 1810.HK --date 2021-01-15, cold process to first output: ${checkSeconds.toFixed(3)} s (node + CLI --version: ${nodeSeconds.toFixed(3)} s)`,
  `check 1810.HK --date 2021-01-15 --json, whole run: ${start.checkSeconds.toFixed(3)} s, ${start.ratio.toFixed(2)}x a bare node -e 0 (${start.nodeSeconds.toFixed(3)} s; target <= 3x)`,
  ...studyCli.map((m) => `study CLI, ${m.events.toLocaleString("en-US")} events, ${m.mode}: ${m.seconds.toFixed(1)} s, ${m.microsecondsPerEvent.toFixed(1)} µs/event, peak ${m.peakMemoryMB.toFixed(0)} MB`),
);
process.stdout.write(`${lines.join("\n")}\n`);
writeFileSync(
  fileURLToPath(new URL("../../results.json", import.meta.url)),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length, rows, scaling, checkSeconds, nodeSeconds, cliStart: start, studyCli }, null, 2)}\n`,
);
execFileSync(process.execPath, [readerBench], { stdio: "inherit" });
