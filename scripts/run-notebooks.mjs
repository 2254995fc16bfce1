#!/usr/bin/env node
// Executes every notebook in notebooks/ with Jupyter's nbconvert and the tslab TypeScript kernel.
// Without arguments, the executed notebooks replace the originals, all of them only once every cell of
// every notebook has run without error; with --output-dir DIR they are written there instead. A notebook
// that reads the optional hk-universe (../shared/data/hk-universe) is never replaced by a run without it:
// it keeps its committed outputs, and the run's copy is left in a temporary folder (the script says where).
// Needs `npm run build` first (the notebooks import the built package) and Jupyter (see DEVELOPERS.md).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const notebooksDir = join(root, "notebooks");
/** Jupyter's Python: Debian's, which has nbconvert and jupyter_client (the first python3 on PATH may not). */
const jupyterPython = "/usr/bin/python3";

/** The optional 83-stock cross-section beside the repository (never copied into it). */
const universeDir = join(root, "../shared/data/hk-universe");
const hasUniverse = existsSync(universeDir);

const outputIndex = process.argv.indexOf("--output-dir");
const outputDir = outputIndex >= 0 ? resolve(process.argv[outputIndex + 1] ?? "") : null;

function fail(message) {
  process.stderr.write(`run-notebooks: ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: "utf8", ...options });
}

if (run(jupyterPython, ["-m", "nbconvert", "--version"]).status !== 0) {
  fail(`Jupyter's nbconvert is not installed for ${jupyterPython}: apt-get install -y --no-install-recommends jupyter-nbconvert python3-ipykernel (see DEVELOPERS.md)`);
}
if (!existsSync(join(root, "dist/index.js"))) fail("the package is not built: run npm run build first");

const tslab = join(root, "node_modules/.bin/tslab");
const kernels = run(jupyterPython, ["-c", "from jupyter_client.kernelspec import find_kernel_specs; print(' '.join(find_kernel_specs()))"]);
if (!kernels.stdout.split(/\s+/).includes("tslab")) {
  process.stderr.write("registering the tslab kernel with Jupyter\n");
  const install = run(tslab, ["install", `--python=${jupyterPython}`], { stdio: "inherit" });
  if (install.status !== 0) fail("tslab install failed");
}

// The notebooks import "event-impact" as a user's project would, from node_modules.
const self = join(root, "node_modules/event-impact");
if (!existsSync(self)) symlinkSync("..", self, "dir");

const notebooks = readdirSync(notebooksDir).filter((name) => name.endsWith(".ipynb")).sort();
if (notebooks.length === 0) fail(`no notebooks in ${notebooksDir}`);
const staging = outputDir ?? mkdtempSync(join(notebooksDir, ".executed-"));
mkdirSync(staging, { recursive: true });
// The kernel's command is `tslab`: put the project's own on the PATH.
const env = { ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}` };
const execute = (name, dir, extra = []) =>
  run(
    jupyterPython,
    ["-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.record_timing=False", ...extra, "--output-dir", dir, "--output", name, join(notebooksDir, name)],
    { env, stdio: ["ignore", "inherit", "pipe"] },
  );

/** The first failing cell of a notebook and what it printed: tslab reports compile errors on stderr only, so run it again letting errors through. */
function firstError(name) {
  const dir = mkdtempSync(join(tmpdir(), "event-impact-notebook-"));
  execute(name, dir, ["--allow-errors"]);
  const cells = JSON.parse(readFileSync(join(dir, name), "utf8")).cells;
  rmSync(dir, { recursive: true, force: true });
  for (const cell of cells) {
    const bad = (cell.outputs ?? []).filter((output) => output.output_type === "error" || output.name === "stderr");
    if (bad.length > 0) {
      const text = bad.map((output) => (output.output_type === "error" ? `${output.ename}: ${output.evalue}` : [output.text].flat().join(""))).join("\n");
      return `in the cell\n${[cell.source].flat().join("").replace(/^/gm, "    ")}\n${text}`;
    }
  }
  return "(no cell output says why; run the notebook in Jupyter)";
}

for (const name of notebooks) {
  process.stderr.write(`executing notebooks/${name}\n`);
  if (execute(name, staging).status !== 0) {
    if (outputDir === null) rmSync(staging, { recursive: true, force: true });
    fail(`notebooks/${name} failed ${firstError(name)}`);
  }
}
if (outputDir === null) {
  const kept = hasUniverse ? [] : notebooks.filter((name) => readFileSync(join(notebooksDir, name), "utf8").includes("hk-universe"));
  const keptDir = kept.length === 0 ? null : mkdtempSync(join(tmpdir(), "event-impact-notebooks-without-universe-"));
  for (const name of notebooks) renameSync(join(staging, name), join(kept.includes(name) ? keptDir : notebooksDir, name));
  rmSync(staging, { recursive: true, force: true });
  for (const name of kept) {
    process.stderr.write(`kept notebooks/${name} as committed: it shows the hk-universe, absent at ${universeDir}; this run's copy is ${join(keptDir, name)}\n`);
  }
}
process.stderr.write(`executed ${notebooks.length} notebooks without error${outputDir === null ? "" : ` into ${outputDir}`}\n`);
