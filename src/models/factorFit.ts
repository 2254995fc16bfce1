/**
 * Running sums of factor returns `f_1..f_K` and the firm's excess return `y = R - RF`, centred on their
 * full-sample means so that window sums keep their precision: `sums[j][t] = sum_{s<t} (z_js - centre_j)`
 * over the variables `z = [f_1..f_K, y]`, and `products[pair(i, j)][t]` the same for `(z_i - c_i)(z_j - c_j)`.
 * Index 0 (no previous price) is left out of every sum, as in `returnSums`.
 */
export interface FactorSums {
  /** The number of factors K. */
  k: number;
  centre: Float64Array;
  sums: Float64Array[];
  products: Float64Array[];
}

/** Index of the pair (i, j), i >= j, in the packed lower triangle. */
function pair(i: number, j: number): number {
  return i >= j ? (i * (i + 1)) / 2 + j : (j * (j + 1)) / 2 + i;
}

/** Builds the running sums of `y` and the K factor series, all aligned on the same dates (`[0]` skipped). */
export function factorSums(y: ArrayLike<number>, factors: readonly ArrayLike<number>[]): FactorSums {
  const n = y.length;
  const variables = [...factors, y];
  const m = variables.length;
  const centre = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let t = 1; t < n; t++) centre[j]! += variables[j]![t]!;
    centre[j] = n > 1 ? centre[j]! / (n - 1) : 0;
  }
  const sums = Array.from({ length: m }, () => new Float64Array(n + 1));
  const products = Array.from({ length: (m * (m + 1)) / 2 }, () => new Float64Array(n + 1));
  const u = new Float64Array(m);
  for (let t = 1; t < n; t++) {
    for (let j = 0; j < m; j++) {
      u[j] = variables[j]![t]! - centre[j]!;
      sums[j]![t + 1] = sums[j]![t]! + u[j]!;
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j <= i; j++) {
        const p = products[pair(i, j)]!;
        p[t + 1] = p[t]! + u[i]! * u[j]!;
      }
    }
  }
  return { k: factors.length, centre, sums, products };
}

/**
 * A factor model fitted on an estimation window: intercept `alpha`, slopes `betas` (one per factor), the
 * residual variance `s2 = SSE/(L1-K-1)` with `df = L1-K-1`, and what the prediction-error variance needs:
 * the factors' window means and the inverse of their centred cross-product matrix `C = sum (f - fbar)(f - fbar)'`
 * (K x K, row-major).
 */
export interface FactorFit {
  alpha: number;
  betas: Float64Array;
  s2: number;
  df: number;
  nEstimation: number;
  factorMeans: Float64Array;
  inverse: Float64Array;
}

/**
 * Fits `y_t = a + sum_k b_k f_kt + e_t` by OLS over the estimation window `[first, last]` (indices into the
 * series) in O(K^3), independent of the window's length, from running sums. With centred window moments
 * `C_ff` (K x K) and `c_fy`, the normal equations of the (K+1)-parameter regression reduce to
 * `C_ff b = c_fy`, `a = ybar - b' fbar`, `SSE = C_yy - b' c_fy` (Greene 2018, Econometric Analysis, 8th ed.,
 * sec. 3.5, partitioned regression); `C_ff` is inverted through its Cholesky factor. Collinear factors over the
 * window (a factor constant, or one a combination of others) leave `C_ff` singular: the fit is all NaN.
 *
 * Reference: Fama & French (1993), "Common risk factors in the returns on stocks and bonds", J. Financ.
 * Econ. 33(1); Carhart (1997), J. Finance 52(1); Fama & French (2015), J. Financ. Econ. 116(1).
 */
