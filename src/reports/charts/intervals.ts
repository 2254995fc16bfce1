import { mean, sampleStandardDeviation } from "simple-statistics";
import { studentTQuantile } from "../../statistics/studentTQuantile.js";

/** A point estimate with its 95% interval. */
export interface Interval {
  value: number;
  lower: number;
  upper: number;
}

/**
 * One firm's CAR with its 95% interval `CAR +/- t_{0.975, df} sqrt(Var(CAR))`, the prediction-error
 * variance of the window (MacKinlay 1997, eq. (14)).
 */
export function carInterval(car: number, variance: number, df: number): Interval {
  const halfWidth = studentTQuantile(0.975, df) * Math.sqrt(variance);
  return { value: car, lower: car - halfWidth, upper: car + halfWidth };
}

/**
 * The mean of firms' CARs with its 95% interval `mean +/- t_{0.975, N-1} sd / sqrt(N)`, the cross-sectional
 * standard error (Brown & Warner 1985); a single CAR has no interval (both bounds are the value).
 */
export function crossSectionalInterval(cars: readonly number[]): Interval {
  const value = mean(cars as number[]);
  const halfWidth = cars.length > 1 ? (studentTQuantile(0.975, cars.length - 1) * sampleStandardDeviation(cars as number[])) / Math.sqrt(cars.length) : 0;
  return { value, lower: value - halfWidth, upper: value + halfWidth };
}
