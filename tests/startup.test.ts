import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/cli.js";

/** The modules a CLI run resolves, recorded by a resolve hook. */
function modulesLoadedBy(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), "event-impact-modules-")), "modules.txt");
  const run = spawnSync(process.execPath, ["--import", join(repoRoot, "tests/helpers/moduleLog.mjs"), join(repoRoot, "dist/cli/main.js"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, MODULE_LOG: log },
  });
  expect(run.status).toBe(0);
  return readFileSync(log, "utf8").trim().split("\n");
}

describe("lean start-up of the bundled CLI", () => {
  it("check on local data loads its own chunks of the bundle and no data-frame, chart, Yahoo or browser library", () => {
    const modules = modulesLoadedBy(["check", "1810.HK", "--date", "2021-01-15", "--claim", "plummeted 14%"]);
    expect(modules.some((url) => /\/dist\/cli\/checkCommand-\w+\.js$/.test(url))).toBe(true);
    expect(modules.filter((url) => url.startsWith("file:") && !url.includes("/dist/cli/"))).toEqual([]);
    expect(modules.filter((url) => /danfojs|vega|yahoo-finance2|playwright|tslab/.test(url))).toEqual([]);
  });

  it("check on local data loads no study pipeline, worker pool, Yahoo client or result schemas", () => {
    const modules = modulesLoadedBy(["check", "1810.HK", "--date", "2021-01-15", "--json"]);
    expect(modules.filter((url) => ["node:http", "node:https", "node:zlib", "node:worker_threads"].includes(url))).toEqual([]);
    // The bundle keeps identifiers, so a module is in a chunk when its declarations are.
    const declared = modules
      .filter((url) => url.startsWith("file:"))
      .map((url) => readFileSync(fileURLToPath(url), "utf8"))
      .flatMap((code) => [...code.matchAll(/function (runStudy|crossSectionOf|analyseEventsInParallel|fetchPrices|yahooChartClient)\(|\b(studyResultSchema|claimCheckSchema|studySpecSchema)=/g)].map((match) => match[1] ?? match[2]));
    expect(declared).toEqual([]);
  });

  it("--help loads no command module", () => {
    const modules = modulesLoadedBy(["--help"]);
    expect(modules.filter((url) => /Command-\w+\.js$/.test(url))).toEqual([]);
  });
});
