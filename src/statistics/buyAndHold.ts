import type { ReturnKind } from "../returns/returns.js";
import { compoundReturn } from "../returns/returns.js";

/**
 * Buy-and-hold abnormal return over a window: `prod(1 + R_it) - prod(1 + E[R_it])`
 * (Barber & Lyon 1997, J. Financ. Econ. 43(3); Lyon, Barber & Tsai 1999, J. Finance 54(1)).
 * With log returns the products are `exp(sum R)`.
 *
 * @example buyAndHoldAbnormalReturn([0.1, 0.1], [0, 0]) // 0.21
 */
export function buyAndHoldAbnormalReturn(returns: ArrayLike<number>, expected: ArrayLike<number>, kind: ReturnKind = "simple"): number {
  return compoundReturn(returns, kind) - compoundReturn(expected, kind);
}
