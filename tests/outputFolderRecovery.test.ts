import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { recoverOutputFolder, writeFileAtomically, writeOutputSet } from "../src/reports/outputSet.js";

/**
 * What a run finds in an output folder and puts right before it writes (the states a killed run leaves, made by
 * hand here: tests/outputSet.test.ts kills real runs), and the one-file writes (the HTML report, the workbook).
 * A pid above the kernel's pid_max is a dead process; the test's parent is a live one that is not us.
 */
const DEAD = 999_999_999;
const LIVE = process.ppid;

const folder = () => {
  const dir = join(mkdtempSync(join(tmpdir(), "event-impact-recover-")), "out");
  mkdirSync(dir);
  return dir;
};
const read = (dir: string, name: string) => readFileSync(join(dir, name), "utf8");

/** A staging folder as a run of `pid` leaves it: its files, and the listing when it got that far. */
function staging(dir: string, pid: number, files: Record<string, string>, complete: boolean): string {
  const path = join(dir, `.event-impact-staging-study-${pid}-abc123`);
  mkdirSync(path);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  if (complete) writeFileSync(join(path, ".event-impact-study.json"), JSON.stringify({ files: Object.keys(files) }));
  return path;
}

afterEach(() => {
  delete process.env.EVENT_IMPACT_FAIL_AT;
});

describe("recoverOutputFolder", () => {
  it("does nothing for a folder that does not exist", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "event-impact-recover-")), "no-such-folder", "out");
    recoverOutputFolder(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it("installs the complete staged set of a dead run over the previous set, removing the previous set's other files", () => {
    const dir = folder();
    writeFileSync(join(dir, "a.csv"), "old a");
    writeFileSync(join(dir, "stale.csv"), "old only");
    writeFileSync(join(dir, ".event-impact-study.json"), JSON.stringify({ files: ["a.csv", "stale.csv"] }));
    writeFileSync(join(dir, "notes.txt"), "mine");
    staging(dir, DEAD, { "a.csv": "new a", "b.csv": "new b" }, true);
    recoverOutputFolder(dir);
    expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "a.csv", "b.csv", "notes.txt"]);
    expect([read(dir, "a.csv"), read(dir, "b.csv"), JSON.parse(read(dir, ".event-impact-study.json")).files]).toEqual(["new a", "new b", ["a.csv", "b.csv"]]);
  });

  it("installs a dead run's staged set when a file of the previous listing is gone already", () => {
    const dir = folder();
    writeFileSync(join(dir, ".event-impact-study.json"), JSON.stringify({ files: ["deleted-by-the-user.csv"] }));
    staging(dir, DEAD, { "a.csv": "new a" }, true);
    recoverOutputFolder(dir);
    expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "a.csv"]);
  });

  it("finishes installing a staged set that a run killed while installing had partly moved", () => {
    const dir = folder();
    writeFileSync(join(dir, "a.csv"), "new a, moved already");
    const path = staging(dir, DEAD, { "a.csv": "new a", "b.csv": "new b" }, true);
    rmSync(join(path, "a.csv"));
    recoverOutputFolder(dir);
    expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "a.csv", "b.csv"]);
    expect(read(dir, "b.csv")).toBe("new b");
  });

  it("removes the incomplete staged set of a dead run and keeps the previous set", () => {
    const dir = folder();
    writeFileSync(join(dir, "a.csv"), "old a");
    staging(dir, DEAD, { "a.csv": "half" }, false);
    recoverOutputFolder(dir);
    expect(readdirSync(dir)).toEqual(["a.csv"]);
    expect(read(dir, "a.csv")).toBe("old a");
  });

  it("removes the staged set of a dead run whose listing is unreadable", () => {
    const dir = folder();
    const path = staging(dir, DEAD, { "a.csv": "half" }, false);
    writeFileSync(join(path, ".event-impact-study.json"), "{broken");
    recoverOutputFolder(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removes a dead run's backup and lock, and the temporary files of dead writers", () => {
    const dir = folder();
    mkdirSync(join(dir, `.event-impact-backup-study-${DEAD}-abc123`));
    writeFileSync(join(dir, ".event-impact-lock"), String(DEAD));
    writeFileSync(join(dir, `report.html.tmp-${DEAD}-1764590000000`), "half");
    writeFileSync(join(dir, `study.xlsx.tmp-${DEAD}-1`), "half");
    recoverOutputFolder(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves alone what a live process is writing: its staging, backup, lock and temporary files", () => {
    const dir = folder();
    const names = [`.event-impact-staging-study-${LIVE}-abc123`, `.event-impact-backup-study-${LIVE}-abc123`, ".event-impact-lock", `cars.csv.tmp-${LIVE}-1`].sort();
    staging(dir, LIVE, { "a.csv": "theirs" }, true);
    mkdirSync(join(dir, `.event-impact-backup-study-${LIVE}-abc123`));
    writeFileSync(join(dir, ".event-impact-lock"), String(LIVE));
    writeFileSync(join(dir, `cars.csv.tmp-${LIVE}-1`), "theirs");
    recoverOutputFolder(dir);
    expect(readdirSync(dir).sort()).toEqual(names);
  });

  it("finishes what this process left (a staged set and a backup of its own pid)", () => {
    const dir = folder();
    staging(dir, process.pid, { "a.csv": "mine" }, true);
    mkdirSync(join(dir, `.event-impact-backup-study-${process.pid}-abc123`));
    recoverOutputFolder(dir);
    expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "a.csv"]);
  });

  it("leaves folders and files that only look like the tool's", () => {
    const dir = folder();
    const names = [".event-impact-staging-Study-1-abc", ".event-impact-backup-study-x-abc", "mine.txt.tmp-999999999-1"];
    for (const name of names) writeFileSync(join(dir, name), "user");
    recoverOutputFolder(dir);
    expect(readdirSync(dir).sort()).toEqual(names.sort());
  });
});

