// @ts-check
const folders = ["statistics", "claims", "reports"];

/**
 * The folder `MUTATE=statistics|claims|reports npm run mutation` mutates (each with its own incremental file, so a
 * re-run redoes only the mutants whose code or tests changed); all three when MUTATE is not set.
 * @type {string | null}
 */
export const mutatedFolder = process.env.MUTATE ?? null;
if (mutatedFolder !== null && !folders.includes(mutatedFolder)) throw new Error(`MUTATE=${mutatedFolder}: expected one of ${folders.join(", ")}`);
const mutated = mutatedFolder === null ? folders : [mutatedFolder];

/**
 * Mutation testing of the statistics, the claim checks and the reports (`npm run mutation`; not part of
 * `npm test`). The score and the survivors are discussed in DEVELOPERS.md ("Mutation testing").
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  // The charts (Vega-Lite specifications of layout and colour) are left out: their tests are SVG snapshots.
  mutate: [...mutated.map((folder) => `src/${folder}/**/*.ts`), "!src/reports/charts/**"],
  incremental: true,
  incrementalFile: `mutation-report/${mutatedFolder ?? "all"}.incremental.json`,
  // String and regex mutants are left out: the strings are the sentences and labels the value tests read whole, and
  // the regexes are the claim vocabulary, pinned by the claim corpus; mutating each character of them multiplies the
  // run by six without testing any arithmetic. Static mutants (code run when a module loads, such as the column
  // functions of studyTables.ts) rerun every test; left out too (tests/studyTables.test.ts checks every column's value).
  mutator: { excludedMutations: ["StringLiteral", "Regex"] },
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: `mutation-report/${mutatedFolder ?? "all"}/index.html` },
  jsonReporter: { fileName: `mutation-report/${mutatedFolder ?? "all"}/mutation.json` },
  // `--reporters event-recorder` lists each mutant's result as it comes (the other reports are written at the end).
  eventReporter: { baseDir: `mutation-report/${mutatedFolder ?? "all"}/events` },
  tempDirName: ".stryker-tmp",
};
