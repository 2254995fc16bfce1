import type { FittedModel } from "../../src/models/expectedReturnModel.js";
import { ols, pearson } from "../helpers/ols.js";

/**
 * Plain-loop reference fits of the thin-trading models (Scholes & Williams 1977; Dimson 1979; DESIGN §9), written
 * independently of src/models: the regression days are built as explicit arrays, the slopes come from the
 * tests' simple OLS and from the normal equations `(X'X) b = X'y` of the raw design `[1, Rm_{t-1}, Rm_t, Rm_{t+1}]`
 * solved by Gaussian elimination with partial pivoting.
 */

/** The regression days' returns: `R_t` and the market's `Rm_{t-1}`, `Rm_t`, `Rm_{t+1}` for t = 1 .. L1-2. */
function regressionDays(firm: ArrayLike<number>, market: ArrayLike<number>) {
  const y: number[] = [];
  const lag: number[] = [];
  const now: number[] = [];
  const lead: number[] = [];
  for (let t = 1; t < firm.length - 1; t++) {
    y.push(firm[t]!);
    lag.push(market[t - 1]!);
    now.push(market[t]!);
    lead.push(market[t + 1]!);
  }
  return { y, lag, now, lead };
}

/** Solves `A b = c` by Gaussian elimination with partial pivoting. */
function solve(a: number[][], c: number[]): number[] {
  const n = c.length;
  const m = a.map((row, i) => [...row, c[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= factor * m[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let k = r + 1; k < n; k++) sum -= m[r]![k]! * x[k]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

/**
 * The fitted model: `s^2 = SSE / (L1 - 2)` of `R - a - b Rm` over all L1 estimation days, df `L1 - 2`,
 * `Var(CAR) = L2 s^2` (no parameter-estimation terms).
 */
function fitted(model: "scholes-williams" | "dimson", firm: ArrayLike<number>, market: ArrayLike<number>, alpha: number, beta: number): FittedModel {
  const n = firm.length;
  let sse = 0;
  let marketSum = 0;
  for (let t = 0; t < n; t++) {
    sse += (firm[t]! - alpha - beta * market[t]!) ** 2;
    marketSum += market[t]!;
  }
  let smm = 0;
  for (let t = 0; t < n; t++) smm += (market[t]! - marketSum / n) ** 2;
  return { model, alpha, beta, s2: sse / (n - 2), df: n - 2, nEstimation: n, marketMean: marketSum / n, marketSumSquares: smm, estimatedMean: false, estimatedSlope: false };
}

export function scholesWilliamsReference(firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel & { rho: number } {
  const { y, lag, now, lead } = regressionDays(firm, market);
  const rho = pearson(now, lag);
  const beta = (ols(y, lag).beta + ols(y, now).beta + ols(y, lead).beta) / (1 + 2 * rho);
  const alpha = y.reduce((s, v) => s + v, 0) / y.length - (beta * now.reduce((s, v) => s + v, 0)) / now.length;
  return { ...fitted("scholes-williams", firm, market, alpha, beta), rho };
}

export function dimsonReference(firm: ArrayLike<number>, market: ArrayLike<number>): FittedModel & { slopes: number[] } {
  const { y, lag, now, lead } = regressionDays(firm, market);
  const rows = y.map((_, i) => [1, lag[i]!, now[i]!, lead[i]!]);
  const xtx = [0, 1, 2, 3].map((j) => [0, 1, 2, 3].map((k) => rows.reduce((s, row) => s + row[j]! * row[k]!, 0)));
  const xty = [0, 1, 2, 3].map((j) => rows.reduce((s, row, i) => s + row[j]! * y[i]!, 0));
  const [alpha, ...slopes] = solve(xtx, xty) as [number, number, number, number];
  return { ...fitted("dimson", firm, market, alpha, slopes[0]! + slopes[1]! + slopes[2]!), slopes };
}
