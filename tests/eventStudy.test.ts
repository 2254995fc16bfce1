import jstatModule from "jstat";
import { seededRandom } from "../src/statistics/seededRandom.js";
import { beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import type { PriceBar } from "../src/sources/priceBar.js";
import { columnsOf } from "../src/sources/priceCsv.js";
import { alignedReturns, analyseEvent, type AlignedReturns, type EventStudyOptions } from "../src/engine/eventStudy.js";
import { ols } from "./helpers/ols.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const { jStat } = jstatModule as any;


const N = 30;
const DAY0 = 25;

function syntheticData(): AlignedReturns {
  const uniform = seededRandom(12345);
  const noise = () => uniform() - 0.5;
  const dates: string[] = [];
  const firm = new Float64Array(N);
  const market = new Float64Array(N);
  for (let t = 0; t < N; t++) {
    dates.push(new Date(Date.UTC(2021, 0, 1 + t)).toISOString().slice(0, 10));
    if (t === 0) {
      firm[t] = Number.NaN;
      market[t] = Number.NaN;
      continue;
    }
    market[t] = 0.02 * noise();
    firm[t] = 0.001 + 1.2 * market[t]! + 0.01 * noise();
  }
  // An event: a -8% shock on day 0 and +2% the day after.
  firm[DAY0] = firm[DAY0]! - 0.08;
  firm[DAY0 + 1] = firm[DAY0 + 1]! + 0.02;
  return { dates, firm, market };
}

const OPTIONS: EventStudyOptions = {
  model: "market",
  returns: "simple",
  estimationWindow: [-20, -3],
  minEstimationObservations: 10,
  eventWindows: [
    [0, 0],
    [-1, 1],
  ],
};


const close = (actual: number, expected: number, rel = 1e-10) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

describe("analyseEvent, market model, on 30 synthetic days", () => {
  const data = syntheticData();
  // Built before each test, not in the describe body, so that Stryker's per-test coverage credits the tests with it.
  let result: ReturnType<typeof analyseEvent>;
  beforeEach(() => {
    result = analyseEvent("TEST", data, DAY0, OPTIONS);
  });

  // Estimation window [-20, -3] around day 0 = index 25 is indices 5..22: 18 observations.
  const estY: number[] = [];
  const estX: number[] = [];
  for (let t = DAY0 - 20; t <= DAY0 - 3; t++) {
    estY.push(data.firm[t]!);
    estX.push(data.market[t]!);
  }
  const fit = ols(estY, estX);
  const varAR = (rm: number) => fit.s2 * (1 + 1 / fit.n + (rm - fit.mx) ** 2 / fit.sxx);
  const ar = (t: number) => data.firm[t]! - fit.alpha - fit.beta * data.market[t]!;

  it("uses the 18 returns on offsets -20..-3 and names their dates", () => {
    expect(fit.n).toBe(18);
    expect(result.nEstimation).toBe(18);
    expect(result.estimation).toEqual({ start: data.dates[5], end: data.dates[22] });
    expect(result.day0).toBe(data.dates[DAY0]);
    expect(result.model).toBe("market");
  });

  it("alpha, beta and sigma equal an independent OLS, with L1 - 2 = 16 df", () => {
    close(result.alpha, fit.alpha);
    close(result.beta, fit.beta);
    close(result.sigma, Math.sqrt(fit.s2));
    expect(result.df).toBe(16);
    // The data were generated with beta 1.2; 18 noisy points land near it.
    expect(result.beta).toBeGreaterThan(0.5);
    expect(result.beta).toBeLessThan(2);
  });

  it("lists AR = R - a - b Rm and SAR = AR / sqrt(Var(AR)) for offsets -1, 0, 1", () => {
    expect(result.abnormalReturns.map((row) => row.offset)).toEqual([-1, 0, 1]);
    for (const row of result.abnormalReturns) {
      const t = DAY0 + row.offset;
      expect(row.date).toBe(data.dates[t]);
      expect(row.ret).toBe(data.firm[t]);
      expect(row.marketRet).toBe(data.market[t]);
      close(row.ar, ar(t));
      close(row.sar, ar(t) / Math.sqrt(varAR(data.market[t]!)));
    }
    // The -8% shock shows up as a strongly negative day-0 abnormal return.
    expect(result.abnormalReturns[1]!.ar).toBeLessThan(-0.05);
  });

  it("window [0,0]: CAR = AR_0, Var = Var(AR_0), t = CAR/sqrt(Var), p from Student t with 16 df", () => {
    const w = result.windows[0]!;
    expect([w.start, w.end, w.startDate, w.endDate]).toEqual([0, 0, data.dates[DAY0], data.dates[DAY0]]);
    const car = ar(DAY0);
    const variance = varAR(data.market[DAY0]!);
    const t = car / Math.sqrt(variance);
    close(w.car, car);
    close(w.variance, variance);
    close(w.t, t, 1e-9);
    expect(w.df).toBe(16);
    close(w.p, 2 * (1 - jStat.studentt.cdf(Math.abs(t), 16)), 1e-9);
  });

  it("window [-1,1]: CAR = sum of 3 ARs, Var(CAR) = s^2 (L2 + L2^2/L1 + (sum Rm - L2 Rm_bar)^2 / Smm)", () => {
    const w = result.windows[1]!;
    expect([w.start, w.end, w.startDate, w.endDate]).toEqual([-1, 1, data.dates[DAY0 - 1], data.dates[DAY0 + 1]]);
    const car = ar(DAY0 - 1) + ar(DAY0) + ar(DAY0 + 1);
    const sumRm = data.market[DAY0 - 1]! + data.market[DAY0]! + data.market[DAY0 + 1]!;
    const L2 = 3;
    const variance = fit.s2 * (L2 + (L2 * L2) / fit.n + (sumRm - L2 * fit.mx) ** 2 / fit.sxx);
    const t = car / Math.sqrt(variance);
    close(w.car, car);
    close(w.variance, variance);
    close(w.t, t, 1e-9);
    close(w.p, 2 * jStat.studentt.cdf(-Math.abs(t), 16), 1e-9);
    expect(w.p).toBeGreaterThan(0);
    expect(w.p).toBeLessThan(1);
  });

  it("BHAR = prod(1 + R) - prod(1 + a + b Rm) over each window", () => {
    for (const w of result.windows) {
      let actual = 1;
      let normal = 1;
      for (let t = DAY0 + w.start; t <= DAY0 + w.end; t++) {
        actual *= 1 + data.firm[t]!;
        normal *= 1 + fit.alpha + fit.beta * data.market[t]!;
      }
      close(w.bhar, actual - normal);
    }
  });
});

describe("analyseEvent with the other models", () => {
  const data = syntheticData();
  const estY: number[] = [];
  const estX: number[] = [];
  for (let t = DAY0 - 20; t <= DAY0 - 3; t++) {
    estY.push(data.firm[t]!);
    estX.push(data.market[t]!);
  }
  const n = estY.length;

  it("mean-adjusted: AR = R - mean, s^2 with L1 - 1 df, Var(CAR) = s^2 (L2 + L2^2/L1)", () => {
    const mean = estY.reduce((a, b) => a + b, 0) / n;
    const s2 = estY.reduce((a, y) => a + (y - mean) ** 2, 0) / (n - 1);
    const result = analyseEvent("TEST", data, DAY0, { ...OPTIONS, model: "mean-adjusted" });
    close(result.alpha, mean);
    expect(result.beta).toBe(0);
    close(result.sigma, Math.sqrt(s2));
    expect(result.df).toBe(n - 1);
    const w = result.windows[1]!;
    const car = data.firm[DAY0 - 1]! + data.firm[DAY0]! + data.firm[DAY0 + 1]! - 3 * mean;
    close(w.car, car);
    close(w.variance, s2 * (3 + 9 / n));
    close(w.p, 2 * jStat.studentt.cdf(-Math.abs(car / Math.sqrt(s2 * (3 + 9 / n))), n - 1), 1e-9);
  });

  it("market-adjusted: AR = R - Rm, s^2 = sample variance of estimation ARs, Var(CAR) = s^2 L2", () => {
    const diffs = estY.map((y, i) => y - estX[i]!);
    const mean = diffs.reduce((a, b) => a + b, 0) / n;
    const s2 = diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1);
    const result = analyseEvent("TEST", data, DAY0, { ...OPTIONS, model: "market-adjusted" });
    expect(result.alpha).toBe(0);
    expect(result.beta).toBe(1);
    expect(result.df).toBe(n - 1);
    const row0 = result.abnormalReturns.find((row) => row.offset === 0)!;
    close(row0.ar, data.firm[DAY0]! - data.market[DAY0]!);
    close(row0.sar, row0.ar / Math.sqrt(s2));
    close(result.windows[1]!.variance, 3 * s2);
  });

  it("log returns: BHAR = exp(sum R) - exp(sum E[R])", () => {
    const result = analyseEvent("TEST", data, DAY0, { ...OPTIONS, returns: "log" });
    const fit = ols(estY, estX);
    const w = result.windows[1]!;
    let sumR = 0;
    let sumE = 0;
    for (let t = DAY0 - 1; t <= DAY0 + 1; t++) {
      sumR += data.firm[t]!;
      sumE += fit.alpha + fit.beta * data.market[t]!;
    }
    close(w.bhar, Math.exp(sumR) - Math.exp(sumE));
  });
});

