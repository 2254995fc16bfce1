import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";
import { mutatedFolder } from "./stryker.config.mjs";

/**
 * The tests `npm run mutation` (stryker.config.mjs) runs against each mutant: for each mutated folder, the suites that
 * call it in process and check its values. A p-value function or the abnormal volume is reached by nearly every
 * test; a folder's run leaves out the suites of the other folders (the claim corpus, the paragraph checks) that reach
 * it only on the way, as they multiply the run time of every such mutant without checking its values. Left out
 * everywhere: suites that run the built CLI (dist/, which Stryker does not mutate), drive Chromium or render charts;
 * the tests of in-process suites that run dist/ (the paragraph printed by `check --text`, the output set killed in a
 * child process, `study --out`); and two tests of scale rather than value (the claim reader on 10^6-character and
 * 600 KB texts), which take tens of seconds under Stryker's instrumentation and would run for every mutant they cover.
 */
export const mutationSuites = new Map([
  [
    "statistics",
    [
      "tests/crossFirmStatistics.test.ts",
      "tests/statisticsEdgeCases.test.ts",
      "tests/pValues.test.ts",
      "tests/rankAndQuantileTests.test.ts",
      "tests/models.test.ts",
      "tests/eventStudy.test.ts",
      "tests/study.test.ts",
      "tests/studyTables.test.ts",
      "tests/studyView.test.ts",
      "tests/checkClaim.test.ts",
      "tests/claimOrdinaryDay.test.ts",
    ],
  ],
  [
    "claims",
    [
      "tests/checkClaim.test.ts",
      "tests/claimOrdinaryDay.test.ts",
      "tests/checkView.test.ts",
      "tests/parseClaim.test.ts",
      "tests/claimCorpus.test.ts",
      "tests/claimVocabulary.test.ts",
      "tests/paragraph.test.ts",
      "tests/errors.test.ts",
      "tests/textDates.test.ts",
      "tests/claimText.test.ts",
      "tests/names.test.ts",
      "tests/records.test.ts",
      "tests/verdict.test.ts",
      "tests/priceContext.test.ts",
      "tests/claimMoveWording.test.ts",
      "tests/recordClaimWording.test.ts",
      "tests/priceClaimWording.test.ts",
      "tests/claimClauseWording.test.ts",
      "tests/claimBands.test.ts",
      "tests/parseClaimInput.test.ts",
    ],
  ],
  [
    "reports",
    [
      "tests/study.test.ts",
      "tests/catalogStudy.test.ts",
      "tests/peerComparison.test.ts",
      "tests/studyTables.test.ts",
      "tests/studyView.test.ts",
      "tests/readmeColumns.test.ts",
      "tests/checkClaim.test.ts",
      "tests/claimOrdinaryDay.test.ts",
      "tests/checkView.test.ts",
      "tests/outputSet.test.ts",
      "tests/dataFrames.test.ts",
      "tests/errors.test.ts",
      "tests/formatTable.test.ts",
      "tests/csvLine.test.ts",
      "tests/html.test.ts",
      "tests/priceWarnings.test.ts",
      "tests/priceComparison.test.ts",
      "tests/resultFile.test.ts",
      "tests/lineWriter.test.ts",
      "tests/checkText.test.ts",
      "tests/checkReport.test.ts",
      "tests/studyText.test.ts",
      "tests/studyReport.test.ts",
      "tests/studyExport.test.ts",
      "tests/outputFolderRecovery.test.ts",
    ],
  ],
]);

const leftOut = ["10\\^6-character texts", "100,000 spaces", "prints one labelled block per claim", "a kill at", "study --out as one set"];
const suites = mutatedFolder === null ? [...new Set([...mutationSuites.values()].flat())] : mutationSuites.get(mutatedFolder)!;

export default defineConfig({
  ...base,
  test: { ...base.test, include: suites, testNamePattern: new RegExp(`^(?!.*(${leftOut.join("|")}))`), testTimeout: 60_000 },
});
