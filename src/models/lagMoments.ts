/**
 * What the thin-trading regressions need, over the regression days: the estimation days `t` whose neighbours
 * `t-1` and `t+1` are also estimation days (L1 - 2 days, DESIGN §9). With the regressors in the order
 * `Rm_{t-1}, Rm_t, Rm_{t+1}`: their means, the firm's mean, the sums of cross-products of deviations
 * `Sxx[j][k]` and `Sxy[k]` (with `R_t`).
 */
type Triple = readonly [number, number, number];

export interface LagMoments {
  days: number;
  firmMean: number;
  marketMeans: readonly [number, number, number];
  sxx: readonly [Triple, Triple, Triple];
  sxy: readonly [number, number, number];
}

/** `lagMoments` of estimation-window returns (`firm[i]`, `market[i]` for the L1 estimation days in order), in two passes. */
export function lagMoments(firm: ArrayLike<number>, market: ArrayLike<number>): LagMoments {
  const days = firm.length - 2;
  let firmSum = 0;
  const sums = [0, 0, 0];
  for (let t = 1; t <= days; t++) {
    firmSum += firm[t]!;
    for (let k = 0; k < 3; k++) sums[k]! += market[t - 1 + k]!;
  }
  const firmMean = firmSum / days;
  const means = sums.map((sum) => sum / days) as [number, number, number];
  const sxx: [number, number, number][] = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const sxy: [number, number, number] = [0, 0, 0];
  for (let t = 1; t <= days; t++) {
    const dy = firm[t]! - firmMean;
    for (let j = 0; j < 3; j++) {
      const dj = market[t - 1 + j]! - means[j]!;
      sxy[j] += dj * dy;
      for (let k = 0; k < 3; k++) sxx[j]![k]! += dj * (market[t - 1 + k]! - means[k]!);
    }
  }
  return { days, firmMean, marketMeans: means, sxx: [sxx[0]!, sxx[1]!, sxx[2]!], sxy };
}
