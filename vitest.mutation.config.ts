import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The tests `npm run mutation` (stryker.config.mjs) runs against each mutant: the suites that call src/statistics,
 * src/claims and src/reports in process. Left out: suites that run the built CLI (dist/, which Stryker does not
 * mutate), drive Chromium or render charts; the tests of in-process suites that run dist/ (the paragraph printed by
 * `check --text`, the output set killed in a child process, `study --out`); and two tests of scale rather than value
 * (the claim reader on 10^6-character and 600 KB texts), which take tens of seconds under Stryker's instrumentation
 * and would run for every mutant they cover.
 */
export const mutationSuites = [
  "tests/crossFirmStatistics.test.ts",
  "tests/statisticsEdgeCases.test.ts",
  "tests/pValues.test.ts",
  "tests/rankAndQuantileTests.test.ts",
  "tests/models.test.ts",
  "tests/eventStudy.test.ts",
  "tests/study.test.ts",
  "tests/catalogStudy.test.ts",
  "tests/studyTables.test.ts",
  "tests/studyView.test.ts",
  "tests/readmeColumns.test.ts",
  "tests/checkClaim.test.ts",
  "tests/claimOrdinaryDay.test.ts",
  "tests/checkView.test.ts",
  "tests/parseClaim.test.ts",
  "tests/claimCorpus.test.ts",
  "tests/claimVocabulary.test.ts",
  "tests/paragraph.test.ts",
  "tests/errors.test.ts",
  "tests/outputSet.test.ts",
  "tests/dataFrames.test.ts",
];

const leftOut = ["10\\^6-character texts", "100,000 spaces", "prints one labelled block per claim", "a kill at", "study --out as one set"];

export default defineConfig({
  ...base,
  test: { ...base.test, include: mutationSuites, testNamePattern: new RegExp(`^(?!.*(${leftOut.join("|")}))`), testTimeout: 60_000 },
});
