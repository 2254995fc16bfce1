import { workerData } from "node:worker_threads";
import { fitSums } from "../models/windowModel.js";
import { analyseEvents, type PreparedFirm } from "./eventBatch.js";
import { FLOAT_COLUMNS, INT_COLUMNS, type BatchWorkerData } from "./parallelBatch.js";

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
  for (const name of [...FLOAT_COLUMNS, ...INT_COLUMNS]) {
    const target = (INT_COLUMNS as readonly string[]).includes(name) ? new Int32Array(data.columns[name]) : new Float64Array(data.columns[name]);
    const source = local[name];
    const width = source.length / Math.max(1, local.count);
    for (let k = 0; k < local.count; k++) target.set(source.subarray(k * width, (k + 1) * width), data.index[k]! * width);
  }
  Atomics.add(status, 0, 1);
} catch (error) {
  new Uint8Array(data.error).set(new TextEncoder().encode(String((error as Error).stack ?? error)).subarray(0, 4096));
  Atomics.add(status, 1, 1);
}
Atomics.notify(status, 0);
