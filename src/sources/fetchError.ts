import { InputError } from "../errors.js";

/**
 * Why a symbol's prices could not be fetched:
 * - `unknown-symbol`: Yahoo answers "No data found, symbol may be delisted" (a typo, or a delisted symbol);
 * - `no-data`: the symbol exists but has no daily bar in the requested range;
 * - `rate-limited`: HTTP 429;
 * - `server-error`: HTTP 5xx;
 * - `http-error`: any other refusal (403 from a proxy, 400, ...), or a redirect to another host;
 * - `network`: no answer (connection refused, host not found, reset mid-response, timeout, deadline);
 * - `malformed`: an answer that is not JSON or not shaped like a chart;
 * - `too-large`: an answer larger than the size caps (on the wire or decompressed).
 */
export type FetchFailure = "unknown-symbol" | "no-data" | "rate-limited" | "server-error" | "http-error" | "network" | "malformed" | "too-large";

/** The failures worth another attempt after a pause. */
const TRANSIENT: ReadonlySet<FetchFailure> = new Set(["rate-limited", "server-error", "network"]);

/** Network failures that another attempt will not mend: a host name that does not resolve, a timeout or deadline. */
const PERMANENT_ERRNOS: ReadonlySet<string> = new Set(["ENOTFOUND", "EAI_FAIL", "EAI_AGAIN", "ETIMEDOUT"]);

/** A failed price request, classified; the CLI prints its message and exits with code 2. */
export class PriceFetchError extends InputError {
  constructor(
    readonly failure: FetchFailure,
    message: string,
    /** The system error code of a network failure (`ECONNREFUSED`, `ENOTFOUND`, ...). */
    readonly errno?: string,
  ) {
    super("fetch-failed", message);
  }

  /** True for failures that may pass later (rate limits, server errors, network trouble). */
  get transient(): boolean {
    return TRANSIENT.has(this.failure);
  }

  /**
   * Whether another attempt right away (after a pause) is worth it, after `attempt` attempts: for a
   * transient failure, except a host name that does not resolve, a timeout, and a second refused connection.
   */
  retryable(attempt: number): boolean {
    if (!this.transient || (this.errno !== undefined && PERMANENT_ERRNOS.has(this.errno))) return false;
    return !(this.errno === "ECONNREFUSED" && attempt >= 2);
  }
}
