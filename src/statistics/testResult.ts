/** A test's statistic, its two-sided p-value and the number of events it used. */
export interface TestResult {
  statistic: number;
  p: number;
  n: number;
}