describe("writeOutputSet around a folder's state", () => {
  const produce = (staging: string) => {
    writeFileSync(join(staging, "a.csv"), "new a");
    return ["a.csv"];
  };

  it("takes over the lock of a dead process, or one that names no process, and releases it", () => {
    for (const holder of [String(DEAD), "not a pid", "0"]) {
      const dir = folder();
      writeFileSync(join(dir, ".event-impact-lock"), holder);
      expect(writeOutputSet(dir, "study", produce)).toEqual([join(dir, "a.csv")]);
      expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "a.csv"]);
    }
  });

  it("creates the folder and its parents", () => {
    const dir = join(folder(), "x", "y");
    writeOutputSet(dir, "charts", produce);
    expect(readdirSync(dir).sort()).toEqual([".event-impact-charts.json", "a.csv"]);
    expect(JSON.parse(read(dir, ".event-impact-charts.json"))).toEqual({ files: ["a.csv"] });
  });

  it("takes the legacy files as the previous set when there is no listing, or when the listing is unreadable or names a path", () => {
    for (const listing of [null, "{not json", JSON.stringify({ files: ["keep.csv", "../escape.csv"] }), JSON.stringify({ files: [1] }), JSON.stringify({})]) {
      const dir = folder();
      writeFileSync(join(dir, "old.csv"), "legacy");
      writeFileSync(join(dir, "keep.csv"), "not legacy");
      if (listing !== null) writeFileSync(join(dir, ".event-impact-study.json"), listing);
      writeOutputSet(dir, "study", produce, ["old.csv", "gone.csv"]);
      expect(readdirSync(dir).sort()).toEqual([".event-impact-study.json", "a.csv", "keep.csv"]);
    }
  });

  it("counts the steps of the test hook from the start of each write", () => {
    const dir = folder();
    process.env.EVENT_IMPACT_FAIL_AT = "install:3";
    writeOutputSet(dir, "study", produce);
    expect(writeOutputSet(dir, "study", produce)).toEqual([join(dir, "a.csv")]);
  });

  it("a failure while producing leaves the folder as it was and is an InputError naming the folder", () => {
    const dir = folder();
    writeFileSync(join(dir, "a.csv"), "old a");
    const fail = () =>
      writeOutputSet(dir, "study", () => {
        throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
      });
    expect(fail).toThrow(new InputError("cannot-write", `cannot write to ${dir}: ENOSPC`, { file: dir }));
    expect(readdirSync(dir)).toEqual(["a.csv"]);
  });
});

describe("writeFileAtomically", () => {
  it("writes the file under a temporary name, renames it into place and returns its path", async () => {
    const dir = folder();
    let temporary = "";
    const file = join(dir, "report.html");
    expect(
      await writeFileAtomically(file, (path) => {
        temporary = path;
        writeFileSync(path, "<html>");
      }),
    ).toBe(file);
    expect(temporary).toMatch(new RegExp(`^${dir}/report\\.html\\.tmp-${process.pid}-\\d+$`));
    expect(readdirSync(dir)).toEqual(["report.html"]);
    expect(read(dir, "report.html")).toBe("<html>");
  });

  it("creates the file's folder and sweeps what killed runs left there", async () => {
    const dir = join(folder(), "new");
    await writeFileAtomically(join(dir, "report.html"), (path) => writeFileSync(path, "x"));
    writeFileSync(join(dir, `old.html.tmp-${DEAD}-1`), "half");
    await writeFileAtomically(join(dir, "report.html"), (path) => writeFileSync(path, "y"));
    expect(readdirSync(dir)).toEqual(["report.html"]);
  });

  it("a failed write leaves the previous file and no temporary file", async () => {
    const dir = folder();
    writeFileSync(join(dir, "report.html"), "before");
    await expect(
      writeFileAtomically(join(dir, "report.html"), (path) => {
        writeFileSync(path, "half");
        throw Object.assign(new Error("no space"), { code: "ENOSPC" });
      }),
    ).rejects.toThrow(new InputError("cannot-write", `cannot write to ${join(dir, "report.html")}: ENOSPC`, { file: join(dir, "report.html") }));
    expect(readdirSync(dir)).toEqual(["report.html"]);
    expect(read(dir, "report.html")).toBe("before");
  });

  it("a failure at the rename (the install step) leaves the previous file and no temporary file", async () => {
    const dir = folder();
    writeFileSync(join(dir, "report.html"), "before");
    process.env.EVENT_IMPACT_FAIL_AT = "install:1";
    await expect(writeFileAtomically(join(dir, "report.html"), (path) => writeFileSync(path, "after"))).rejects.toThrow(/EIO/);
    expect(readdirSync(dir)).toEqual(["report.html"]);
    expect(read(dir, "report.html")).toBe("before");
  });

  it("counts the steps of the test hook from the start of each write", async () => {
    const dir = folder();
    process.env.EVENT_IMPACT_FAIL_AT = "install:2";
    await writeFileAtomically(join(dir, "a.html"), (path) => writeFileSync(path, "a"));
    await writeFileAtomically(join(dir, "b.html"), (path) => writeFileSync(path, "b"));
    expect(readdirSync(dir).sort()).toEqual(["a.html", "b.html"]);
  });

  it("refuses to write over a folder", async () => {
    const dir = folder();
    mkdirSync(join(dir, "report.html"));
    await expect(writeFileAtomically(join(dir, "report.html"), (path) => writeFileSync(path, "x"))).rejects.toThrow(
      new InputError("cannot-write", `cannot write ${join(dir, "report.html")}: it exists and is not a file; remove it or choose another place`, { file: join(dir, "report.html") }),
    );
  });
});
