/**
 * Plain-loop reference implementations of GRANK-T (Kolari & Pynnönen 2011) and the SQ test (Gelbach, Helland &
 * Klick 2013), written from the papers and DESIGN §9 independently of src/statistics: quadratic ranking, explicit
 * window sums, per-label maps. The tests compare the product with these.
 */

/** Average rank (1-based, ties averaged) of `values[i]` among `values`, counted one pair at a time. */
function rankOf(values: readonly number[], i: number): number {
  let below = 0;
  let ties = 0;
  values.forEach((value, j) => {
    if (value < values[i]!) below++;
    else if (value === values[i]! && j !== i) ties++;
  });
  return below + 1 + ties / 2;
}

export interface GrankFirmInput {
  /** Event-time offsets of the estimation days. */
  offsets: readonly number[];
  /** Estimation-window residuals and the model's residual sd. */
  residuals: readonly number[];
  s: number;
  /** The window's standardized CAR, CAR / sqrt(Var(CAR)). */
  scar: number;
}

/** GRANK-T statistic and its degrees of freedom, or null statistic when undefined. */
export function grankReference(firms: readonly GrankFirmInput[]): { t: number; df: number } {
  const n = firms.length;
  const scars = firms.map((f) => f.scar);
  const meanScar = scars.reduce((a, b) => a + b, 0) / n;
  const sdScar = Math.sqrt(scars.reduce((a, b) => a + (b - meanScar) ** 2, 0) / (n - 1));
  const byLabel = new Map<string, number[]>();
  let T = 0;
  for (const firm of firms) {
    const gsar = [...firm.residuals.map((e) => e / firm.s), firm.scar / sdScar];
    const labels = [...firm.offsets.map(String), "event"];
    T = Math.max(T, gsar.length);
    gsar.forEach((_, i) => {
      const u = rankOf(gsar, i) / (gsar.length + 1) - 0.5;
      const list = byLabel.get(labels[i]!) ?? [];
      list.push(u);
      byLabel.set(labels[i]!, list);
    });
  }
  let su2 = 0;
  for (const list of byLabel.values()) {
    const ubar = list.reduce((a, b) => a + b, 0) / list.length;
    su2 += (list.length / n) * ubar * ubar;
  }
  su2 /= T;
  const event = byLabel.get("event")!;
  const z = event.reduce((a, b) => a + b, 0) / event.length / Math.sqrt(su2);
  return { t: z * Math.sqrt((T - 2) / (T - 1 - z * z)), df: T - 2 };
}

/** SQ test: every window sum of `length` consecutive residuals written out, then the counts of DESIGN §9. */
export function sqReference(residuals: readonly number[], length: number, car: number) {
  const sums: number[] = [];
  for (let j = 0; j + length <= residuals.length; j++) {
    let sum = 0;
    for (let i = j; i < j + length; i++) sum += residuals[i]!;
    sums.push(sum);
  }
  const m = sums.length;
  const lower = (1 + sums.filter((s) => s <= car).length) / (m + 1);
  const upper = (1 + sums.filter((s) => s >= car).length) / (m + 1);
  return { p: Math.min(1, 2 * Math.min(lower, upper)), quantile: sums.filter((s) => s < car).length / m, minP: Math.min(1, 2 / (m + 1)) };
}
