import { workerData } from "node:worker_threads";
import { fitSums } from "./windowModel.js";
import { analyseEvents, type PreparedFirm } from "./eventBatch.js";
import { copyEvents } from "./eventColumns.js";
import type { BatchWorkerData } from "./parallelBatch.js";

/** Events analysed at a time before they are copied into the shared columns. */
const SLICE = 16_384;

/** A worker of `analyseEventsInParallel`: analyses its events and writes them into the shared columns. */
const data = workerData as BatchWorkerData;
const status = new Int32Array(data.status);
Atomics.add(status, 2, 1);
try {
  const firms = data.firms.map(({ firm, market, volume, factors }): PreparedFirm => {
    const returns = { dates: [], firm, market, ...(volume === undefined ? {} : { volume }), ...(factors === undefined ? {} : { factors }) };
    return { symbol: "", market: "", returns, ...fitSums(returns), dayNumbers: new Int32Array(0) };
  });
  // In slices, so that a worker holds a slice's columns, not a second copy of its share of the batch.
  for (let from = 0; from < data.index.length; from += SLICE) {
    const to = Math.min(from + SLICE, data.index.length);
    const local = analyseEvents(firms, { firm: data.firm.subarray(from, to), day0: data.day0.subarray(from, to) }, data.options);
    copyEvents(local, data.columns, data.index.subarray(from, to));
  }
  Atomics.add(status, 0, 1);
} catch (error) {
  new Uint8Array(data.error).set(new TextEncoder().encode(String((error as Error).stack ?? error)).subarray(0, 4096));
  Atomics.add(status, 1, 1);
}
Atomics.notify(status, 0);
