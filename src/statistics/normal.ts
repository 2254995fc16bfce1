import jstatModule from "jstat";

const { jStat } = jstatModule as unknown as typeof import("jstat");

/**
 * Two-sided p-value of a standard normal statistic: `2 * Phi(-|z|)`.
 *
 * @example twoSidedNormalPValue(1.959964) // ≈ 0.05
 */
export function twoSidedNormalPValue(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return 2 * jStat.normal.cdf(-Math.abs(z), 0, 1);
}
