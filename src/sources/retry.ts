/** How often and how patiently to retry a transient failure. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Pause before the second attempt; each further pause doubles it. */
  baseDelayMs: number;
}

/** Four attempts, pausing 0.5 s, 1 s and 2 s between them. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500 };

/** Told before each pause: the error that ended an attempt, the attempt's number and the pause. */
export type RetryListener = (error: unknown, attempt: number, delayMs: number) => void;

/**
 * Runs `task` until it succeeds, its error is not worth another attempt (`retryable(error, attempt)`),
 * the attempts are used up, or `deadline` is aborted; the pause before attempt k+1 is
 * `baseDelayMs * 2^(k-1)` (exponential backoff), cut short by the deadline. The last error is rethrown.
 *
 * @example await withRetry(() => fetchChart("1810.HK"), DEFAULT_RETRY, (e, attempt) => e instanceof PriceFetchError && e.retryable(attempt))
 */
export async function withRetry<T>(
  task: () => Promise<T>,
  policy: RetryPolicy,
  retryable: (error: unknown, attempt: number) => boolean,
  onRetry?: RetryListener,
  deadline?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= policy.attempts || !retryable(error, attempt) || deadline?.aborted) throw error;
      const delayMs = policy.baseDelayMs * 2 ** (attempt - 1);
      onRetry?.(error, attempt, delayMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        deadline?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (deadline?.aborted) throw error;
    }
  }
}

/**
 * Applies an async function to every item with at most `limit` calls running at once; results keep
 * the items' order.
 *
 * @example await mapWithConcurrency(["1810.HK", "0700.HK"], 2, fetchOne)
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
