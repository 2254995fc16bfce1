import jstatModule from "jstat";

/*
 * p-values for the reference implementations from jStat's distribution functions (an independent library, not
 * the product's src/statistics/studentT.ts, normal.ts or fDistribution.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const { jStat } = jstatModule as any;

/** Two-sided Student t p-value `2 P(T_df <= -|t|)`. */
export function twoSidedT(t: number, df: number): number {
  return 2 * jStat.studentt.cdf(-Math.abs(t), df);
}

/** Two-sided standard normal p-value `2 Phi(-|z|)`. */
export function twoSidedNormal(z: number): number {
  return 2 * jStat.normal.cdf(-Math.abs(z), 0, 1);
}

/** F upper tail `P(F_{d1,d2} > f)`. */
export function fUpperTail(f: number, d1: number, d2: number): number {
  return 1 - jStat.centralF.cdf(f, d1, d2);
}
