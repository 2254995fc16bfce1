/** Blocks the thread for `ms` milliseconds (for retries in synchronous code, where there is no event loop to yield to). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
