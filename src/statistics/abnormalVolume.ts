import { z } from "zod";
import { jsonNumber } from "../jsonNumber.js";
import { twoSidedTPValue } from "./studentT.js";

/** A window's cumulative abnormal log volume with its t, p, degrees of freedom and the window days that had volume. */
export const volumeWindowSchema = z.object({ cav: jsonNumber, t: jsonNumber, p: jsonNumber, df: z.number(), days: z.number() });

export type VolumeWindow = z.output<typeof volumeWindowSchema>;

/** The estimation-window mean and sd (n-1) of log volume `V_t = ln(1 + volume_t)`, over the days with volume. */
export interface VolumeBaseline {
  mean: number;
  sd: number;
  days: number;
}

/**
 * Mean-adjusted abnormal trading volume (Campbell & Wasley 1996, "Measuring abnormal daily trading volume for samples
 * of NYSE/ASE and NASDAQ securities using parametric and nonparametric test statistics", Rev. Quant. Finance Account.
 * 6(3); DESIGN §9): `V_t = ln(1 + volume_t)`, baseline mean and sd (n-1) over the estimation days with volume. A day with
 * volume 0 or none on file has no volume data and is skipped (Yahoo writes 0 on HK half-days).
 *
 * @example volumeBaseline(Float64Array.of(NaN, Math.E - 1, 0, Math.E ** 3 - 1), 1, 3) // { mean: 2, sd: sqrt 2, days: 2 }
 */
export function volumeBaseline(volume: ArrayLike<number>, first: number, last: number): VolumeBaseline {
  let days = 0;
  let sum = 0;
  for (let t = first; t <= last; t++) {
    if (volume[t]! > 0) {
      days++;
      sum += Math.log1p(volume[t]!);
    }
  }
  const mean = sum / days;
  let squares = 0;
  for (let t = first; t <= last; t++) if (volume[t]! > 0) squares += (Math.log1p(volume[t]!) - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / (days - 1)), days };
}

/** The abnormal log volume `AV_t = V_t - mean_est(V)` of day `t`, NaN when the day has no volume data. */
export function abnormalVolume(volume: number, baseline: VolumeBaseline): number {
  return volume > 0 ? Math.log1p(volume) - baseline.mean : Number.NaN;
}

/**
 * `CAV = sum AV` over the window days with volume (`L2` of them), `t = CAV / (s_V sqrt(L2))`, two-sided Student t with
 * `df = estimation days with volume - 1` (Campbell & Wasley 1996; DESIGN §9).
 *
 * @example cumulativeAbnormalVolume([0.5, NaN, 1.5], { mean: 0, sd: 1, days: 11 }) // cav 2, t = 2/sqrt(2), df 10, days 2
 */
export function cumulativeAbnormalVolume(abnormal: ArrayLike<number>, baseline: VolumeBaseline): VolumeWindow {
  let cav = 0;
  let days = 0;
  for (let i = 0; i < abnormal.length; i++) {
    if (Number.isNaN(abnormal[i]!)) continue;
    cav += abnormal[i]!;
    days++;
  }
  const df = Math.max(0, baseline.days - 1);
  if (days === 0 || df === 0) return { cav: Number.NaN, t: Number.NaN, p: Number.NaN, df, days };
  const t = cav / (baseline.sd * Math.sqrt(days));
  return { cav, t, p: twoSidedTPValue(t, df), df, days };
}
