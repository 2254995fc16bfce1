import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { recoverOutputFolder, writeOutputSet } from "../src/reports/outputSet.js";
import { repoRoot, runCli } from "./helpers/cli.js";

const previous = { "a.csv": "old a\n", "b.csv": "old b\n", "stale.csv": "only in the old set\n" };
const next = { "a.csv": "new a\n", "b.csv": "new b\n", "c.csv": "new c\n" };
const userFile = { "notes.txt": "the user's own file\n" };

function write(dir: string, files: Record<string, string>): string[] {
  return writeOutputSet(dir, "study", (staging) => {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content);
    return Object.keys(files);
  });
}

/** The folder's visible files and their content, and whether anything of the tool's is left over. */
function state(dir: string): { files: Record<string, string>; leftovers: string[] } {
  const names = readdirSync(dir);
  return {
    files: Object.fromEntries(names.filter((name) => !name.startsWith(".")).sort().map((name) => [name, readFileSync(join(dir, name), "utf8")])),
    leftovers: names.filter((name) => name.startsWith(".") && name !== ".event-impact-study.json"),
  };
}

function folderWithPreviousSet(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "event-impact-set-")), "out");
  write(dir, previous);
  writeFileSync(join(dir, "notes.txt"), userFile["notes.txt"]);
  return dir;
}

const PREVIOUS = { ...previous, ...userFile };
const NEXT = { ...next, ...userFile };

afterEach(() => {
  delete process.env.EVENT_IMPACT_FAIL_AT;
});

describe("output sets, all or nothing", () => {
  it("replaces the previous set, removes its files the new one lacks, and leaves other files alone", () => {
    const dir = folderWithPreviousSet();
    expect(write(dir, next)).toEqual(Object.keys(next).map((name) => join(dir, name)));
    expect(state(dir)).toEqual({ files: NEXT, leftovers: [] });
  });

  // Steps of a swap from `previous` (3 files + listing) to `next` (3 files + listing).
  const steps = ["stage:1", "backup:1", "backup:2", "backup:4", "install:1", "install:3", "install:4", "cleanup:1"];

  it.each(steps.slice(0, -1))("a failure at %s leaves exactly the previous set", (step) => {
    const dir = folderWithPreviousSet();
    process.env.EVENT_IMPACT_FAIL_AT = step;
    expect(() => write(dir, next)).toThrow(InputError);
    delete process.env.EVENT_IMPACT_FAIL_AT;
    expect(state(dir)).toEqual({ files: PREVIOUS, leftovers: [] });
  });

  it("a failure while removing the backup keeps the new set, and the next run sweeps the backup", () => {
    const dir = folderWithPreviousSet();
    process.env.EVENT_IMPACT_FAIL_AT = "cleanup:1";
    write(dir, next);
    delete process.env.EVENT_IMPACT_FAIL_AT;
    expect(state(dir).files).toEqual(NEXT);
    recoverOutputFolder(dir);
    expect(state(dir)).toEqual({ files: NEXT, leftovers: [] });
  });

  it.each(steps)("a kill at %s leaves the previous or the new set once the next run has started", (step) => {
    const dir = folderWithPreviousSet();
    const module = pathToFileURL(join(repoRoot, "dist/reports/outputSet.js")).href;
    const script = `import { writeFileSync } from "node:fs"; import { join } from "node:path"; import { writeOutputSet } from ${JSON.stringify(module)};
      const files = ${JSON.stringify(next)};
      writeOutputSet(${JSON.stringify(dir)}, "study", (staging) => { for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content); return Object.keys(files); });`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, EVENT_IMPACT_FAIL_AT: `${step}:kill` }, encoding: "utf8" });
    expect(child.signal).toBe("SIGKILL");
    if (step.startsWith("stage")) expect(state(dir).files).toEqual(PREVIOUS);
    recoverOutputFolder(dir);
    const after = state(dir);
    expect(after.leftovers).toEqual([]);
    expect([PREVIOUS, NEXT]).toContainEqual(after.files);
    if (!step.startsWith("stage")) expect(after.files).toEqual(NEXT);
  });

  it("refuses a set whose file name is taken by a folder, before changing anything", () => {
    const dir = folderWithPreviousSet();
    mkdirSync(join(dir, "c.csv"));
    expect(() => write(dir, next)).toThrow(/c\.csv: it exists and is not a file/);
    expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "a.csv", "b.csv", "c.csv", "notes.txt", "stale.csv"]);
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe(previous["a.csv"]);
  });

  it("sweeps the temporary files earlier versions left behind by killed runs", () => {
    const dir = folderWithPreviousSet();
    writeFileSync(join(dir, "cars.csv.tmp-999999999-1764590000000"), "half");
    writeFileSync(join(dir, "mine.tmp-999999999-1"), "a user's file that merely looks similar");
    write(dir, next);
    expect(readdirSync(dir)).not.toContain("cars.csv.tmp-999999999-1764590000000");
    expect(readdirSync(dir)).toContain("mine.tmp-999999999-1");
  });
});

describe("study --out as one set", () => {
  it("a one-event run into a folder of a multi-event run leaves no aggregate.csv, and keeps the user's file", () => {
    const out = join(mkdtempSync(join(tmpdir(), "event-impact-set-")), "out");
    expect(runCli(["study", "data/studies/ccmc-hk.json", "--out", out]).code).toBe(0);
    expect(existsSync(join(out, "aggregate.csv"))).toBe(true);
    writeFileSync(join(out, "notes.txt"), "mine");
    expect(runCli(["study", "data/studies/xiaomi-ccmc.json", "--out", out]).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([".event-impact-study.json", "abnormal_returns.csv", "cars.csv", "events.ndjson", "notes.txt", "result.json"]);
  });

  it("two runs from data in different folders and working folders write identical files (no absolute path)", () => {
    const outputs = [0, 1].map((run) => {
      const root = mkdtempSync(join(tmpdir(), `event-impact-machine-${run}-`));
      cpSync(join(repoRoot, "data/prices"), join(root, "my-data"), { recursive: true });
      const out = join(root, "out");
      const cwd = run === 0 ? repoRoot : root;
      expect(runCli(["study", join(repoRoot, "data/studies/ccmc-hk.json"), "--data", join(root, "my-data"), "--out", out], cwd).code).toBe(0);
      return ["result.json", "events.ndjson", "cars.csv"].map((name) => readFileSync(join(out, name), "utf8"));
    });
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[0]!.join("")).not.toMatch(/event-impact-machine|\/tmp\//);
  });

  it("an injected I/O error while installing is exit 2 and leaves the previous run's files", () => {
    const out = join(mkdtempSync(join(tmpdir(), "event-impact-set-")), "out");
    expect(runCli(["study", "data/studies/ccmc-hk.json", "--out", out]).code).toBe(0);
    const before = state(out);
    const failed = runCli(["study", "data/studies/xiaomi-ccmc.json", "--out", out], repoRoot, { EVENT_IMPACT_FAIL_AT: "install:3" });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/cannot write to .*: EIO/);
    expect(state(out)).toEqual(before);
  });
});
