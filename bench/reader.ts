import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readUniverse } from "../src/engine/universeRanking.js";

/**
 * `npm run bench` (or `node bench/dist/bench/reader.js`): prices in.
 * 1. Reading the 83 files of ../shared/data/hk-universe with the product's reader (`readUniverse`: read
 *    each file, the columnar parse, every check, filler bars), in a fresh process (five of them, the median
 *    first call reported): the first call is timed
 *    right after the reader's modules are loaded (module loading is not in the figure; nothing else runs
 *    before it, so V8 compiles and optimises the reader during this call), then the median of five more
 *    calls; beside it, in the same process, a bare `split` + `Number` of the same text with no checks, the
 *    floor any reader pays. Wall and CPU milliseconds (the CPU time is steadier on a shared machine).
 * 2. The Hang Seng study end to end through the CLI, process start and module loading included: every
 *    constituent, one event on 2021-01-14, market ^HSI, `event-impact study --data <universe> --source
 *    bundled --json`; against estudy2 itself, bench/r/estudy2.R (Rscript start, library(estudy2), reading
 *    the CSVs, get_rates_from_prices, apply_market_model "sim", parametric_tests, nonparametric_tests and
 *    the CAR tests), when `library(estudy2)` loads (estudy2 is on CRAN only; DEVELOPERS.md says how
 *    to build it into a library folder, named by ESTUDY2_LIBRARY or R_LIBS_USER); and against two base-R
 *    scripts that are not estudy2: bench/r/marketModel.R (read.csv, merge, lm() per firm) and
 *    bench/r/estudy2Steps.R (returns, lm() per firm, six parametric and six nonparametric tests written
 *    from the papers). No recorded estudy2 time is ever used: without estudy2 its line says so. Wall and
 *    CPU seconds (user + sys, from /usr/bin/time) of each process, median of three runs.
 * Writes bench/reader-results.json.
 */
const universe = fileURLToPath(new URL("../../../../shared/data/hk-universe", import.meta.url));
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const self = fileURLToPath(import.meta.url);
const EVENT_DATE = "2021-01-14";

function readWorkload(): void {
  // Wall and CPU (user + system) milliseconds of one run: on a shared machine the CPU time is the steadier figure.
  const time = (run: () => unknown): Timing => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    run();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
  };
  const median = (values: Timing[]) => [...values].sort((a, b) => a.cpu - b.cpu)[Math.floor(values.length / 2)]!;
  let stocks = 0;
  const cold = time(() => (stocks = readUniverse(universe).stocks.length));
  const warm = median(Array.from({ length: 5 }, () => time(() => readUniverse(universe))));
  const files = readdirSync(universe).filter((name) => name.endsWith(".HK.csv"));
  const texts = files.map((name) => readFileSync(join(universe, name), "utf8"));
  const bare = () => {
    let sum = 0;
    for (const text of texts) for (const line of text.split("\n").slice(1)) for (const cell of line.split(",").slice(1)) sum += Number(cell);
    return sum;
  };
  const bareCold = time(bare);
  const bareWarm = median(Array.from({ length: 5 }, () => time(bare)));
  const bytes = texts.reduce((n, text) => n + text.length, 0);
  process.stdout.write(JSON.stringify({ files: files.length, stocks, bytes, cold, warm, bareCold, bareWarm }));
}

interface Timing {
  wall: number;
  cpu: number;
}

interface ReadRun {
  files: number;
  stocks: number;
  bytes: number;
  cold: Timing;
  warm: Timing;
  bareCold: Timing;
  bareWarm: Timing;
}

const READ_RUNS = 5;

