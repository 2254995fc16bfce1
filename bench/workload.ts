import { syntheticPanel } from "./panel.js";
import { batchStudy, directStudy } from "./studies.js";
import { cpus } from "node:os";
import type { EventStudyOptions } from "../src/engine/eventWindows.js";

/**
 * One benchmark workload in its own process, so that its peak memory is its own:
 * `node workload.js <single|battery> <batch|parallel|direct> <events>` prints one JSON line (`parallel`:
 * the batch engine on one worker thread per core). `single` runs the
 * single-firm statistics of every event, `battery` adds the cross-firm tests. The panel has one firm per
 * 500 events (at least 10, at most 2,000) over 2,520 trading days. A small run first warms up the JIT,
 * so that the timings compare steady-state throughput across sizes.
 */
const [kind, implementation, eventsArg] = process.argv.slice(2) as ["single" | "battery", "batch" | "parallel" | "direct", string];
const events = Number(eventsArg);
const options: EventStudyOptions = {
  model: "market",
  returns: "simple",
  estimationWindow: [-250, -11],
  minEstimationObservations: 100,
  eventWindows: [
    [0, 0],
    [-1, 1],
    [0, 5],
  ],
};
const crossFirm = kind === "battery";
const threads = cpus().length;
const run =
  implementation === "direct" ? directStudy : (p: typeof panel, o: EventStudyOptions, c: boolean) => batchStudy(p, o, c, implementation === "parallel" ? threads : 1);
const warmUp = syntheticPanel({ firms: 10, days: 2520, events: 2000, seed: 1, margin: [260, 10] });
const panel = syntheticPanel({ firms: Math.min(2000, Math.max(10, Math.round(events / 500))), days: 2520, events, seed: 20261126, margin: [260, 10] });
run(warmUp, options, crossFirm);
const started = performance.now();
const result = run(panel, options, crossFirm);
const seconds = (performance.now() - started) / 1000;
const checksum = "columns" in result ? result.columns.car[result.columns.car.length - 1]! : result.analyses[result.analyses.length - 1]!.windows[2]!.car;
process.stdout.write(`${JSON.stringify({ kind, implementation, events, seconds, eventsPerSecond: events / seconds, peakMemoryMB: process.resourceUsage().maxRSS / 1024, checksum })}\n`);
