import { averageRanks } from "./ranks.js";
import { twoSidedTPValue } from "./studentT.js";
import type { TestResult } from "./testResult.js";

/**
 * Accumulates, one firm at a time, the generalized rank statistics of Kolari & Pynnönen (2011), "Nonparametric rank
 * tests for event studies", J. Empir. Finance 18(5), for several "tests" at once (each an event window, or one day):
 * per firm, the estimation-window standardized residuals `SAR_it = e_it / s_i` and, per test, the cumulated event day's
 * re-standardized `SCAR*_i = SCAR_i / sd(SCAR)` (cross-sectional sd, n-1) form the firm's `T_i = L1_i + 1` GSARs,
 * ranked with ties averaged: `U_it = rank/(T_i + 1) - 1/2`. With `Ubar_t` the mean over the `n_t` firms present at
 * event-time day t (the estimation offsets and the cumulated event day), `S_U^2 = (1/T) sum_t (n_t/N) Ubar_t^2` with
 * `T = max T_i`, `Z = Ubar_0 / S_U` and `t_grank = Z sqrt((T-2)/(T-1-Z^2))`, Student t with `T-2` df (DESIGN §9).
 * Robust to event-induced volatility, cross-correlation and thin trading; assumes each firm's GSARs exchangeable
 * under the null.
 *
 * Work per firm: one ranking of its SARs, then O(L1) per test (the event day moves each rank by 0, 1/2 or 1).
 */
export class GrankAccumulator {
  private readonly base: Float64Array;
  private readonly counts: Int32Array;
  /** Per test and estimation cell, the rank shifts caused by the event day (`test * cells + cell`). */
  private readonly shifts: Float64Array;
  private readonly eventSums: Float64Array;
  private readonly eventCounts: Int32Array;
  private readonly cells: number;
  private longest = 0;

  /** For `tests` statistics over firms whose estimation offsets all lie in `[firstOffset, lastOffset]`. */
  constructor(private readonly firstOffset: number, lastOffset: number, private readonly tests: number) {
    this.cells = lastOffset - firstOffset + 1;
    this.base = new Float64Array(this.cells);
    this.counts = new Int32Array(this.cells);
    this.shifts = new Float64Array(tests * this.cells);
    this.eventSums = new Float64Array(tests);
    this.eventCounts = new Int32Array(tests);
  }

  /** One firm: its estimation offsets and SARs, and per test its SCAR* (NaN leaves the firm out of that test). */
  add(offsets: ArrayLike<number>, sars: ArrayLike<number>, scarStars: ArrayLike<number>): void {
    const n = sars.length;
    const scale = n + 2;
    const ranks = averageRanks(sars);
    for (let i = 0; i < n; i++) {
      const cell = offsets[i]! - this.firstOffset;
      this.base[cell]! += ranks[i]! / scale - 0.5;
      this.counts[cell]! += 1;
    }
    this.longest = Math.max(this.longest, n + 1);
    for (let test = 0; test < this.tests; test++) {
      const event = scarStars[test]!;
      if (Number.isNaN(event)) continue;
      let below = 0;
      let equal = 0;
      const row = test * this.cells;
      for (let i = 0; i < n; i++) {
        const sar = sars[i]!;
        if (sar < event) below++;
        else if (sar === event) {
          equal++;
          this.shifts[row + offsets[i]! - this.firstOffset]! += 0.5 / scale;
        } else this.shifts[row + offsets[i]! - this.firstOffset]! += 1 / scale;
      }
      this.eventSums[test]! += (below + 1 + equal / 2) / scale - 0.5;
      this.eventCounts[test]! += 1;
    }
  }

  /** The GRANK-T statistic and p of test `test` (null statistic when N < 2 or `T - 1 - Z^2 <= 0`). */
  result(test: number): TestResult {
    const n = this.eventCounts[test]!;
    const T = this.longest;
    if (n < 2) return { statistic: Number.NaN, p: Number.NaN, n };
    const eventMean = this.eventSums[test]! / n;
    let squares = eventMean * eventMean;
    const row = test * this.cells;
    for (let cell = 0; cell < this.cells; cell++) {
      const count = this.counts[cell]!;
      if (count === 0) continue;
      const mean = (this.base[cell]! + this.shifts[row + cell]!) / count;
      squares += (count / n) * mean * mean;
    }
    const z = eventMean / Math.sqrt(squares / T);
    const denominator = T - 1 - z * z;
    if (!(denominator > 0)) return { statistic: Number.NaN, p: Number.NaN, n };
    const statistic = z * Math.sqrt((T - 2) / denominator);
    return { statistic, p: twoSidedTPValue(statistic, T - 2), n };
  }
}