export function fitFactorsOnWindow(sums: FactorSums, first: number, last: number): FactorFit {
  const { k } = sums;
  const n = last - first + 1;
  const windowSum = (j: number) => sums.sums[j]![last + 1]! - sums.sums[j]![first]!;
  const moment = (i: number, j: number) => {
    const p = sums.products[pair(i, j)]!;
    return p[last + 1]! - p[first]! - (windowSum(i) * windowSum(j)) / n;
  };
  const covariance = new Float64Array(k * k);
  const crossY = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) covariance[i * k + j] = covariance[j * k + i] = moment(i, j);
    crossY[i] = moment(k, i);
  }
  const inverse = symmetricInverse(covariance, k);
  const betas = new Float64Array(k);
  let explained = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) betas[i]! += inverse[i * k + j]! * crossY[j]!;
    explained += betas[i]! * crossY[i]!;
  }
  const factorMeans = Float64Array.from({ length: k }, (_, j) => sums.centre[j]! + windowSum(j) / n);
  let alpha = sums.centre[k]! + windowSum(k) / n;
  for (let j = 0; j < k; j++) alpha -= betas[j]! * factorMeans[j]!;
  const df = n - k - 1;
  return { alpha, betas, s2: (moment(k, k) - explained) / df, df, nEstimation: n, factorMeans, inverse };
}

/** Sum of factor `j`'s returns over `[first, last]`, from the running sums. */
export function factorWindowSum(sums: FactorSums, j: number, first: number, last: number): number {
  return sums.sums[j]![last + 1]! - sums.sums[j]![first]! + (last - first + 1) * sums.centre[j]!;
}

/**
 * The prediction-error variance of a sum of `L2` abnormal returns of a factor model,
 * `Var(CAR) = s^2 (L2 + s_w'(X'X)^-1 s_w)` with `s_w = sum_window [1, f_t]` and `X` the estimation design;
 * by the partitioned inverse of `X'X` this is `s^2 (L2 + L2^2/L1 + d' C_ff^-1 d)`, `d = sum_window f - L2 fbar`.
 * For one day it is `Var(AR_t) = s^2 (1 + x_t'(X'X)^-1 x_t)`. Assumes i.i.d. normal disturbances.
 *
 * Reference: Campbell, Lo & MacKinlay (1997), The Econometrics of Financial Markets, eq. 4.4.7-4.4.8 and
 * 4.4.13 (for K = 1 this is `carVariance`'s market-model formula).
 *
 * @example
 * // s2 = 1, L1 = 4, one factor with fbar = 0 and C = 2, one day with f = 1: 1 + 1/4 + 1/2
 * factorCarVariance({ s2: 1, nEstimation: 4, factorMeans: Float64Array.of(0), inverse: Float64Array.of(0.5) }, 1, Float64Array.of(1)) // 1.75
 */
export function factorCarVariance(fit: Pick<FactorFit, "s2" | "nEstimation" | "factorMeans" | "inverse">, windowLength: number, windowFactorSums: ArrayLike<number>): number {
  const k = fit.factorMeans.length;
  let quadratic = 0;
  for (let i = 0; i < k; i++) {
    const di = windowFactorSums[i]! - windowLength * fit.factorMeans[i]!;
    for (let j = 0; j < k; j++) quadratic += di * fit.inverse[i * k + j]! * (windowFactorSums[j]! - windowLength * fit.factorMeans[j]!);
  }
  return fit.s2 * (windowLength + (windowLength * windowLength) / fit.nEstimation + quadratic);
}

/**
 * The inverse of a symmetric positive definite K x K matrix (row-major) through its Cholesky factor
 * `A = L L'`, `A^-1 = L'^-1 L^-1`; all NaN when a pivot is not positive (a singular or indefinite matrix).
 */
function symmetricInverse(a: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * k + j]!;
      for (let m = 0; m < j; m++) sum -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (!(sum > a[i * k + i]! * 1e-12)) return new Float64Array(k * k).fill(Number.NaN);
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j]!;
      }
    }
  }
  // L^-1, lower triangular, by forward substitution on the identity.
  const li = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    for (let i = c; i < k; i++) {
      let sum = i === c ? 1 : 0;
      for (let m = c; m < i; m++) sum -= l[i * k + m]! * li[m * k + c]!;
      li[i * k + c] = sum / l[i * k + i]!;
    }
  }
  const inverse = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let m = i; m < k; m++) sum += li[m * k + i]! * li[m * k + j]!;
      inverse[i * k + j] = inverse[j * k + i] = sum;
    }
  }
  return inverse;
}
