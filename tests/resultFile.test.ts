import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import { readResultFile } from "../src/reports/resultFile.js";
import { runStudy } from "../src/study/runStudy.js";
import { thrownInputError } from "./helpers/inputError.js";
import { HAND_STUDY_SPEC } from "./reference/handStudy.js";

/** What `event-impact report` reads: a study result (events inline or in events.ndjson) or a claim check, with the SHA-256 of its bytes. */

const folder = () => mkdtempSync(join(tmpdir(), "event-impact-result-"));
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const twoEventStudy = () => JSON.parse(JSON.stringify(runStudy({ ...HAND_STUDY_SPEC, events: HAND_STUDY_SPEC.events.slice(0, 2) } as never)));

/** `study --out`'s layout: result.json without its events, which go one per line into events.ndjson. */
function writeOutFolder(result: { events: unknown[] }, lines?: string[]): string {
  const dir = folder();
  const { events, ...rest } = result;
  writeFileSync(join(dir, "result.json"), JSON.stringify({ ...rest, eventCount: events.length, eventsFile: "events.ndjson" }));
  writeFileSync(join(dir, "events.ndjson"), `${(lines ?? events.map((event) => JSON.stringify(event))).join("\n")}\n`);
  return join(dir, "result.json");
}

describe("readResultFile reads", () => {
  it("a study result with its events inline (study --json), with the SHA-256 of the file's bytes", () => {
    const result = twoEventStudy();
    const file = join(folder(), "study.json");
    const text = JSON.stringify(result);
    writeFileSync(file, text);
    expect(readResultFile(file)).toEqual({ file, sha256: sha256(text), kind: "study", result });
  });

  it("a study --out folder: result.json with its events read back from events.ndjson in order", () => {
    const result = twoEventStudy();
    const file = writeOutFolder(result);
    const read = readResultFile(file);
    expect(read.kind).toBe("study");
    expect(read.kind === "study" && read.result).toEqual(result);
  });

  it("a claim check (check --json)", () => {
    const check = JSON.parse(JSON.stringify(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" })));
    const file = join(folder(), "check.json");
    writeFileSync(file, JSON.stringify(check, null, 2));
    expect(readResultFile(file)).toEqual({ file, sha256: sha256(JSON.stringify(check, null, 2)), kind: "check", check });
  });
});

describe("readResultFile rejects, naming the file", () => {
  it("a missing file", () => {
    const file = join(folder(), "none.json");
    const error = thrownInputError(() => readResultFile(file));
    expect([error.code, error.file, error.message]).toEqual(["missing-file", file, `cannot read ${file}: no such file`]);
  });

  it("a folder, with the system's reason", () => {
    const dir = folder();
    const error = thrownInputError(() => readResultFile(dir));
    expect([error.code, error.file]).toEqual(["missing-file", dir]);
    expect(error.message).toMatch(new RegExp(`^cannot read ${dir}: EISDIR`));
  });

  it("a file that is not JSON", () => {
    const file = join(folder(), "bad.json");
    writeFileSync(file, "{ nope");
    const error = thrownInputError(() => readResultFile(file));
    expect([error.code, error.file]).toEqual(["invalid-file", file]);
    expect(error.message).toMatch(new RegExp(`^${file} is not valid JSON: .+`));
  });

  it("JSON that is neither a study result nor a claim check (an object or not)", () => {
    for (const content of ['{"name": "x"}', "[1, 2]", "null", "42", '"text"']) {
      const file = join(folder(), "other.json");
      writeFileSync(file, content);
      const error = thrownInputError(() => readResultFile(file));
      expect([error.code, error.file]).toEqual(["invalid-file", file]);
      expect(error.message).toBe(
        `${file} is neither a study result (no "events") nor a claim check (no "measures"); write one with: event-impact study SPEC --out DIR, or event-impact check SYMBOL --date DATE --json > check.json`,
      );
    }
  });

  it("a study result with a field wrong, by its path", () => {
    const result = twoEventStudy();
    result.events[1].windows[0].car = "big";
    const file = join(folder(), "study.json");
    writeFileSync(file, JSON.stringify(result));
    const error = thrownInputError(() => readResultFile(file));
    expect([error.code, error.file]).toEqual(["invalid-file", file]);
    expect(error.message).toContain(`${file}: events.1.windows.0.car`);
  });

  it("a claim check with a field wrong, by its path", () => {
    const check = JSON.parse(JSON.stringify(checkClaim({ symbol: "1810.HK", date: "2021-01-15" })));
    check.measures.closeToClose = "x";
    const file = join(folder(), "check.json");
    writeFileSync(file, JSON.stringify(check));
    expect(thrownInputError(() => readResultFile(file)).message).toContain(`${file}: measures.closeToClose`);
  });

  it("a result.json whose header is wrong, by its path", () => {
    const result = twoEventStudy();
    result.name = 7;
    expect(thrownInputError(() => readResultFile(writeOutFolder(result))).message).toContain("result.json: name");
  });
});

describe("readResultFile rejects an events.ndjson that does not match its result.json", () => {
  it("when it is missing", () => {
    const dir = folder();
    const { events: _, ...rest } = twoEventStudy();
    writeFileSync(join(dir, "result.json"), JSON.stringify({ ...rest, eventCount: 2, eventsFile: "events.ndjson" }));
    const events = join(dir, "events.ndjson");
    const error = thrownInputError(() => readResultFile(join(dir, "result.json")));
    expect([error.code, error.file, error.message]).toEqual(["missing-file", events, `cannot read ${events}, the events of the result beside it: ENOENT`]);
  });

  it("when it has another number of events (blank lines are not events)", () => {
    const result = twoEventStudy();
    const file = writeOutFolder(result, [JSON.stringify(result.events[0]), "", ""]);
    const error = thrownInputError(() => readResultFile(file));
    const events = join(file, "..", "events.ndjson");
    expect([error.code, error.file, error.message]).toEqual(["invalid-file", events, `${events} has 1 event(s); the result beside it says 2`]);
  });

  it("when a line is not JSON, naming the line", () => {
    const result = twoEventStudy();
    const file = writeOutFolder(result, [JSON.stringify(result.events[0]), "{oops"]);
    const error = thrownInputError(() => readResultFile(file));
    const events = join(file, "..", "events.ndjson");
    expect([error.code, error.file, error.line]).toEqual(["invalid-file", events, 2]);
    expect(error.message).toMatch(new RegExp(`^${events} line 2 is not valid JSON: .+`));
  });

  it("when an event has a field wrong, naming the line and the path", () => {
    const result = twoEventStudy();
    const file = writeOutFolder(result, [JSON.stringify(result.events[0]), JSON.stringify({ ...result.events[1], symbol: 5 })]);
    const error = thrownInputError(() => readResultFile(file));
    expect(error.code).toBe("invalid-file");
    expect(error.message).toContain(`${join(file, "..", "events.ndjson")} line 2: symbol`);
  });
});
