import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/cli.js";

/**
 * The layers of src/, lowest first: a module imports only from its own folder and from folders of lower
 * layers; folders of one layer do not import each other. `(root)` is src/'s own modules but `index.ts`, the
 * package root, which sits on top. This list is the one statement of the order (DEVELOPERS.md, "Layout").
 */
const LAYERS: readonly (readonly string[])[] = [
  ["(root)"],
  ["io"],
  ["calendar"],
  ["returns"],
  ["models"],
  ["statistics"],
  ["sources"],
  ["engine"],
  ["study", "claims"],
  ["reports"],
  ["serve"],
  ["cli"],
  ["index.ts"],
];

const src = join(repoRoot, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** The layer name of a file under src/: its top folder, `(root)`, or `index.ts`. */
function unitOf(file: string): string {
  const parts = relative(src, file).split("/");
  if (parts.length > 1) return parts[0]!;
  return parts[0] === "index.ts" ? "index.ts" : "(root)";
}

/** Every relative module a file names: static imports and re-exports (types included) and dynamic imports. */
function importsOf(code: string): string[] {
  return [...code.matchAll(/\bfrom\s+"(\.\.?\/[^"]+)"|\bimport\s*\(?\s*"(\.\.?\/[^"]+)"/g)].map((match) => (match[1] ?? match[2])!);
}

/** Each import between src/ folders as `importer -> imported` with its layers. */
function crossFolderImports(): { file: string; spec: string; from: string; to: string }[] {
  return sourceFiles(src).flatMap((file) =>
    importsOf(readFileSync(file, "utf8"))
      .map((spec) => ({ file: relative(repoRoot, file), spec, from: unitOf(file), to: unitOf(resolve(dirname(file), spec)) }))
      .filter(({ from, to }) => from !== to),
  );
}

describe("the layers of src/", () => {
  const layerOf = new Map(LAYERS.flatMap((units, layer) => units.map((unit) => [unit, layer] as const)));

  it("declares every folder of src/ in one layer", () => {
    const units = [...new Set(sourceFiles(src).map(unitOf))].sort();
    expect(units.filter((unit) => !layerOf.has(unit))).toEqual([]);
    expect([...layerOf.keys()].filter((unit) => !units.includes(unit))).toEqual([]);
  });

  it("imports only downwards: no cycle, no import of a higher layer or of a folder of the same layer", () => {
    const upward = crossFolderImports()
      .filter(({ from, to }) => layerOf.get(to)! >= layerOf.get(from)!)
      .map(({ file, spec, from, to }) => `${file} imports ${spec}: ${to} is ${layerOf.get(to) === layerOf.get(from) ? "on the same layer as" : "above"} ${from}`);
    expect(upward).toEqual([]);
  });

  it("finds the imports it checks (static, type-only, re-exports and dynamic)", () => {
    expect(importsOf('import { a } from "./a.js";\nimport type { B } from "../b/b.js";\nexport { c } from "./c.js";\nconst d = await import("../d/d.js");')).toEqual([
      "./a.js",
      "../b/b.js",
      "./c.js",
      "../d/d.js",
    ]);
    expect(crossFolderImports().length).toBeGreaterThan(100);
  });
});
