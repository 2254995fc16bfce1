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
  mutate: ["src/statistics/**/*.ts"],
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "mutation-report/index.html" },
  jsonReporter: { fileName: "mutation-report/mutation.json" },
  tempDirName: ".stryker-tmp",
};
