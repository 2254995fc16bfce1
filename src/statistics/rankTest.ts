import { twoSidedNormalPValue } from "./normal.js";
import { averageRanks } from "./ranks.js";
import type { TestResult } from "./testResult.js";

/** One firm's abnormal returns over its estimation window and event span, in event time. */
export interface EventTimeSeries {
  /** Offset (relative to day 0) of each abnormal return. */
  offsets: ArrayLike<number>;
  abnormalReturns: ArrayLike<number>;
}

/**
 * Mean centred ranks by event-time offset for the Corrado (1989) rank test, with Corrado & Zivney's
 * (1992) standardisation: each firm's abnormal returns are ranked over its own sample of `T_i` days
 * (ties averaged), `U_it = rank / (T_i + 1)`, and `Kbar_t` is the mean of `U_it - 1/2` over the firms
 * present at offset `t`. `S_U = sqrt(mean_t Kbar_t^2)` over every offset of the sample.
 */
export function meanCentredRanks(series: readonly EventTimeSeries[]): { byOffset: Map<number, number>; sd: number } {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const firm of series) {
    const ranks = averageRanks(firm.abnormalReturns);
    const scale = ranks.length + 1;
    for (let k = 0; k < ranks.length; k++) {
      const offset = firm.offsets[k]!;
      const cell = sums.get(offset) ?? { sum: 0, n: 0 };
      cell.sum += ranks[k]! / scale - 0.5;
      cell.n += 1;
      sums.set(offset, cell);
    }
  }
  const byOffset = new Map<number, number>();
  let squares = 0;
  for (const [offset, { sum, n }] of sums) {
    const mean = sum / n;
    byOffset.set(offset, mean);
    squares += mean * mean;
  }
  return { byOffset, sd: Math.sqrt(squares / sums.size) };
}

/**
 * Corrado rank test over an event window `[start, end]` (Cowan 1992's multi-day extension):
 * `T = sum_{t=start..end} Kbar_t / (sqrt(L2) * S_U)`, standard normal under the null.
 * References: Corrado (1989), J. Financ. Econ. 23(2); Corrado & Zivney (1992), J. Financ. Quant. Anal.
 * 27(3); Cowan (1992), Rev. Quant. Finance Account. 2(4). Assumes each firm's abnormal returns are
 * exchangeable over its sample under the null.
 *
 * @example
 * // Kbar over offsets {-2, -1, 0} = {-0.25, 0, 0.25}: S_U = sqrt(0.125/3); day 0: 0.25 / S_U ≈ 1.2247
 */
export function rankTest(ranks: { byOffset: Map<number, number>; sd: number }, start: number, end: number, n: number): TestResult {
  let sum = 0;
  for (let offset = start; offset <= end; offset++) sum += ranks.byOffset.get(offset) ?? 0;
  const statistic = sum / (Math.sqrt(end - start + 1) * ranks.sd);
  return { statistic, p: twoSidedNormalPValue(statistic), n };
}