/** Wall and CPU seconds of a command, median (by wall time) of `runs`. */
function timed(command: string, args: string[], env = process.env, runs = 3): Timing & { stdout: string } {
  const results = Array.from({ length: runs }, () => {
    const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S", command, ...args], { encoding: "utf8", maxBuffer: 1 << 28, env });
    if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${run.stderr}`);
    const [wall, user, sys] = run.stderr.trim().split("\n").at(-1)!.split(" ").map(Number) as [number, number, number];
    return { wall, cpu: user + sys, stdout: run.stdout };
  });
  return results.sort((a, b) => a.wall - b.wall)[Math.floor(runs / 2)]!;
}

/** The R scripts the study is compared with: estudy2 itself, then two base-R scripts that are not estudy2. */
const ESTUDY2 = { name: "estudy2 (bench/r/estudy2.R: its get_rates_from_prices, apply_market_model sim, parametric_tests, nonparametric_tests, CAR tests)", script: "bench/r/estudy2.R" };
const R_BASELINES = [
  { name: "base R, read.csv + merge + lm() per firm only, not estudy2 (bench/r/marketModel.R)", script: "bench/r/marketModel.R" },
  { name: "base-R script of estudy2's steps, not estudy2 (bench/r/estudy2Steps.R: returns, lm() per firm, 6 parametric and 6 nonparametric tests)", script: "bench/r/estudy2Steps.R" },
];

/** R's environment with ESTUDY2_LIBRARY (the folder estudy2 was installed into) ahead of R's own library path. */
function rEnvironment(): NodeJS.ProcessEnv {
  const library = process.env.ESTUDY2_LIBRARY;
  return library ? { ...process.env, R_LIBS: [library, process.env.R_LIBS].filter(Boolean).join(":") } : process.env;
}

function hasR(): boolean {
  return !spawnSync("Rscript", ["--version"], { encoding: "utf8" }).error;
}

function hasEstudy2(env: NodeJS.ProcessEnv): boolean {
  return spawnSync("Rscript", ["-e", "library(estudy2)"], { encoding: "utf8", env }).status === 0;
}

/** Day-0 statistics that estudy2 and event-impact define alike: estudy2's column, event-impact's test. */
const SHARED_DAY0_STATISTICS = [
  ["t_test_stat", "crossSectionalT"],
  ["bh_stat", "bmp"],
  ["gsign_stat", "generalizedSign"],
  ["wilcoxon_z", "wilcoxon"],
] as const;

interface StudyOutput {
  events: unknown[];
  aggregate: { days: { offset: number; tests: Record<string, { statistic: number }> }[] };
}

/** `name value` lines printed by the R scripts after the number of firms. */
function printedStatistics(stdout: string): Map<string, number> {
  return new Map(stdout.trim().split("\n").slice(1).map((line) => line.trim().split(/\s+/)).map((cells) => [cells[0]!, Number(cells.at(-1))]));
}

function main(): void {
  if (!existsSync(universe)) {
    process.stdout.write(`reader bench skipped: ${universe} is absent (the hk-universe sits beside the repository in the team's workspace)\n`);
    return;
  }
  // Five fresh processes; the one with the median first-call wall time is reported.
  const reads = Array.from({ length: READ_RUNS }, () => JSON.parse(execFileSync(process.execPath, [self, "read"], { encoding: "utf8" })) as ReadRun);
  const read = reads.sort((a, b) => a.cold.wall - b.cold.wall)[Math.floor(READ_RUNS / 2)]!;
  const ms = (t: Timing) => `${t.cpu.toFixed(0)} ms CPU (${t.wall.toFixed(0)} wall)`;

  const symbols = readFileSync(join(universe, "constituents.csv"), "utf8").trim().split("\n").slice(1).map((line) => line.split(",")[0]!);
  const spec = join(mkdtempSync(join(tmpdir(), "event-impact-bench-")), "hang-seng.json");
  writeFileSync(spec, JSON.stringify({ name: "Hang Seng constituents", market: "^HSI", events: symbols.map((symbol) => ({ symbol, date: EVENT_DATE })) }));
  const cli = join(repo, "dist/cli/main.js");
  const ours = timed(process.execPath, [cli, "study", spec, "--data", universe, "--source", "bundled", "--json"]);
  const study = JSON.parse(ours.stdout) as StudyOutput;
  const studied = study.events.length;

  const env = rEnvironment();
  const withR = hasR();
  const withEstudy2 = withR && hasEstudy2(env);
  const r = withR
    ? (withEstudy2 ? [ESTUDY2, ...R_BASELINES] : R_BASELINES).map(({ name, script }) => {
        const run = timed("Rscript", [join(repo, script), universe, join(repo, "data/prices/INDEX_HSI.csv"), EVENT_DATE, ...symbols], env);
        return { name, script, studied: Number(run.stdout.trim().split("\n")[0]), wall: run.wall, cpu: run.cpu, statistics: printedStatistics(run.stdout) };
      })
    : [];
  const estudy2 = r.find((run) => run.script === ESTUDY2.script);
  const day0 = study.aggregate.days.find((day) => day.offset === 0)!.tests;

  const lines = [
    `prices in (node ${process.version}, load average ${loadavg()[0]!.toFixed(1)})`,
    `read ${read.files} universe files (${(read.bytes / 1e6).toFixed(1)} MB, ${read.stocks} stocks) with readUniverse, fresh process (median of ${READ_RUNS}), modules loaded: first call ${ms(read.cold)}, then ${ms(read.warm)} (target < 150 ms); a bare split + Number of the same text: ${ms(read.bareCold)}, then ${ms(read.bareWarm)}`,
    `Hang Seng study, ${symbols.length} constituents on ${EVENT_DATE} (${studied} with the data), CLI end to end: ${ours.wall.toFixed(2)} s wall, ${ours.cpu.toFixed(2)} s CPU`,
    ...(r.length === 0
      ? ["R baselines skipped: R is not installed (Debian: apt-get install r-base-core); no recorded estudy2 time is used"]
      : r.map((run) => `${run.name} (${run.studied} firms): ${run.wall.toFixed(2)} s wall, ${run.cpu.toFixed(2)} s CPU; R / event-impact: ${(run.wall / ours.wall).toFixed(1)}x wall, ${(run.cpu / ours.cpu).toFixed(1)}x CPU`)),
    ...(withR && !withEstudy2 ? ["estudy2 not timed: library(estudy2) does not load (build it as DEVELOPERS.md says, then set ESTUDY2_LIBRARY to its library folder); no recorded estudy2 time is used"] : []),
    ...(estudy2
      ? [
          `target: event-impact >= 60x faster than estudy2: ${estudy2.wall / ours.wall >= 60 ? "met" : "not met"} (${(estudy2.wall / ours.wall).toFixed(1)}x wall, ${(estudy2.cpu / ours.cpu).toFixed(1)}x CPU)`,
          `day 0, estudy2 / event-impact: ${SHARED_DAY0_STATISTICS.map(([theirs, mine]) => `${theirs} ${estudy2.statistics.get(theirs)?.toPrecision(6)} / ${mine} ${day0[mine]!.statistic.toPrecision(6)}`).join(", ")}`,
        ]
      : []),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  writeFileSync(
    join(repo, "bench/reader-results.json"),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), loadAverage: loadavg()[0], read, study: { firms: symbols.length, studied, ...ours, stdout: undefined }, estudy2Installed: withEstudy2, r: r.map((run) => ({ ...run, statistics: Object.fromEntries(run.statistics) })) }, null, 2)}\n`,
  );
}

if (process.argv[2] === "read") readWorkload();
else main();
