import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { writeFileSync } from "node:fs";
import { cliStart } from "./cliStart.js";
import { measureStudyCli } from "./studyCli.js";

/**
 * `npm run bench`: every workload in a fresh process (bench/workload.ts): the library's batch engine on
 * one thread and on all cores (from 100,000 events), then the straightforward per-event baseline; then
 * the cold start of `event-impact check`. "speed-up" is direct time over one-thread batch time.
 * Prints a table and writes bench/results.json.
 */
interface Measurement {
  kind: string;
  implementation: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakMemoryMB: number;
}

const workload = fileURLToPath(new URL("./workload.js", import.meta.url));
const readerBench = fileURLToPath(new URL("./reader.js", import.meta.url));
const cli = fileURLToPath(new URL("../../../dist/cli/main.js", import.meta.url));
const sizes = { single: [1_000, 10_000, 100_000, 1_000_000], battery: [1_000, 10_000, 100_000] };

function measure(kind: string, implementation: string, events: number): Measurement {
  process.stderr.write(`  ${kind} ${implementation} ${events.toLocaleString("en-US")} events...\n`);
  const output = execFileSync(process.execPath, ["--max-old-space-size=4096", workload, kind, implementation, String(events)], { encoding: "utf8" });
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

const workloads = (["single", "battery"] as const).flatMap((kind) => sizes[kind].map((events) => ({ kind, events })));
const fast = workloads.map(({ kind, events }) => ({ batch: measure(kind, "batch", events), parallel: events >= 100_000 ? measure(kind, "parallel", events) : null }));
const rows = workloads.map(({ kind, events }, i) => ({ workload: kind, events, ...fast[i]!, direct: measure(kind, "direct", events) }));
const checkSeconds = await firstOutputSeconds(["check", "1810.HK", "--date", "2021-01-15"], 7);
const nodeSeconds = await firstOutputSeconds(["--version"], 7);
const start = cliStart();
const studyCli = measureStudyCli(1_000_000);

const pad = (text: string, width: number) => text.padStart(width);
const lines = [
  `${"workload".padEnd(9)}${pad("events", 11)}${pad("batch s", 10)}${pad("events/s", 12)}${pad("peak MB", 9)}${pad("threads s", 11)}${pad("direct s", 10)}${pad("peak MB", 9)}${pad("speed-up", 10)}`,
  ...rows.map(
    (r) =>
      `${r.workload.padEnd(9)}${pad(r.events.toLocaleString("en-US"), 11)}${pad(r.batch.seconds.toFixed(3), 10)}${pad(Math.round(r.batch.eventsPerSecond).toLocaleString("en-US"), 12)}${pad(r.batch.peakMemoryMB.toFixed(0), 9)}${pad(r.parallel === null ? "" : r.parallel.seconds.toFixed(3), 11)}${pad(r.direct.seconds.toFixed(3), 10)}${pad(r.direct.peakMemoryMB.toFixed(0), 9)}${pad(`${(r.direct.seconds / r.batch.seconds).toFixed(1)}x`, 10)}`,
  ),
];
const single = rows.filter((r) => r.workload === "single");
const scaling = single.at(-1)!.batch.seconds / single.at(-1)!.events / (single[1]!.batch.seconds / single[1]!.events);
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
