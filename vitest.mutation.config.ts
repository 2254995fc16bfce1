import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The tests `npm run mutation` (stryker.config.mjs) runs against each mutant: the fast suites that call
 * src/statistics, src/claims and src/reports in process. Suites that run the built CLI (dist/, which
 * Stryker does not mutate), drive Chromium or take many seconds are left out.
 */
export const mutationSuites = [
  "tests/crossFirmStatistics.test.ts",
  "tests/pValues.test.ts",
  "tests/rankAndQuantileTests.test.ts",
  "tests/models.test.ts",
  "tests/eventStudy.test.ts",
  "tests/study.test.ts",
  "tests/catalogStudy.test.ts",
];

export default mergeConfig(base, defineConfig({ test: { include: mutationSuites } }));
