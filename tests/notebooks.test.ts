import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/cli.js";

/** Jupyter from Debian (jupyter-nbconvert, python3-ipykernel); see DEVELOPERS.md. */
const hasJupyter = spawnSync("/usr/bin/python3", ["-m", "nbconvert", "--version"]).status === 0;
if (!hasJupyter) console.warn("skipping notebook execution: Jupyter's nbconvert is absent (apt-get install jupyter-nbconvert python3-ipykernel; see DEVELOPERS.md)");

interface Cell {
  cell_type: string;
  outputs?: { output_type: string; name?: string; data?: Record<string, unknown> }[];
}

describe.skipIf(!hasJupyter || process.env.SKIP_SLOW === "1")("notebooks", () => {
  it("every notebook runs in the tslab kernel without a cell error", () => {
    const out = mkdtempSync(join(tmpdir(), "event-impact-notebooks-"));
    const run = spawnSync(process.execPath, [join(repoRoot, "scripts/run-notebooks.mjs"), "--output-dir", out], { cwd: repoRoot, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const names = readdirSync(join(repoRoot, "notebooks")).filter((name) => name.endsWith(".ipynb")).sort();
    expect(names).toEqual(["01-xiaomi-claim.ipynb", "02-ccmc-multi-firm.ipynb", "03-your-own-study.ipynb", "04-factor-models.ipynb"]);
    for (const name of names) {
      const cells = (JSON.parse(readFileSync(join(out, name), "utf8")) as { cells: Cell[] }).cells;
      const outputs = cells.flatMap((cell) => cell.outputs ?? []);
      expect(outputs.filter((output) => output.output_type === "error" || output.name === "stderr"), name).toEqual([]);
      expect(outputs.some((output) => output.data?.["image/svg+xml"] !== undefined), `${name} shows a chart`).toBe(true);
      expect(outputs.some((output) => String(output.data?.["text/html"] ?? "").includes("<table>")), `${name} shows a DataFrame`).toBe(true);
    }
  }, 300_000);
});
