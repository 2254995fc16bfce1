import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { eventSpan, type EventStudyOptions } from "../engine/eventWindows.js";
import { factorsOf } from "../models/factorModel.js";
import { analyseEvents, type AlignedReturns, type EventColumns, type PreparedFirm } from "./eventBatch.js";

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
  columns: Record<SharedColumn, SharedArrayBuffer>;
  /** [finished workers, failed workers, started workers]; a failure message is written to `error`. */
  status: SharedArrayBuffer;
  error: SharedArrayBuffer;
}

export const FLOAT_COLUMNS = ["alpha", "beta", "betas", "s2", "ar", "sar", "car", "variance", "t", "p", "bhar", "sqP", "sqQuantile", "sqMinP", "volatilityRatio", "volatilityP", "av", "cav", "cavT", "cavP"] as const;
export const INT_COLUMNS = ["df", "nEstimation", "cavDays", "volumeDf"] as const;
export type SharedColumn = (typeof FLOAT_COLUMNS)[number] | (typeof INT_COLUMNS)[number];

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

  const [spanStart, spanEnd] = eventSpan(options.eventWindows);
  const sizes: Record<SharedColumn, number> = {
    alpha: count,
    beta: count,
    betas: count * factorsOf(options.model).length,
    s2: count,
    df: count,
    nEstimation: count,
    ar: count * (spanEnd - spanStart + 1),
    sar: count * (spanEnd - spanStart + 1),
    car: count * options.eventWindows.length,
    variance: count * options.eventWindows.length,
    t: count * options.eventWindows.length,
    p: count * options.eventWindows.length,
    bhar: count * options.eventWindows.length,
    sqP: count * options.eventWindows.length,
    sqQuantile: count * options.eventWindows.length,
    sqMinP: count * options.eventWindows.length,
    volatilityRatio: count * options.eventWindows.length,
    volatilityP: count * options.eventWindows.length,
    av: count * (spanEnd - spanStart + 1),
    cav: count * options.eventWindows.length,
    cavT: count * options.eventWindows.length,
    cavP: count * options.eventWindows.length,
    cavDays: count * options.eventWindows.length,
    volumeDf: count,
  };
  const shared = Object.fromEntries(
    Object.entries(sizes).map(([name, size]) => [name, new SharedArrayBuffer(size * (INT_COLUMNS.includes(name as never) ? 4 : 8))]),
  ) as Record<SharedColumn, SharedArrayBuffer>;
  const status = new SharedArrayBuffer(12);
  const error = new SharedArrayBuffer(4096);
  const done = new Int32Array(status);

  const started: Worker[] = [];
  for (let w = 0; w < workers; w++) {
    const mine = [...perFirm.keys()].filter((f) => workerOf[f] === w);
    const local = new Map(mine.map((f, i) => [f, i]));
    const index = Int32Array.from({ length: count }, (_, k) => k).filter((k) => workerOf[events.firm[k]!] === w);
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

  const float = (name: SharedColumn) => new Float64Array(shared[name]);
  const int = (name: SharedColumn) => new Int32Array(shared[name]);
  return {
    count,
    model: options.model,
    firm: events.firm,
    day0: events.day0,
    alpha: float("alpha"),
    beta: float("beta"),
    betas: float("betas"),
    s2: float("s2"),
    df: int("df"),
    nEstimation: int("nEstimation"),
    estimationWindow: options.estimationWindow,
    spanStart,
    spanLength: spanEnd - spanStart + 1,
    ar: float("ar"),
    sar: float("sar"),
    windows: options.eventWindows,
    car: float("car"),
    variance: float("variance"),
    t: float("t"),
    p: float("p"),
    bhar: float("bhar"),
    sqP: float("sqP"),
    sqQuantile: float("sqQuantile"),
    sqMinP: float("sqMinP"),
    volatilityRatio: float("volatilityRatio"),
    volatilityP: float("volatilityP"),
    av: float("av"),
    cav: float("cav"),
    cavT: float("cavT"),
    cavP: float("cavP"),
    cavDays: int("cavDays"),
    volumeDf: int("volumeDf"),
  };
}
