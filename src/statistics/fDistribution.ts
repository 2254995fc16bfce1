import betainc from "@stdlib/math-base-special-betainc";

/**
 * Upper tail of Snedecor's F distribution with `(d1, d2)` degrees of freedom, `P(F > f)`, computed directly as the
 * regularized incomplete beta `I_{d2/(d2 + d1 f)}(d2/2, d1/2)` (Abramowitz & Stegun 1964, 26.6.2 and 26.5.2), never as
 * `1 - cdf`, so small p-values keep their relative accuracy. Used for the abnormal-volatility ratio (DESIGN §9).
 *
 * @example fSurvival(3.325834530413, 5, 10) // 0.05 (F table, 5 and 10 df)
 */
export function fSurvival(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return Number.NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  const d1f = d1 * f;
  return d1f > d2 ? betainc(d2 / (d2 + d1f), d2 / 2, d1 / 2, true, false) : betainc(d1f / (d2 + d1f), d1 / 2, d2 / 2, true, true);
}
