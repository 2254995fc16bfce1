import { twoSidedNormalPValue } from "./normal.js";
import { averageRanks } from "./ranks.js";
import type { TestResult } from "./testResult.js";

/** One firm's abnormal returns over its estimation window and event span, in event time. */
export interface EventTimeSeries {
  /** Offset (relative to day 0) of each abnormal return. */
  offsets: ArrayLike<number>;
  abnormalReturns: ArrayLike<number>;
}

/** Mean centred ranks `Kbar_t` by event-time offset and their standard deviation `S_U`. */
export interface CentredRanks {
  byOffset: Map<number, number>;
  sd: number;
}

/**
 * Accumulates firms' centred ranks by offset, one firm at a time, for the Corrado (1989) rank test with
 * Corrado & Zivney's (1992) standardisation: each firm's abnormal returns are ranked over its own sample
 * of `T_i` days (ties averaged), `U_it = rank / (T_i + 1)`, and `Kbar_t` is the mean of `U_it - 1/2`
 * over the firms present at offset `t` (no rescaling of partial cross-sections).
 * `S_U = sqrt(mean_t Kbar_t^2)` over every offset of the sample.
 */
export class CentredRankAccumulator {
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;

  /** For firms whose offsets all lie in `[firstOffset, lastOffset]`. */
  constructor(private readonly firstOffset: number, lastOffset: number) {
    this.sums = new Float64Array(lastOffset - firstOffset + 1);
    this.counts = new Int32Array(lastOffset - firstOffset + 1);
  }

  add(firm: EventTimeSeries): void {
    const ranks = averageRanks(firm.abnormalReturns);
    const scale = ranks.length + 1;
    for (let k = 0; k < ranks.length; k++) {
      const cell = firm.offsets[k]! - this.firstOffset;
      this.sums[cell]! += ranks[k]! / scale - 0.5;
      this.counts[cell]! += 1;
    }
  }

  result(): CentredRanks {
    const byOffset = new Map<number, number>();
    let squares = 0;
    for (let cell = 0; cell < this.sums.length; cell++) {
      if (this.counts[cell] === 0) continue;
      const mean = this.sums[cell]! / this.counts[cell]!;
      byOffset.set(cell + this.firstOffset, mean);
      squares += mean * mean;
    }
    return { byOffset, sd: Math.sqrt(squares / byOffset.size) };
  }
}

/** `Kbar_t` and `S_U` of a set of firms (see `CentredRankAccumulator`). */
export function meanCentredRanks(series: readonly EventTimeSeries[]): CentredRanks {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const firm of series) {
    for (let k = 0; k < firm.offsets.length; k++) {
      first = Math.min(first, firm.offsets[k]!);
      last = Math.max(last, firm.offsets[k]!);
    }
  }
  const accumulator = new CentredRankAccumulator(first, last);
  for (const firm of series) accumulator.add(firm);
  return accumulator.result();
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
export function rankTest(ranks: CentredRanks, start: number, end: number, n: number): TestResult {
  let sum = 0;
  for (let offset = start; offset <= end; offset++) sum += ranks.byOffset.get(offset) ?? 0;
  const statistic = sum / (Math.sqrt(end - start + 1) * ranks.sd);
  return { statistic, p: twoSidedNormalPValue(statistic), n };
}
