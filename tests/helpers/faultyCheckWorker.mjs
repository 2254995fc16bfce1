// A stand-in for src/serve/checkWorker.ts with the same message protocol, for the server's failure paths:
// the claim "block" holds the thread for a minute (a computation over any time limit), "crash" ends the
// thread, anything else is answered with an internal error and its stack trace.
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, job }) => {
  const claim = job.kind === "check" ? job.query.claim : undefined;
  if (claim === "block") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  if (claim === "crash") process.exit(3);
  parentPort.postMessage({ id, error: "TypeError: hidden detail of a bug\n    at check (/srv/secret/checkClaim.ts:1:1)" });
});
