import jstatModule from "jstat";

const { jStat } = jstatModule as unknown as typeof import("jstat");

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
