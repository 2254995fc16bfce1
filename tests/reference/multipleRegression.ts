/**
 * Reference multiple regression with an intercept, written independently of src/models/factorFit.ts: the
 * design `X = [1, f_1..f_K]` (n x (K+1)) is reduced by Householder QR, `X = Q R`, the coefficients solve
 * `R b = Q'y` by back substitution, and `(X'X)^-1 = R^-1 R^-T`. No running sums, no centring, no Cholesky.
 */
export interface ReferenceFit {
  /** `[a, b_1..b_K]`. */
  coefficients: number[];
  residuals: number[];
  s2: number;
  df: number;
  /** `(X'X)^-1`, (K+1) x (K+1). */
  inverse: number[][];
}

export function multipleRegression(y: readonly number[], factors: readonly (readonly number[])[]): ReferenceFit {
  const n = y.length;
  const p = factors.length + 1;
  const a = Array.from({ length: n }, (_, i) => [1, ...factors.map((f) => f[i]!)]);
  const qty = [...y];
  for (let c = 0; c < p; c++) {
    let norm = 0;
    for (let i = c; i < n; i++) norm += a[i]![c]! ** 2;
    norm = Math.sqrt(norm);
    const alpha = a[c]![c]! > 0 ? -norm : norm;
    const v = Array.from({ length: n }, (_, i) => (i < c ? 0 : a[i]![c]!));
    v[c]! -= alpha;
    const vv = v.reduce((sum, x) => sum + x * x, 0);
    const reflect = (column: (i: number) => number, set: (i: number, value: number) => void) => {
      let dot = 0;
      for (let i = c; i < n; i++) dot += v[i]! * column(i);
      for (let i = c; i < n; i++) set(i, column(i) - (2 * dot * v[i]!) / vv);
    };
    for (let j = c; j < p; j++) reflect((i) => a[i]![j]!, (i, value) => (a[i]![j] = value));
    reflect((i) => qty[i]!, (i, value) => (qty[i] = value));
  }
  const r = (i: number, j: number) => (j < i ? 0 : a[i]![j]!);
  const coefficients = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let sum = qty[i]!;
    for (let j = i + 1; j < p; j++) sum -= r(i, j) * coefficients[j]!;
    coefficients[i] = sum / r(i, i);
  }
  // R^-1 (upper triangular) by back substitution, then (X'X)^-1 = R^-1 R^-T.
  const rInverse = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let c = 0; c < p; c++) {
    for (let i = c; i >= 0; i--) {
      let sum = i === c ? 1 : 0;
      for (let j = i + 1; j <= c; j++) sum -= r(i, j) * rInverse[j]![c]!;
      rInverse[i]![c] = sum / r(i, i);
    }
  }
  const inverse = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => rInverse[i]!.reduce((sum, x, m) => sum + x * rInverse[j]![m]!, 0)));
  const residuals = y.map((value, i) => value - coefficients[0]! - factors.reduce((sum, f, j) => sum + coefficients[j + 1]! * f[i]!, 0));
  const df = n - p;
  return { coefficients, residuals, s2: residuals.reduce((sum, e) => sum + e * e, 0) / df, df, inverse };
}

/** `s^2 (L2 + s_w'(X'X)^-1 s_w)` with `s_w` the window's sum of design rows `[1, f_t]` (rows given). */
export function referenceCarVariance(fit: ReferenceFit, windowRows: readonly (readonly number[])[]): number {
  const p = fit.coefficients.length;
  const sw = Array.from({ length: p }, (_, j) => windowRows.reduce((sum, row) => sum + (j === 0 ? 1 : row[j - 1]!), 0));
  let quadratic = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) quadratic += sw[i]! * fit.inverse[i]![j]! * sw[j]!;
  return fit.s2 * (windowRows.length + quadratic);
}
