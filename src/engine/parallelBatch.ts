import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EventStudyOptions } from "./eventWindows.js";
import { analyseEvents, batchLayout, type AlignedReturns, type PreparedFirm } from "./eventBatch.js";
import { columnBuffers, eventColumns, type ColumnName, type EventColumns } from "./eventColumns.js";

/** Studies with at least this many events run on worker threads unless a thread count is given. */
export const PARALLEL_THRESHOLD = 20_000;

/** The worker module; absent when the sources run untranspiled (tests), and then the batch runs in this thread. */
const WORKER = new URL("./batchWorker.js", import.meta.url);

/** How long workers may take to load before the batch gives up on them (a worker that cannot load never reports). */
const START_TIMEOUT_MS = 30_000;

/** What one worker receives: its firms' returns, its events (with their place in the batch) and the shared columns. */
export interface BatchWorkerData {
  firms: Pick<AlignedReturns, "firm" | "market" | "volume" | "factors">[];
  firm: Int32Array;
  day0: Int32Array;
  index: Int32Array;
  options: EventStudyOptions;
  columns: Map<ColumnName, SharedArrayBuffer>;
  /** [finished workers, failed workers, started workers]; a failure message is written to `error`. */
  status: SharedArrayBuffer;
  error: SharedArrayBuffer;
}

/** The number of worker threads for a batch: `threads` when given, else all cores above the threshold. */
export function threadCount(events: number, threads?: number): number {
  if (threads !== undefined) return Math.max(1, Math.floor(threads));
  return events >= PARALLEL_THRESHOLD ? cpus().length : 1;
}

/**
 * `analyseEvents` split across worker threads by firm (each worker gets whole firms, balanced by event
 * count) with the same results as one thread. The call stays synchronous: the workers write into
 * shared columns and the calling thread waits on an atomic counter.
 */
export function analyseEventsInParallel(firms: readonly PreparedFirm[], events: { firm: Int32Array; day0: Int32Array }, options: EventStudyOptions, threads: number): EventColumns {
  const count = events.firm.length;
  const workers = Math.min(threads, firms.length, count);
  if (workers <= 1 || !existsSync(fileURLToPath(WORKER))) return analyseEvents(firms, events, options);

  const perFirm = new Int32Array(firms.length);
  for (let k = 0; k < count; k++) perFirm[events.firm[k]!]!++;
  const load = new Float64Array(workers);
  const workerOf = new Int32Array(firms.length);
  [...perFirm.keys()]
    .sort((a, b) => perFirm[b]! - perFirm[a]!)
    .forEach((f) => {
      const lightest = load.indexOf(Math.min(...load));
      workerOf[f] = lightest;
      load[lightest]! += perFirm[f]!;
    });

  const layout = batchLayout(count, options);
  const shared = columnBuffers(layout, (bytes) => new SharedArrayBuffer(bytes));
  const status = new SharedArrayBuffer(12);
  const error = new SharedArrayBuffer(4096);
  const done = new Int32Array(status);

  // Each worker's events in ascending order, in two passes over the events (not one pass per worker).
  const eventCount = new Int32Array(workers);
  for (let k = 0; k < count; k++) eventCount[workerOf[events.firm[k]!]!]!++;
  const indexes = Array.from(eventCount, (n) => new Int32Array(n));
  const filled = new Int32Array(workers);
  for (let k = 0; k < count; k++) {
    const w = workerOf[events.firm[k]!]!;
    indexes[w]![filled[w]!++] = k;
  }

  const started: Worker[] = [];
  for (let w = 0; w < workers; w++) {
    const mine = [...perFirm.keys()].filter((f) => workerOf[f] === w);
    const local = new Map(mine.map((f, i) => [f, i]));
    const index = indexes[w]!;
    const workerData: BatchWorkerData = {
      firms: mine.map((f) => ({ firm: firms[f]!.returns.firm, market: firms[f]!.returns.market, volume: firms[f]!.returns.volume, factors: firms[f]!.returns.factors })),
      firm: index.map((k) => local.get(events.firm[k]!)!),
      day0: index.map((k) => events.day0[k]!),
      index,
      options,
      columns: shared,
      status,
      error,
    };
    started.push(new Worker(WORKER, { workerData }));
  }
  const startedAt = Date.now();
  while (Atomics.load(done, 0) + Atomics.load(done, 1) < workers) {
    Atomics.wait(done, 0, Atomics.load(done, 0), 50);
    if (Atomics.load(done, 2) < workers && Date.now() - startedAt > START_TIMEOUT_MS) {
      for (const worker of started) void worker.terminate();
      throw new Error(`only ${Atomics.load(done, 2)} of ${workers} worker threads started within ${START_TIMEOUT_MS / 1000} s`);
    }
  }
  for (const worker of started) void worker.terminate();
  if (Atomics.load(done, 1) > 0) throw new Error(`a worker thread failed: ${new TextDecoder().decode(new Uint8Array(error)).replace(/\0+$/, "")}`);

  return eventColumns(layout, events, shared);
}
