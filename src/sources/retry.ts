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
 * Runs `task` until it succeeds, its error is not transient, or the attempts are used up; the pause
 * before attempt k+1 is `baseDelayMs * 2^(k-1)` (exponential backoff). The last error is rethrown.
 *
 * @example await withRetry(() => fetchChart("1810.HK"), DEFAULT_RETRY, (e) => e instanceof PriceFetchError && e.transient)
 */
export async function withRetry<T>(task: () => Promise<T>, policy: RetryPolicy, isTransient: (error: unknown) => boolean, onRetry?: RetryListener): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error;
      const delayMs = policy.baseDelayMs * 2 ** (attempt - 1);
      onRetry?.(error, attempt, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
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
