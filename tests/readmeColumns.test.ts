import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { studyTables } from "../src/reports/studyTables.js";
import { repoRoot } from "./helpers/cli.js";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

/** The column names the README's dictionary lists under `#### \`<file>\``, in order. */
function dictionary(file: string): string[] {
  const start = readme.indexOf(`#### \`${file}\``);
  expect(start, `README has no column dictionary for ${file}`).toBeGreaterThanOrEqual(0);
  const lines = readme.slice(start).split("\n").slice(1);
  const table = lines.slice(lines.findIndex((line) => line.startsWith("|")));
  const end = table.findIndex((line) => !line.startsWith("|"));
  return table.slice(2, end < 0 ? undefined : end).map((line) => /^\| `([^`]+)` \|/.exec(line)![1]!);
}

describe("the README's column dictionary", () => {
  it.each(studyTables(true).map((table) => [table.name, table] as const))("lists exactly the columns %s.csv is written with", (_, table) => {
    expect(dictionary(`${table.name}.csv`)).toEqual(table.columns.map((column) => column.name));
  });

  it("has an entry for every CSV the study writes, and no other", () => {
    const files = [...readme.matchAll(/^#### `([^`]+\.csv)`/gm)].map((match) => match[1]);
    expect(files.sort()).toEqual(studyTables(true).map((table) => `${table.name}.csv`).sort());
  });
});
