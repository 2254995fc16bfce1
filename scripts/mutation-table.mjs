// The DEVELOPERS.md "Mutation testing" table of one or more Stryker JSON reports (mutation-report/<folder>/mutation.json):
// `node scripts/mutation-table.mjs mutation-report/claims/mutation.json [more.json ...]`. A file in several reports
// (runs of single files, one after another) is counted from the last report that holds it. The score is Stryker's:
// (killed + timeout) / (killed + timeout + survived + no coverage); ignored mutants (string and regex) are not counted.
import { readFileSync } from "node:fs";
import { relative } from "node:path";

const STATUSES = ["Killed", "Timeout", "Survived", "NoCoverage"];
const files = new Map();
for (const report of process.argv.slice(2)) {
  for (const [path, { mutants }] of Object.entries(JSON.parse(readFileSync(report, "utf8")).files)) {
    files.set(relative(process.cwd(), path), Object.fromEntries(STATUSES.map((status) => [status, mutants.filter((mutant) => mutant.status === status).length])));
  }
}
const score = (counts) => {
  const tested = STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return tested === 0 ? "-" : `${((100 * (counts.Killed + counts.Timeout)) / tested).toFixed(1)}%`;
};
const row = (name, counts) => `| ${name} | ${STATUSES.map((status) => counts[status]).join(" | ")} | ${score(counts)} |`;
const total = Object.fromEntries(STATUSES.map((status) => [status, [...files.values()].reduce((sum, counts) => sum + counts[status], 0)]));
console.log("| file | killed | timeout | survived | no coverage | score |\n| --- | --- | --- | --- | --- | --- |");
for (const [name, counts] of [...files].sort(([a], [b]) => a.localeCompare(b))) console.log(row(`\`${name}\``, counts));
console.log(row("**total**", total));
