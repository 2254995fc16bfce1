// @ts-check
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
  mutate: ["src/statistics/**/*.ts", "src/claims/**/*.ts", "src/reports/**/*.ts", "!src/reports/charts/**"],
  // String and regex mutants are left out: the strings are the sentences and labels the value tests read whole, and
  // the regexes are the claim vocabulary, pinned by the claim corpus; mutating each character of them multiplies the
  // run by six without testing any arithmetic. Static mutants (code run when a module loads, such as the column
  // functions of studyTables.ts) rerun every test; left out too (tests/studyTables.test.ts checks every column's value).
  mutator: { excludedMutations: ["StringLiteral", "Regex"] },
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 30_000,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "mutation-report/index.html" },
  jsonReporter: { fileName: "mutation-report/mutation.json" },
  tempDirName: ".stryker-tmp",
};
