import { seededRandom } from "./seededRandom.js";

/** A firm's estimation-window residuals on calendar dates (ascending; ISO strings or day numbers). */
export interface DatedResiduals {
  dates: ArrayLike<string | number>;
  residuals: ArrayLike<number>;
}

/**
 * Pearson correlation of two firms' residuals over the calendar dates both have (NaN with fewer than 3
 * common dates or a constant series): one pair's term of Kolari & Pynnönen's (2010) `r`.
 *
 * @example pairResidualCorrelation({ dates: [1, 2, 3], residuals: [1, 2, 3] }, { dates: [1, 2, 3], residuals: [2, 4, 7] }) // ≈ 0.9934
 */
export function pairResidualCorrelation(a: DatedResiduals, b: DatedResiduals): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0, j = 0; i < a.dates.length && j < b.dates.length; ) {
    const da = a.dates[i]!;
    const db = b.dates[j]!;
    if (da < db) i++;
    else if (db < da) j++;
    else {
      const x = a.residuals[i++]!;
      const y = b.residuals[j++]!;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
  }
  if (n < 3) return Number.NaN;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  return vx > 0 && vy > 0 ? (sxy - (sx * sy) / n) / Math.sqrt(vx * vy) : Number.NaN;
}

/** Pairs (i, j), i < j, of `n` firms: all of them up to `maxPairs`, else a fixed pseudo-random sample of `maxPairs`. */
export function residualPairs(n: number, maxPairs: number): { first: Int32Array; second: Int32Array } {
  const all = (n * (n - 1)) / 2;
  const count = Math.min(all, maxPairs);
  const first = new Int32Array(count);
  const second = new Int32Array(count);
  if (all <= maxPairs) {
    let k = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++, k++) [first[k], second[k]] = [i, j];
    return { first, second };
  }
  const random = seededRandom(0x5eed);
  for (let k = 0; k < count; k++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    [first[k], second[k]] = i < j ? [i, j] : [j, i];
  }
  return { first, second };
}

/**
 * Mean pairwise Pearson correlation of estimation-window residuals, each pair over the calendar dates
 * both firms have (at least 3), averaged over the pairs: the `r` of Kolari & Pynnönen (2010), Rev.
 * Financ. Stud. 23(11), section 2. Every pair counts up to `maxPairs` pairs; beyond that, `r` is
 * estimated without bias from a fixed pseudo-random sample of `maxPairs` pairs (reproducible).
 * Returns NaN when no pair overlaps.
 *
 * @example meanResidualCorrelation([{ dates: ["a", "b", "c"], residuals: [1, 2, 3] }, { dates: ["a", "b", "c"], residuals: [2, 4, 7] }]) // ≈ 0.9934
 */
export function meanResidualCorrelation(firms: readonly DatedResiduals[], maxPairs = 20_000): number {
  return meanResidualCorrelationOf(firms.length, (k) => firms[k]!, maxPairs);
}

/**
 * `meanResidualCorrelation` over `count` firms whose residuals are produced on demand by `residualsOf`
 * (so that large studies need not hold every residual series at once). When every pair counts (at most
 * ~200 firms for the default `maxPairs`), each firm's residuals are produced once and held.
 */
export function meanResidualCorrelationOf(count: number, residualsOf: (k: number) => DatedResiduals, maxPairs = 20_000): number {
  const { first, second } = residualPairs(count, maxPairs);
  const held = first.length === (count * (count - 1)) / 2 ? Array.from({ length: count }, (_, k) => residualsOf(k)) : null;
  const residuals = held === null ? residualsOf : (k: number) => held[k]!;
  let total = 0;
  let pairs = 0;
  for (let k = 0; k < first.length; k++) {
    const r = pairResidualCorrelation(residuals(first[k]!), residuals(second[k]!));
    if (!Number.isNaN(r)) {
      total += r;
      pairs++;
    }
  }
  return pairs === 0 ? Number.NaN : total / pairs;
}