describe("analyseEvent errors", () => {
  const data = syntheticData();

  it("too few estimation observations is an InputError naming the symbol and the count", () => {
    // day 0 = 12: offsets -20..-3 would be indices -8..9, clipped to 1..9 (index 0 has no return): 9 < 10.
    let message = "";
    try {
      analyseEvent("TEST", data, 12, OPTIONS);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      message = (error as Error).message;
    }
    expect(message).toContain("TEST");
    expect(message).toMatch(/only 9 estimation observations/);
    expect(message).toContain("10");
  });

  it("clips the estimation window at the first return (index 1) when there are enough observations", () => {
    const result = analyseEvent("TEST", data, 12, { ...OPTIONS, minEstimationObservations: 9 });
    expect(result.nEstimation).toBe(9);
    expect(result.estimation).toEqual({ start: data.dates[1], end: data.dates[9] });
  });

  it("an event window beyond the end of the data is an InputError naming the last date", () => {
    // day 0 = 29 (the last index): window [-1, 1] needs index 30.
    let message = "";
    try {
      analyseEvent("TEST", data, 29, OPTIONS);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      message = (error as Error).message;
    }
    expect(message).toContain("TEST");
    expect(message).toContain(data.dates[29]);
  });

  it("an event window that ends exactly on the last date is fine", () => {
    expect(analyseEvent("TEST", data, 28, OPTIONS).windows[1]!.endDate).toBe(data.dates[29]);
  });
});

describe("alignedReturns", () => {
  function bar(date: string, adjClose: number, close = adjClose): PriceBar {
    return { date, open: close, high: close, low: close, close, adjClose, volume: 1 };
  }

  it("computes returns from adjClose (not close), simple and log, with NaN at index 0", () => {
    const prices = {
      dates: ["2021-01-04", "2021-01-05", "2021-01-06"],
      firm: columnsOf([bar("2021-01-04", 10, 20), bar("2021-01-05", 11, 22), bar("2021-01-06", 9.9, 19)]),
      market: columnsOf([bar("2021-01-04", 100), bar("2021-01-05", 102), bar("2021-01-06", 101)]),
    };
    const simple = alignedReturns(prices, "simple");
    expect(simple.dates).toEqual(prices.dates);
    expect(simple.firm[0]).toBeNaN();
    expect(simple.firm[1]).toBe(11 / 10 - 1);
    expect(simple.firm[2]).toBe(9.9 / 11 - 1);
    expect(simple.market[1]).toBe(102 / 100 - 1);
    const log = alignedReturns(prices, "log");
    expect(log.firm[1]).toBe(Math.log(11 / 10));
    expect(log.market[2]).toBe(Math.log(101 / 102));
  });
});
