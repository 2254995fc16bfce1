import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** The queue is full: the caller should answer 503 and ask the client to come back later. */
export class PoolBusyError extends Error {
  override readonly name = "PoolBusyError";
}

/** A job did not finish within the time limit (its worker was stopped and replaced). */
export class TimeLimitError extends Error {
  override readonly name = "TimeLimitError";
}

export interface WorkerPoolOptions {
  /** The worker module: it answers `{ id, job }` messages with `{ id, result }` or `{ id, error }`. */
  module: URL;
  /** Worker threads. */
  size: number;
  /** Jobs that may wait for a free worker; one more is refused with `PoolBusyError`. */
  queueLimit: number;
  /** Milliseconds from `run` to the answer, waiting included; a job over it fails with `TimeLimitError`. */
  timeLimitMs: number;
  workerData?: unknown;
}

export interface PoolStats {
  workers: number;
  running: number;
  queued: number;
  /** Jobs answered by a worker since the pool started. */
  completed: number;
}

interface Job<J, R> {
  id: number;
  job: J;
  resolve(result: R): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  slot?: Slot<J, R>;
}

interface Slot<J, R> {
  worker: Worker;
  current: Job<J, R> | null;
}

/** Worker failures in a row, per worker, after which the pool stops replacing workers (a module that cannot load). */
const FAILURES_IN_A_ROW = 3;

/**
 * A fixed set of worker threads with a bounded queue and a time limit per job, so that heavy work never
 * runs on the event loop and a flood of it is refused early instead of piling up. A worker that crashes
 * or runs over the time limit is terminated and replaced; its job fails, the others go on.
 *
 * @example
 * const pool = new WorkerPool<CheckJob, CheckJobResult>({ module: new URL("./checkWorker.js", import.meta.url), size: 2, queueLimit: 256, timeLimitMs: 30_000 });
 * const result = await pool.run(job); // PoolBusyError when 256 jobs wait already
 */
export class WorkerPool<J, R> {
  readonly #options: WorkerPoolOptions;
  readonly #slots = new Set<Slot<J, R>>();
  readonly #queue: Job<J, R>[] = [];
  #nextId = 0;
  #completed = 0;
  #failuresInARow = 0;
  #lastFailure: Error | null = null;
  #closed = false;

  constructor(options: WorkerPoolOptions) {
    if (!existsSync(fileURLToPath(options.module))) throw new Error(`the worker module ${fileURLToPath(options.module)} does not exist (build the package first)`);
    this.#options = options;
    for (let k = 0; k < options.size; k++) this.#startWorker();
  }

  run(job: J): Promise<R> {
    if (this.#closed) return Promise.reject(new Error("the worker pool is closed"));
    if (this.#slots.size === 0) return Promise.reject(new Error(`no worker thread could start: ${this.#lastFailure?.message}`));
    return new Promise<R>((resolve, reject) => {
      const idle = [...this.#slots].find((slot) => slot.current === null);
      if (idle === undefined && this.#queue.length >= this.#options.queueLimit) {
        return reject(new PoolBusyError(`all ${this.#slots.size} workers are busy and ${this.#queue.length} jobs are waiting`));
      }
      const entry: Job<J, R> = { id: this.#nextId++, job, resolve, reject, timer: setTimeout(() => this.#timeOut(entry), this.#options.timeLimitMs) };
      if (idle === undefined) this.#queue.push(entry);
      else this.#send(idle, entry);
    });
  }

  stats(): PoolStats {
    const running = [...this.#slots].filter((slot) => slot.current !== null).length;
    return { workers: this.#slots.size, running, queued: this.#queue.length, completed: this.#completed };
  }

  /** Stops every worker; waiting and running jobs fail. */
  async close(): Promise<void> {
    this.#closed = true;
    const closing = new Error("the server is shutting down");
    for (const entry of this.#queue.splice(0)) this.#settle(entry, closing);
    const slots = [...this.#slots];
    this.#slots.clear();
    for (const slot of slots) if (slot.current !== null) this.#settle(slot.current, closing);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #startWorker(): void {
    const slot: Slot<J, R> = { worker: new Worker(this.#options.module, { workerData: this.#options.workerData }), current: null };
    slot.worker.unref();
    slot.worker.on("message", ({ id, result, error }: { id: number; result?: R; error?: string }) => {
      const entry = slot.current;
      if (entry === null || entry.id !== id) return;
      slot.current = null;
      this.#completed++;
      this.#failuresInARow = 0;
      if (error === undefined) this.#settle(entry, null, result as R);
      else this.#settle(entry, new Error(error));
      this.#next(slot);
    });
    slot.worker.on("error", (error) => this.#replace(slot, error));
    slot.worker.on("exit", (code) => this.#replace(slot, new Error(`a worker thread exited with code ${code}`)));
    this.#slots.add(slot);
  }

  /** A worker failed or was stopped: its job fails, and another worker takes its place. */
  #replace(slot: Slot<J, R>, error: Error): void {
    if (!this.#slots.delete(slot)) return;
    void slot.worker.terminate();
    if (slot.current !== null) this.#settle(slot.current, error);
    if (this.#closed) return;
    this.#lastFailure = error;
    if (++this.#failuresInARow > FAILURES_IN_A_ROW * this.#options.size) {
      if (this.#slots.size === 0) for (const entry of this.#queue.splice(0)) this.#settle(entry, new Error(`no worker thread could start: ${error.message}`));
      return;
    }
    this.#startWorker();
    this.#next([...this.#slots].at(-1)!);
  }

  #timeOut(entry: Job<J, R>): void {
    const waiting = this.#queue.indexOf(entry);
    const error = new TimeLimitError(`not done within the time limit of ${this.#options.timeLimitMs / 1000} s`);
    if (waiting >= 0) {
      this.#queue.splice(waiting, 1);
      return this.#settle(entry, error);
    }
    if (entry.slot !== undefined && entry.slot.current === entry) {
      this.#settle(entry, error);
      entry.slot.current = null;
      this.#failuresInARow = 0;
      this.#replace(entry.slot, error);
    }
  }

  #send(slot: Slot<J, R>, entry: Job<J, R>): void {
    slot.current = entry;
    entry.slot = slot;
    slot.worker.postMessage({ id: entry.id, job: entry.job });
  }

  #next(slot: Slot<J, R>): void {
    const entry = this.#queue.shift();
    if (entry !== undefined) this.#send(slot, entry);
  }

  #settle(entry: Job<J, R>, error: Error | null, result?: R): void {
    clearTimeout(entry.timer);
    if (error === null) entry.resolve(result as R);
    else entry.reject(error);
  }
}
