/** A firm's estimation-window residuals on calendar dates (ascending `YYYY-MM-DD`). */
export interface DatedResiduals {
  dates: readonly string[];
  residuals: ArrayLike<number>;
}

/**
 * Mean pairwise Pearson correlation of estimation-window residuals, each pair over the calendar dates
 * both firms have (at least 3), averaged over all such pairs: the `r` of Kolari & Pynnönen (2010),
 * Rev. Financ. Stud. 23(11), section 2. Returns NaN when no pair overlaps.
 *
 * @example meanResidualCorrelation([{ dates: ["a", "b", "c"], residuals: [1, 2, 3] }, { dates: ["a", "b", "c"], residuals: [2, 4, 7] }]) // ≈ 0.9934
 */
export function meanResidualCorrelation(firms: readonly DatedResiduals[]): number {
  const calendar = [...new Set(firms.flatMap((firm) => firm.dates))].sort();
  const position = new Map(calendar.map((date, i) => [date, i]));
  const panel = firms.map((firm) => {
    const row = new Float64Array(calendar.length).fill(Number.NaN);
    for (let k = 0; k < firm.dates.length; k++) row[position.get(firm.dates[k]!)!] = firm.residuals[k]!;
    return row;
  });
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < panel.length; i++) {
    for (let j = i + 1; j < panel.length; j++) {
      const r = pairCorrelation(panel[i]!, panel[j]!);
      if (!Number.isNaN(r)) {
        total += r;
        pairs++;
      }
    }
  }
  return pairs === 0 ? Number.NaN : total / pairs;
}

function pairCorrelation(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let t = 0; t < x.length; t++) {
    const a = x[t]!;
    const b = y[t]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  if (n < 3) return Number.NaN;
  const cov = sxy - (sx * sy) / n;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Number.NaN;
}
