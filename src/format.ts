/**
 * How numbers are written for people, in one place: the CLI tables, the verdicts, the HTML report and
 * the serve page all format through these.
 */

/** A fraction as a signed percentage: -0.102603 → "-10.26%", 0.0027 → "+0.27%"; null → "n/a". */
export function pct(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  return `${value > 0 ? "+" : ""}${(value * 100).toFixed(digits)}%`;
}

/** A fraction as a signed percentage with the typographic minus, for charts: -0.1026 → "−10.26%". */
export function signedPercent(value: number, digits = 2): string {
  return pct(value, digits).replace("-", "\u2212");
}

/** A fraction's size as a percentage, without sign: -0.102603 → "10.26%". */
export function magnitude(fraction: number, digits = 2): string {
  return `${Math.abs(fraction * 100).toFixed(digits)}%`;
}

/** A percentage as few digits as it needs: 0.14 → "14%", 0.1025 → "10.25%", 1/3 → "33.333%". */
export function shortPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(3))}%`;
}

/** A number with fixed decimals; null → "n/a". */
export function num(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  return value.toFixed(digits);
}

/** A model's slopes: "beta 0.524" for the market models, "betas Mkt-RF 0.524, SMB 0.090, HML -0.060" for a factor model. */
export function slopesText(model: { beta: number; betas?: Partial<Record<string, number>> | undefined }): string {
  return model.betas === undefined ? `beta ${num(model.beta, 3)}` : betasText(model.betas);
}

/** A factor model's slopes by factor: "betas Mkt-RF 0.524, SMB 0.090, HML -0.060". */
export function betasText(betas: Partial<Record<string, number>>): string {
  return `betas ${Object.entries(betas)
    .map(([factor, beta]) => `${factor} ${num(beta ?? null, 3)}`)
    .join(", ")}`;
}

/** A p-value for tables: four decimals, "<0.0001" below that. */
export function pval(p: number): string {
  if (!Number.isFinite(p)) return "n/a";
  return p < 0.0001 ? "<0.0001" : p.toFixed(4);
}

/** A p-value in a sentence: "p = 0.0123", "p < 0.0001". */
export function pValueText(p: number): string {
  return p < 0.0001 ? "p < 0.0001" : `p = ${p.toFixed(4)}`;
}

/** An amount of money with thousands separators and a scale word: 80_000_000_000 → "80.00 billion". */
export function money(amount: number): string {
  const size = Math.abs(amount);
  if (size >= 1e9) return `${(amount / 1e9).toFixed(2)} billion`;
  if (size >= 1e6) return `${(amount / 1e6).toFixed(2)} million`;
  return amount.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
