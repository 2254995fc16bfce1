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
  concurrency: 2,
  timeoutMS: 30_000,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "mutation-report/index.html" },
  jsonReporter: { fileName: "mutation-report/mutation.json" },
  tempDirName: ".stryker-tmp",
};
