/** How a period return is measured: simple `P_t/P_{t-1} - 1` or log `ln(P_t/P_{t-1})`. */
export type ReturnKind = "simple" | "log";

/**
 * Returns of a price series, aligned with the prices: `returns[t]` spans `prices[t-1]` to `prices[t]`, and
 * `returns[0]` is NaN. Simple returns by default (Campbell, Lo & MacKinlay 1997, ch. 1).
 *
 * @example periodReturns([100, 110, 99]) // Float64Array [NaN, 0.1, -0.1]
 */
export function periodReturns(prices: ArrayLike<number>, kind: ReturnKind = "simple"): Float64Array {
  const out = new Float64Array(prices.length);
  out[0] = Number.NaN;
  for (let t = 1; t < prices.length; t++) {
    const ratio = prices[t]! / prices[t - 1]!;
    out[t] = kind === "log" ? Math.log(ratio) : ratio - 1;
  }
  return out;
}

/**
 * Compounded return of a run of period returns: `prod(1 + R_t) - 1` for simple returns,
 * `exp(sum R_t) - 1` for log returns.
 *
 * @example compoundReturn([0.1, -0.1]) // -0.01
 */
export function compoundReturn(returns: ArrayLike<number>, kind: ReturnKind = "simple"): number {
  if (kind === "log") {
    let sum = 0;
    for (let t = 0; t < returns.length; t++) sum += returns[t]!;
    return Math.exp(sum) - 1;
  }
  let growth = 1;
  for (let t = 0; t < returns.length; t++) growth *= 1 + returns[t]!;
  return growth - 1;
}
