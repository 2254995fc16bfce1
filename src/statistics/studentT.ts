import betainc from "@stdlib/math-base-special-betainc";

/**
 * Two-sided p-value of a t statistic with `df` degrees of freedom, `P(|T| > |t|)`, through the regularized incomplete
 * beta function (Abramowitz & Stegun 1964, 26.7.1): with `x = df/(df + t^2)`, `p = I_x(df/2, 1/2)`, equivalently the
 * upper tail `1 - I_{1-x}(1/2, df/2)`. The smaller of `x` and `1 - x` is formed directly from `t^2` and `df` and the
 * matching tail is asked of stdlib's `betainc` (a port of Boost's `ibeta`, full double precision), so the p-value is
 * never `1 - cdf` and stays relative-accurate to about 1e-14 for any df and down to the smallest doubles (past
 * |t| ~ 1e154, where t^2 overflows, only for 1 df, the Cauchy case, is the tail still representable).
 *
 * @example twoSidedTPValue(2.228138851986, 10) // 0.05 (t table, 10 df)
 */
export function twoSidedTPValue(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  // One df is the Cauchy distribution, p = (2/pi) atan(1/|t|), which stays representable where t^2 overflows.
  if (df === 1) return (2 / Math.PI) * Math.atan(1 / Math.abs(t));
  const t2 = t * t;
  return t2 < df ? betainc(t2 / (df + t2), 0.5, df / 2, true, true) : betainc(df / (df + t2), df / 2, 0.5, true, false);
}
