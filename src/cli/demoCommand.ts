import { join } from "node:path";
import { checkClaim } from "../claims/checkClaim.js";
import { checkText } from "../reports/checkText.js";
import { dayZeroComparisonText } from "../reports/peerComparison.js";
import { studyText } from "../reports/studyText.js";
import { bundledDataDir } from "../sources/localFiles.js";
import { readCatalog } from "../sources/catalog.js";
import { runStudy } from "../study/runStudy.js";
import { readStudySpec } from "./studyCommand.js";

export function demoCommand(): void {
  const specFile = join(bundledDataDir, "studies", "xiaomi-ccmc.json");
  const out = process.stdout;
  out.write("== Did Xiaomi's shares plummet 14% after the US listed it as a Communist Chinese Military Company? ==\n\n");
  out.write(`1. Event study (spec: ${specFile})\n\n`);
  out.write(`${studyText(runStudy(readStudySpec(specFile)))}\n\n`);
  out.write('2. Claim check: event-impact check 1810.HK --date 2021-01-15 --claim "plummeted 14%"\n\n');
  out.write(`${checkText(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" }))}\n\n`);
  const peersFile = join(bundledDataDir, "studies", "ccmc-hk.json");
  out.write(`3. Compared with the other Hong Kong stocks on the DoD list (spec: ${peersFile})\n\n`);
  out.write(`${studyText(runStudy(readStudySpec(peersFile)))}\n\n`);
  const catalogFile = join(bundledDataDir, "studies", "us-china-2020-2021.json");
  out.write(`4. Xiaomi's move against every firm named in the 2020-21 US actions, each against its own market index (spec: ${catalogFile})\n\n`);
  const everyFirm = runStudy(readStudySpec(catalogFile));
  out.write(`${dayZeroComparisonText(everyFirm, "1810.HK", readCatalog())}\n`);
  out.write(`The cross-firm tests, and the ${everyFirm.dropped.length} catalog events whose prices fall short: event-impact study ${catalogFile}\n`);
}
