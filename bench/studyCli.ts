import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The `study` command as users run it, on a generated spec of `events` events over the bundled data
 * (the four Hong Kong stocks, each day with a full estimation window, repeated), in each output mode
 * (text, --json to /dev/null, --out) in a fresh process under `/usr/bin/time -v`: wall time, time per
 * event and peak RSS of the whole process.
 */
export interface StudyCliMeasurement {
  mode: "text" | "json" | "out";
  events: number;
  seconds: number;
  microsecondsPerEvent: number;
  peakMemoryMB: number;
}

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const cli = join(repo, "dist/cli/main.js");
const SYMBOLS = ["0883.HK", "0941.HK", "0981.HK", "1810.HK"];

function generatedSpec(events: number, file: string): void {
  const dates = SYMBOLS.map((symbol) =>
    readFileSync(join(repo, "data/prices", `${symbol}.csv`), "utf8")
      .trim()
      .split("\n")
      .slice(1 + 260, -10)
      .map((line) => line.slice(0, 10)),
  );
  const lines: string[] = [];
  for (let k = 0; k < events; k++) {
    const usable = dates[k % SYMBOLS.length]!;
    lines.push(JSON.stringify({ symbol: SYMBOLS[k % SYMBOLS.length], date: usable[Math.floor(k / SYMBOLS.length) % usable.length] }));
  }
  writeFileSync(file, `{"name":"${events} generated events","events":[\n${lines.join(",\n")}\n]}\n`);
}

export function measureStudyCli(events: number): StudyCliMeasurement[] {
  const work = mkdtempSync(join(tmpdir(), "event-impact-bench-"));
  const spec = join(work, "spec.json");
  generatedSpec(events, spec);
  try {
    return (["text", "json", "out"] as const).map((mode) => {
      process.stderr.write(`  study CLI ${mode} ${events.toLocaleString("en-US")} events...\n`);
      const flags = mode === "json" ? ["--json"] : mode === "out" ? ["--out", join(work, "out")] : [];
      const command = `/usr/bin/time -v ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} study ${JSON.stringify(spec)} --source bundled ${flags.join(" ")} > /dev/null 2> ${JSON.stringify(join(work, "time.txt"))}`;
      execFileSync("sh", ["-c", command], { cwd: repo });
      const report = readFileSync(join(work, "time.txt"), "utf8");
      const clock = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(report)!;
      const seconds = Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
      const peakKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)![1]);
      return { mode, events, seconds, microsecondsPerEvent: (seconds / events) * 1e6, peakMemoryMB: peakKB / 1024 };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
