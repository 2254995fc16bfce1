import { mean, sampleStandardDeviation } from "simple-statistics";
import { twoSidedTPValue } from "./studentT.js";
import type { TestResult } from "./testResult.js";

/**
 * Boehmer, Musumeci & Poulsen (1991) standardised cross-sectional test (J. Financ. Econ. 30(2)):
 * `t = mean(SCAR) / (sd(SCAR) / sqrt(N))`, Student t with N - 1 degrees of freedom. Robust to
 * event-induced variance; assumes cross-sectionally independent events.
 *
 * @example bmpT([1, 2, 3]).statistic // 2 / (1 / sqrt(3)) ≈ 3.4641
 */
export function bmpT(scars: readonly number[]): TestResult {
  const n = scars.length;
  if (n < 2) return { statistic: Number.NaN, p: Number.NaN, n };
  const statistic = mean(scars as number[]) / (sampleStandardDeviation(scars as number[]) / Math.sqrt(n));
  return { statistic, p: twoSidedTPValue(statistic, n - 1), n };
}

/**
 * Kolari & Pynnönen (2010) adjustment of the BMP statistic for event-date clustering (Rev. Financ.
 * Stud. 23(11), eq. 12): `t_KP = t_BMP * sqrt((1 - r) / (1 + (N - 1) r))`, with `r` the mean pairwise
 * correlation of the firms' estimation-window residuals; Student t with N - 1 degrees of freedom.
 *
 * @example kolariPynnonenT([1, 2, 3], 0.1).statistic // 3.4641 * sqrt(0.9 / 1.2) ≈ 3.0
 */
export function kolariPynnonenT(scars: readonly number[], r: number): TestResult {
  const bmp = bmpT(scars);
  const statistic = bmp.statistic * Math.sqrt((1 - r) / (1 + (bmp.n - 1) * r));
  return { statistic, p: twoSidedTPValue(statistic, bmp.n - 1), n: bmp.n };
}
