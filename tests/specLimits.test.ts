import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { parseStudySpec } from "../src/study/runStudy.js";
import { SPEC_LIMITS } from "../src/study/spec.js";
import { runCli } from "./helpers/cli.js";

const event = { symbol: "1810.HK", date: "2021-01-14" };

function inputError(spec: unknown): string {
  try {
    parseStudySpec(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("limits of a study spec, checked before anything is allocated", () => {
  it("rejects offsets beyond 10,000 trading days, naming the field", () => {
    expect(inputError({ events: [event], eventWindows: [[0, 1e9]] })).toBe("study spec: eventWindows.0.1: at most 10,000 trading days");
    expect(inputError({ events: [event], estimationWindow: [-1e9, -11] })).toBe("study spec: estimationWindow.0: at least -10,000 trading days");
  });

  it("rejects more event windows, events or event-days than the limits", () => {
    expect(inputError({ events: [event], eventWindows: Array.from({ length: SPEC_LIMITS.maxEventWindows + 1 }, () => [0, 1]) })).toMatch(/^study spec: eventWindows: /);
    const tooMany = new Array(SPEC_LIMITS.maxEvents + 1).fill(event);
    expect(inputError({ events: tooMany })).toBe("study spec: events: 2,000,001 events, more than the 2,000,000 a study may have; split the study");
  });

  it("summarises a long list of errors: the first 20 lines and a count", () => {
    const message = inputError({ events: new Array(30_000).fill({ symbol: "1810.HK", date: "2021-13-45" }) });
    const lines = message.split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^study spec: events\.0\.date: /);
    expect(lines[20]).toBe("  ... and 29,980 more");
  });

  it("a window ending at 1e7 or 1e9 is exit 2 with the field, not a crash or a huge allocation", () => {
    const dir = mkdtempSync(join(tmpdir(), "event-impact-limits-"));
    for (const end of [1e7, 1e9]) {
      const spec = join(dir, `spec-${end}.json`);
      writeFileSync(spec, JSON.stringify({ events: [event], eventWindows: [[0, end]] }));
      const { code, stderr } = runCli(["study", spec, "--source", "bundled"]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/eventWindows\.0\.1: at most 10,000 trading days/);
    }
  });
});
