import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runStudy } from "../src/study/runStudy.js";
import { studyResultSchema } from "../src/study/studyResult.js";
import { repoRoot } from "./helpers/cli.js";

const spec = JSON.parse(readFileSync(join(repoRoot, "data/studies/ccmc-hk.json"), "utf8"));

describe("the study result schema", () => {
  it("reads back a result written as JSON as the same result (NaN written as null, read as NaN)", () => {
    const result = runStudy(spec);
    expect(result.aggregate).not.toBeNull();
    const parsed = studyResultSchema.parse(JSON.parse(JSON.stringify(result)));
    expect(parsed).toEqual(result);
  });

  it("names the path of a field of the wrong type", () => {
    const json = JSON.parse(JSON.stringify(runStudy(spec)));
    json.aggregate.windows[0].tests.bmp.n = "three";
    const parsed = studyResultSchema.safeParse(json);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["aggregate", "windows", 0, "tests", "bmp", "n"]);
  });
});
