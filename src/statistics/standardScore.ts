import { mean, sampleStandardDeviation, zScore } from "simple-statistics";

/**
 * z-score of a value against a sample: `(x - mean) / sd`, with the sample standard deviation (n - 1).
 *
 * @example standardScore(4, [1, 2, 3]) // (4 - 2) / 1 = 2
 */
export function standardScore(value: number, sample: ArrayLike<number>): number {
  const values = Array.from(sample);
  return zScore(value, mean(values), sampleStandardDeviation(values));
}

/**
 * Empirical percentile of a value in a sample: the share of the sample strictly below it
 * (0 = lower than every other observation, 1 = higher than all of them).
 *
 * @example shareBelow(-0.1, [-0.2, 0, 0.1, 0.3]) // 0.25
 */
export function shareBelow(value: number, sample: ArrayLike<number>): number {
  let below = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i]! < value) below++;
  return below / sample.length;
}
