import { availableParallelism } from "node:os";

/** The server's limits unless told otherwise (`event-impact serve --workers --queue --time-limit`). */
export const SERVE_DEFAULTS = {
  /** Worker threads: the cores but one, 1 to 4 (the event loop keeps a core for requests). */
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  /** Computations that may wait for a worker. */
  queueLimit: 200,
  /** Seconds a computation may take, waiting included. */
  timeLimit: 30,
  /** Checks kept in the result cache. */
  cacheSize: 500,
  /** What a client that got a 503 is told to wait, in seconds. */
  retryAfter: 5,
} as const;
