import { InputError } from "../errors.js";

/**
 * Why a symbol's prices could not be fetched:
 * - `unknown-symbol`: Yahoo answers "No data found, symbol may be delisted" (a typo, or a delisted symbol);
 * - `no-data`: the symbol exists but has no daily bar in the requested range;
 * - `rate-limited`: HTTP 429;
 * - `server-error`: HTTP 5xx;
 * - `http-error`: any other refusal (403 from a proxy, 400, ...);
 * - `network`: no answer (connection refused, host not found, reset mid-response, timeout);
 * - `malformed`: an answer that is not JSON or not shaped like a chart.
 */
export type FetchFailure = "unknown-symbol" | "no-data" | "rate-limited" | "server-error" | "http-error" | "network" | "malformed";

/** The failures worth another attempt after a pause. */
const TRANSIENT: ReadonlySet<FetchFailure> = new Set(["rate-limited", "server-error", "network"]);

/** A failed price request, classified; the CLI prints its message and exits with code 2. */
export class PriceFetchError extends InputError {
  constructor(
    readonly failure: FetchFailure,
    message: string,
  ) {
    super("fetch-failed", message);
  }

  /** True for failures that may pass on retry (rate limits, server errors, network trouble). */
  get transient(): boolean {
    return TRANSIENT.has(this.failure);
  }
}
