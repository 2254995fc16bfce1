import { checkClaim, type ClaimCheck } from "../claims/checkClaim.js";
import { InputError, type InputErrorCode, type InputIssue } from "../errors.js";
import { readUniverse } from "../engine/universeRanking.js";
import { checkSearch, type CheckQuery } from "./checkQuery.js";
import { resultOutcome } from "./page.js";
import { folderForms, publicCheck, publicText } from "./publicText.js";
import { resultFigures } from "./resultFigures.js";
import { SeriesStore } from "./seriesStore.js";

/**
 * The work a check worker does: a claim check (its JSON), or the result part of its page (charts drawn)
 * from that JSON. Only strings go back and forth, cheap to pass and to keep.
 */
export type CheckJob = { kind: "check"; query: CheckQuery; priceDirs: string[] } | { kind: "outcome"; query: CheckQuery; priceDirs: string[]; json: string };

/** A worker's answer: the public check as JSON, the page's result HTML, or why the input cannot be checked (a 400). */
export type CheckJobResult =
  | { kind: "check"; json: string }
  | { kind: "outcome"; html: string }
  | { kind: "input-error"; code: InputErrorCode; message: string; field: string | undefined; issues: InputIssue[] };

/** What every worker is started with. */
export interface CheckWorkerData {
  universeDir?: string | undefined;
  /** Every folder the server reads, kept out of its answers (see `publicText`). */
  folders: string[];
}

/** Series held per worker: the universe's and those of recent checks. */
const SERIES_HELD = 1024;

/**
 * The worker side of the server: one `SeriesStore` per worker (the universe loaded at start), and a
 * function answering each job. Input errors are answers; anything else throws (a 500).
 */
export function checkJobRunner(data: CheckWorkerData): (job: CheckJob) => Promise<CheckJobResult> {
  const store = new SeriesStore(SERIES_HELD);
  const forms = folderForms(data.folders);
  if (data.universeDir !== undefined) readUniverse(data.universeDir, store.read);
  return async (job) => {
    try {
      if (job.kind === "outcome") {
        const check = JSON.parse(job.json) as ClaimCheck;
        const { figures, notes } = await resultFigures(check, { priceDirs: job.priceDirs, readPrices: store.read });
        return { kind: "outcome", html: resultOutcome(check, figures, notes.map((note) => publicText(note, forms)), checkSearch(job.query)) };
      }
      const check = publicCheck(checkClaim({ ...job.query, priceDirs: job.priceDirs, universeDir: data.universeDir, readPrices: store.read }), forms);
      return { kind: "check", json: `${JSON.stringify(check, null, 2)}\n` };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const issues = error.issues.map(({ at, message }) => ({ at, message: publicText(message, forms) }));
      return { kind: "input-error", code: error.code, message: publicText(error.message, forms), field: error.field, issues };
    }
  };
}
