import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { syntheticPanel, type SyntheticPanel } from "./panel.js";
import { baselineStudy, panelSpec, productStudy } from "./studies.js";
import { XIAOMI_OPTIONS } from "../tests/helpers/xiaomiStudy.js";

/**
 * One benchmark workload in its own process, so that its peak memory is its own:
 * `node workload.js <product|parallel|baseline> <events>` prints one JSON line. `product` is `runStudy`'s
 * pipeline on one thread over price files written beforehand (not timed), `parallel` the same on one worker
 * thread per core, `baseline` the per-event reference implementation on the panel in memory. The panel has
 * one firm per 500 events (at least 10, at most 2,000) over 2,520 trading days. A small run first warms up
 * the JIT, so that the timings compare steady-state throughput across sizes.
 */
const [implementation, eventsArg] = process.argv.slice(2) as ["product" | "parallel" | "baseline", string];
const events = Number(eventsArg);
const options = XIAOMI_OPTIONS;
const work = mkdtempSync(join(tmpdir(), "event-impact-workload-"));

/** Prepares a panel for the implementation and returns the timed step, which gives the last event's last-window CAR. */
function prepare(panel: SyntheticPanel, name: string): () => number {
  if (implementation === "baseline") return () => baselineStudy(panel, options).analyses.at(-1)!.windows.at(-1)!.car;
  const dir = mkdtempSync(join(work, name));
  const spec = panelSpec(panel, options, dir);
  const threads = implementation === "parallel" ? cpus().length : 1;
  return () => productStudy(spec, dir, threads).last.windows.at(-1)!.car;
}

try {
  prepare(syntheticPanel({ firms: 10, days: 2520, events: 2000, seed: 1, margin: [260, 10] }), "warm-up")();
  const run = prepare(syntheticPanel({ firms: Math.min(2000, Math.max(10, Math.round(events / 500))), days: 2520, events, seed: 20261126, margin: [260, 10] }), "panel");
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const checksum = run();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  process.stdout.write(`${JSON.stringify({ implementation, events, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, eventsPerSecond: events / seconds, peakMemoryMB: process.resourceUsage().maxRSS / 1024, checksum })}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
