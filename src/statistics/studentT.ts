import jstatModule from "jstat";

const { jStat } = jstatModule as unknown as typeof import("jstat");

/**
 * Two-sided p-value of a t statistic with `df` degrees of freedom: `2 * (1 - F_t(|t|; df))`,
 * from jStat's Student t distribution.
 *
 * @example twoSidedTPValue(2.228, 10) // ≈ 0.05 (t table, 10 df)
 */
export function twoSidedTPValue(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  return 2 * jStat.studentt.cdf(-Math.abs(t), df);
}

/**
 * The quantile of Student's t distribution with `df` degrees of freedom, `F_t^{-1}(probability; df)`,
 * from jStat: the critical value of a two-sided 95% interval is `studentTQuantile(0.975, df)`.
 *
 * @example studentTQuantile(0.975, 10) // ≈ 2.228 (t table, 10 df)
 */
export function studentTQuantile(probability: number, df: number): number {
  if (!(df > 0)) return Number.NaN;
  return jStat.studentt.inv(probability, df);
}
