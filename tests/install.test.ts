import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/cli.js";

/**
 * The package as a user installs it: `npm pack` (of the build `npm test` made), the tarball installed into an empty
 * project with nothing but the npm registry (no overrides, no danfojs-node), a consumer script type-checked under
 * `strict` without `skipLibCheck`, then run; and the installed bin. npm's cache makes re-runs fast.
 */
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");

const CONSUMER = `import {
  checkClaim, claimCheckDataFrame, InputError, runStudy,
  type Aggregate, type ClaimCheck, type InputErrorCode, type StudyResult, type TestName, type WindowAggregate,
} from "event-impact";

const check: ClaimCheck = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" });
const study: StudyResult = runStudy({
  events: [
    { symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York" },
    { symbol: "0981.HK", date: "2020-12-03", time: "16:53", timezone: "America/New_York" },
  ],
});
const aggregate: Aggregate | null = study.aggregate;
const headline: TestName | undefined = aggregate?.headline;
const first: WindowAggregate | undefined = aggregate?.windows[0];

let dataFrames: { code: InputErrorCode; message: string } | null = null;
try {
  await claimCheckDataFrame(check);
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  dataFrames = { code: error.code, message: error.message };
}
console.log(JSON.stringify({ measures: check.measures, matches: check.claim?.kind === "move" ? check.claim.matches : null, events: study.events.length, headline, caar: first?.caar, dataFrames }));
`;

/** Day 0 and the session before it, from the bundled CSV the package reads. */
function xiaomiBars(): { previous: Record<string, number>; day: Record<string, number> } {
  const [header, ...rows] = readFileSync(join(repoRoot, "data/prices/1810.HK.csv"), "utf8").trim().split("\n");
  const columns = header!.split(",");
  const index = rows.findIndex((row) => row.startsWith("2021-01-15,"));
  const bar = (row: string) => Object.fromEntries(row.split(",").map((cell, c) => [columns[c]!, Number(cell)]));
  return { previous: bar(rows[index - 1]!), day: bar(rows[index]!) };
}

describe.skipIf(process.env.SKIP_SLOW === "1")("installed from the packed tarball into an empty project (slow)", () => {
  const root = mkdtempSync(join(tmpdir(), "event-impact-install-"));
  const project = join(root, "consumer");
  const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  beforeAll(() => {
    const [packed] = JSON.parse(execFileSync(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", root], { cwd: repoRoot, encoding: "utf8" })) as { filename: string }[];
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`);
    writeFileSync(
      join(project, "tsconfig.json"),
      `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, outDir: "out", types: ["node"] }, include: ["main.ts"] }, null, 2)}\n`,
    );
    writeFileSync(join(project, "main.ts"), CONSUMER);
    run(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", join(root, packed!.filename), "@types/node@20"]);
  }, 600_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }), 120_000);

  it("installs without danfojs-node and ships the CLI bundle with its worker file", () => {
    expect(existsSync(join(project, "node_modules/danfojs-node"))).toBe(false);
    expect(existsSync(join(project, "node_modules/event-impact/dist/cli/batchWorker.js"))).toBe(true);
    expect(existsSync(join(project, "node_modules/event-impact/dist/engine/batchWorker.js"))).toBe(true);
  });

  it("type-checks a consumer under strict without skipLibCheck, runs it, and gets the Xiaomi figures of the CSV", () => {
    const typeCheck = spawnSync(process.execPath, [tsc, "-p", "."], { cwd: project, encoding: "utf8" });
    expect(typeCheck.stdout + typeCheck.stderr).toBe("");
    expect(typeCheck.status).toBe(0);
    const output = JSON.parse(run(process.execPath, ["out/main.js"])) as {
      measures: Record<string, number>;
      matches: string[];
      events: number;
      headline: string;
      caar: number;
      dataFrames: { code: string; message: string } | null;
    };
    const { previous, day } = xiaomiBars();
    expect(output.measures.closeToClose).toBeCloseTo(day.adj_close! / previous.adj_close! - 1, 12);
    expect(output.measures.openGap).toBeCloseTo(day.open! / previous.close! - 1, 12);
    expect(output.measures.intradayLow).toBeCloseTo(day.low! / previous.close! - 1, 12);
    expect(output.measures.intradayHigh).toBeCloseTo(day.high! / previous.close! - 1, 12);
    expect(output.matches).toEqual(["intradayLow"]);
    expect(output.events).toBe(2);
    expect(output.headline).toMatch(/^(bmp|kolariPynnonen)$/);
    expect(Number.isFinite(output.caar)).toBe(true);

    expect(output.dataFrames?.code).toBe("missing-dependency");
    expect(output.dataFrames?.message).toContain("npm install danfojs-node");
    expect(output.dataFrames?.message).toContain('"xlsx": "0.18.5"');
    expect(output.dataFrames?.message).toContain('"@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0"');
  }, 180_000);

  it("runs the installed bin: --help, and check --json with the same figures", () => {
    const bin = join(project, "node_modules/.bin/event-impact");
    expect(run(bin, ["--help"])).toContain("Usage: event-impact");
    const check = JSON.parse(run(bin, ["check", "1810.HK", "--date", "2021-01-15", "--json"])) as { measures: Record<string, number> };
    const { previous, day } = xiaomiBars();
    expect(check.measures.closeToClose).toBeCloseTo(day.adj_close! / previous.adj_close! - 1, 12);
  }, 60_000);

  it("runs study (on worker threads, with charts), report, demo and fetch from the installed bin", async () => {
    const bin = join(project, "node_modules/.bin/event-impact");
    const spec = join(project, "node_modules/event-impact/data/studies/ccmc-hk.json");
    run(bin, ["study", spec, "--out", "study", "--threads", "2", "--charts", "charts"]);
    expect(existsSync(join(project, "study/result.json"))).toBe(true);
    expect(readFileSync(join(project, "charts/caar.svg"), "utf8")).toMatch(/^<svg/);
    run(bin, ["report", "study/result.json", "--output", "report.html"]);
    expect(readFileSync(join(project, "report.html"), "utf8")).toContain("<svg");
    expect(run(bin, ["demo"])).toContain("1810.HK");
    const fetched = spawnSync(bin, ["fetch", "0700.HK", "--from", "2021-01-01", "--to", "2021-01-31", "--cache", "cache"], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, EVENT_IMPACT_YAHOO_URL: "http://127.0.0.1:9" },
    });
    expect(fetched.status).toBe(2);
    expect(fetched.stderr).toContain("could not be fetched: 0700.HK (network)");

    const server = spawn(bin, ["serve", "--port", "0"], { cwd: project, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let said = "";
        server.stdout.on("data", (chunk: Buffer) => {
          said += chunk.toString("utf8");
          const address = /http:\/\/\S+\//.exec(said);
          if (address) resolve(address[0]);
        });
        server.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const answer = (await (await fetch(`${url}api/check?symbol=1810.HK&date=2021-01-15`)).json()) as { measures: { closeToClose: number } };
      const { previous, day } = xiaomiBars();
      expect(answer.measures.closeToClose).toBeCloseTo(day.adj_close! / previous.adj_close! - 1, 12);
    } finally {
      server.kill();
    }
  }, 180_000);
});
