import { workerData } from "node:worker_threads";
import { fitSums } from "./windowModel.js";
import { analyseEvents, type PreparedFirm } from "./eventBatch.js";
import { copyEvents } from "./eventColumns.js";
import type { BatchWorkerData } from "./parallelBatch.js";

/** A worker of `analyseEventsInParallel`: analyses its events and writes them into the shared columns. */
const data = workerData as BatchWorkerData;
const status = new Int32Array(data.status);
Atomics.add(status, 2, 1);
try {
  const firms = data.firms.map(({ firm, market, volume, factors }): PreparedFirm => {
    const returns = { dates: [], firm, market, ...(volume === undefined ? {} : { volume }), ...(factors === undefined ? {} : { factors }) };
    return { symbol: "", market: "", returns, ...fitSums(returns), dayNumbers: new Int32Array(0) };
  });
  const local = analyseEvents(firms, { firm: data.firm, day0: data.day0 }, data.options);
  copyEvents(local, data.columns, data.index);
  Atomics.add(status, 0, 1);
} catch (error) {
  new Uint8Array(data.error).set(new TextEncoder().encode(String((error as Error).stack ?? error)).subarray(0, 4096));
  Atomics.add(status, 1, 1);
}
Atomics.notify(status, 0);
