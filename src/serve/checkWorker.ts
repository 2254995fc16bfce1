import { parentPort, workerData } from "node:worker_threads";
import { checkJobRunner, type CheckJob, type CheckWorkerData } from "./checkJobs.js";

/**
 * The check worker thread (a separate entry module: bundles must ship it beside the server): answers
 * `{ id, job }` messages with `{ id, result }` or `{ id, error }` (a stack trace), as `WorkerPool` expects.
 */
const run = checkJobRunner(workerData as CheckWorkerData);
parentPort!.on("message", ({ id, job }: { id: number; job: CheckJob }) => {
  run(job).then(
    (result) => parentPort!.postMessage({ id, result }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
