// Bundles the CLI (src/cli/main.ts) into dist/cli/main.js, the package's bin, with esbuild. Each command's module is
// a dynamic import and becomes its own chunk, loaded only when that command runs; the heavy libraries stay outside
// the bundle and are imported from node_modules by the commands that need them. Every file lands flat in dist/cli,
// two levels below the package root like the library's modules, so that paths built from import.meta.url (the
// package.json, the bundled data, the worker files dist/cli/batchWorker.js and dist/cli/checkWorker.js) resolve the
// same from a chunk.
import { rmSync } from "node:fs";
import { build } from "esbuild";

/**
 * zod's `z` namespace re-exports every message locale (`z.locales`, some 60 modules, most of the bundle's bytes and
 * of its compile time at start-up); the CLI uses none of them (zod's own default, English, is imported on its own).
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes("/node_modules/zod/") ? { path: "zod-locales", namespace: "zod-english-only" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

const outdir = new URL("../dist/cli/", import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: "src/cli/main.ts", batchWorker: "src/engine/batchWorker.ts", checkWorker: "src/serve/checkWorker.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "[name]-[hash]",
  // Fewer bytes to parse at start-up; identifiers are kept, so stack traces (EVENT_IMPACT_DEBUG=1) stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  external: ["vega", "vega-lite", "yahoo-finance2", "danfojs-node", "playwright-core"],
  // CommonJS packages in the bundle (commander, jstat) call require() for Node's built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  plugins: [zodEnglishOnly],
  logLevel: "warning",
});
