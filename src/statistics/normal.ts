import erfc from "@stdlib/math-base-special-erfc";

/**
 * Two-sided p-value of a standard normal statistic, `2 * Phi(-|z|) = erfc(|z|/sqrt(2))` (Abramowitz & Stegun 1964,
 * 7.1.2 and 26.2.29), from stdlib's `erfc` (FreeBSD msun's, full double precision in the tail), so the p-value keeps
 * its relative accuracy (about 1e-13 at |z| = 37, where it is 5.7e-300) instead of becoming 0 past |z| ~ 8.3.
 *
 * @example twoSidedNormalPValue(1.959963984540054) // 0.05
 */
export function twoSidedNormalPValue(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return erfc(Math.abs(z) / Math.SQRT2);
}
