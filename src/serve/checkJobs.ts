import { checkClaim, type ClaimCheck } from "../claims/checkClaim.js";
import { InputError } from "../errors.js";
import { readUniverse } from "../study/universeRanking.js";
import type { CheckQuery } from "./checkQuery.js";
import type { Figure } from "./page.js";
import { folderForms, publicCheck, publicText } from "./publicText.js";
import { resultFigures } from "./resultFigures.js";
import { SeriesStore } from "./seriesStore.js";

/** The work a check worker does: a claim check, or the charts of a check's result page. */
export type CheckJob = { kind: "check"; query: CheckQuery; priceDirs: string[] } | { kind: "figures"; check: ClaimCheck; priceDirs: string[] };

/** A worker's answer: the public check and its JSON, the charts, or why the input cannot be checked (a 400). */
export type CheckJobResult =
  | { kind: "check"; check: ClaimCheck; json: string }
  | { kind: "figures"; figures: Figure[]; notes: string[] }
  | { kind: "input-error"; message: string };

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
      if (job.kind === "figures") {
        const { figures, notes } = await resultFigures(job.check, { priceDirs: job.priceDirs, readPrices: store.read });
        return { kind: "figures", figures, notes: notes.map((note) => publicText(note, forms)) };
      }
      const check = publicCheck(checkClaim({ ...job.query, priceDirs: job.priceDirs, universeDir: data.universeDir, readPrices: store.read }), forms);
      return { kind: "check", check, json: `${JSON.stringify(check, null, 2)}\n` };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { kind: "input-error", message: publicText(error.message, forms) };
    }
  };
}
