/**
 * Plain-loop OLS of y on x, written independently of src/models: the reference the tests compare the
 * library's fits with. `s2 = SSE / (n - 2)`; `mx` and `sxx` are the mean and the sum of squared
 * deviations of x (for prediction-error variances).
 */
export function ols(y: ArrayLike<number>, x: ArrayLike<number>) {
  const n = y.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) * (x[i]! - mx);
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  const beta = sxy / sxx;
  const alpha = my - beta * mx;
  const residuals = Array.from({ length: n }, (_, i) => y[i]! - alpha - beta * x[i]!);
  const sse = residuals.reduce((sum, e) => sum + e * e, 0);
  return { alpha, beta, s2: sse / (n - 2), n, mx, sxx, residuals };
}
