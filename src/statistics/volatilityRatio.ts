import { z } from "zod";
import { jsonNumber } from "../jsonNumber.js";
import { fSurvival } from "./fDistribution.js";

/** A window's abnormal-volatility ratio and its one-sided p-value. */
export const volatilityResultSchema = z.object({ ratio: jsonNumber, p: jsonNumber });

export type VolatilityResult = z.output<typeof volatilityResultSchema>;

/**
 * Abnormal return volatility over an event window (DESIGN §9; the event-window variance test of Beaver 1968 and
 * Campbell, Lo & MacKinlay 1997, ch. 4): `ratio = mean_window(AR^2) / s^2`, which under the null of unchanged
 * variance and normal disturbances is F with `(L2, df)` degrees of freedom; `p = P(F > ratio)`, the upper tail
 * computed directly (`fSurvival`). Assumes independent abnormal returns and ignores the parameter-estimation error.
 *
 * @example volatilityRatio([0.02, -0.02], 0.0001, 238).ratio // (0.0004 + 0.0004) / 2 / 0.0001 = 4
 */
export function volatilityRatio(abnormalReturns: ArrayLike<number>, s2: number, df: number): VolatilityResult {
  const length = abnormalReturns.length;
  let squares = 0;
  for (let i = 0; i < length; i++) squares += abnormalReturns[i]! * abnormalReturns[i]!;
  const ratio = squares / length / s2;
  return { ratio, p: fSurvival(ratio, length, df) };
}
