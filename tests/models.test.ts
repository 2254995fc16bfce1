import { describe, expect, it } from "vitest";
import { fitOnWindow, returnSums } from "../src/models/windowFit.js";
import { compoundReturn, periodReturns } from "../src/returns/returns.js";
import { buyAndHoldAbnormalReturn } from "./reference/eventStudy.js";
import { analyseEvents, prepareFirm } from "../src/engine/eventBatch.js";
import type { ReturnKind } from "../src/returns/returns.js";
import { isoDates } from "./helpers/random.js";
import { expectedReturn, fitMarketAdjusted, fitMarketModel, fitMeanAdjusted, fitModel } from "./reference/models.js";
import { carVariance } from "../src/statistics/predictionErrorVariance.js";
import { twoSidedTPValue } from "../src/statistics/studentT.js";

/**
 * Five estimation days worked out by hand.
 *   Rm = 0.00, 0.01, 0.02, 0.03, 0.04    mean 0.02, deviations dm = -0.02, -0.01, 0, 0.01, 0.02
 *   Ri = 0.01, 0.00, 0.04, 0.05, 0.05    mean 0.15/5 = 0.03, deviations dr = -0.02, -0.03, 0.01, 0.02, 0.02
 *   Smm = 0.0004 + 0.0001 + 0 + 0.0001 + 0.0004 = 0.0010
 *   Smf = sum dm*dr = 0.0004 + 0.0003 + 0 + 0.0002 + 0.0004 = 0.0013
 *   beta = 0.0013 / 0.0010 = 1.3;  alpha = 0.03 - 1.3 * 0.02 = 0.004
 *   fitted = 0.004, 0.017, 0.030, 0.043, 0.056
 *   e      = 0.006, -0.017, 0.010, 0.007, -0.006   (sum 0, sum dm*e = 0)
 *   SSE = (36 + 289 + 100 + 49 + 36) e-6 = 0.000510;  s^2 = SSE / (5 - 2) = 0.00017
 */
const RM = [0.0, 0.01, 0.02, 0.03, 0.04];
const RI = [0.01, 0.0, 0.04, 0.05, 0.05];

describe("fitMarketModel (OLS)", () => {
  it("matches the hand-computed alpha 0.004, beta 1.3, s^2 = 0.00051/3 on five points", () => {
    const m = fitMarketModel(RI, RM);
    expect(m.model).toBe("market");
    expect(m.beta).toBeCloseTo(1.3, 12);
    expect(m.alpha).toBeCloseTo(0.004, 14);
    expect(m.s2).toBeCloseTo(0.00051 / 3, 15);
    expect(m.df).toBe(3);
    expect(m.nEstimation).toBe(5);
    expect(m.marketMean).toBeCloseTo(0.02, 15);
    expect(m.marketSumSquares).toBeCloseTo(0.001, 15);
    expect(m.estimatedMean).toBe(true);
    expect(m.estimatedSlope).toBe(true);
  });

  it("recovers an exact line with zero residual variance: Ri = -0.01 + 2 Rm", () => {
    const m = fitMarketModel([0.01, 0.03, 0.05], [0.01, 0.02, 0.03]);
    expect(m.beta).toBeCloseTo(2, 12);
    expect(m.alpha).toBeCloseTo(-0.01, 14);
    expect(m.s2).toBeCloseTo(0, 15);
    expect(m.df).toBe(1);
  });

  it("accepts typed arrays", () => {
    const m = fitMarketModel(Float64Array.from(RI), Float64Array.from(RM));
    expect(m.beta).toBeCloseTo(1.3, 12);
  });

  it("expectedReturn is alpha + beta * Rm: 0.004 + 1.3 * 0.05 = 0.069", () => {
    expect(expectedReturn(fitMarketModel(RI, RM), 0.05)).toBeCloseTo(0.069, 13);
  });

  it("fitModel dispatches by name", () => {
    expect(fitModel("market", RI, RM).beta).toBeCloseTo(1.3, 12);
    expect(fitModel("mean-adjusted", RI, RM).model).toBe("mean-adjusted");
    expect(fitModel("market-adjusted", RI, RM).model).toBe("market-adjusted");
  });
});

describe("fitMeanAdjusted", () => {
  it("alpha = mean(Ri) = 0.03, beta 0, s^2 = (4+9+1+4+4)e-4 / 4 = 0.00055 with 4 df", () => {
    const m = fitMeanAdjusted(RI, RM);
    expect(m.alpha).toBeCloseTo(0.03, 15);
    expect(m.beta).toBe(0);
    expect(m.s2).toBeCloseTo(0.00055, 15);
    expect(m.df).toBe(4);
    expect(m.nEstimation).toBe(5);
    expect(m.marketMean).toBeCloseTo(0.02, 15);
    expect(m.marketSumSquares).toBeCloseTo(0.001, 15);
    expect(m.estimatedMean).toBe(true);
    expect(m.estimatedSlope).toBe(false);
  });

  it("its expected return ignores the market", () => {
    expect(expectedReturn(fitMeanAdjusted(RI, RM), 0.5)).toBeCloseTo(0.03, 15);
  });
});

describe("fitMarketAdjusted", () => {
  // Ri - Rm = 0.01, -0.01, 0.02, 0.02, 0.01: mean 0.01, deviations 0, -0.02, 0.01, 0.01, 0
  // s^2 = (0 + 4 + 1 + 1 + 0)e-4 / 4 = 0.00015
  it("alpha 0, beta 1, s^2 = sample variance of Ri - Rm = 0.00015 with 4 df", () => {
    const m = fitMarketAdjusted(RI, RM);
    expect(m.alpha).toBe(0);
    expect(m.beta).toBe(1);
    expect(m.s2).toBeCloseTo(0.00015, 15);
    expect(m.df).toBe(4);
    expect(m.estimatedMean).toBe(false);
    expect(m.estimatedSlope).toBe(false);
  });

  it("its expected return is the market return", () => {
    expect(expectedReturn(fitMarketAdjusted(RI, RM), 0.037)).toBe(0.037);
  });
});

describe("fitOnWindow (the product's O(1) fit from running sums) on the same five days", () => {
  // Index 0 of the returns has no previous price and stays out of the sums.
  const sums = returnSums([NaN, ...RI], [NaN, ...RM]);

  it("market model: alpha 0.004, beta 1.3, s^2 = 0.00051/3 with 3 df", () => {
    const m = fitOnWindow("market", sums, 1, 5);
    expect(m.beta).toBeCloseTo(1.3, 12);
    expect(m.alpha).toBeCloseTo(0.004, 14);
    expect(m.s2).toBeCloseTo(0.00051 / 3, 15);
    expect(m.df).toBe(3);
    expect(m.marketMean).toBeCloseTo(0.02, 15);
    expect(m.marketSumSquares).toBeCloseTo(0.001, 15);
  });

  it("mean-adjusted: alpha 0.03, beta 0, s^2 0.00055 with 4 df; market-adjusted: alpha 0, beta 1, s^2 0.00015", () => {
    expect(fitOnWindow("mean-adjusted", sums, 1, 5)).toMatchObject({ alpha: expect.closeTo(0.03, 15), beta: 0, s2: expect.closeTo(0.00055, 15), df: 4 });
    expect(fitOnWindow("market-adjusted", sums, 1, 5)).toMatchObject({ alpha: 0, beta: 1, s2: expect.closeTo(0.00015, 15), df: 4 });
  });

  it("proves its example: the exact line Ri = -0.01 + 2 Rm", () => {
    const m = fitOnWindow("market", returnSums([NaN, 0.01, 0.03, 0.05], [NaN, 0.01, 0.02, 0.03]), 1, 3);
    expect(m.beta).toBeCloseTo(2, 12);
    expect(m.alpha).toBeCloseTo(-0.01, 14);
    expect(m.s2).toBeCloseTo(0, 15);
  });
});

describe("carVariance (MacKinlay 1997 prediction-error variance)", () => {
  const model = { s2: 0.00017, nEstimation: 5, marketMean: 0.02, marketSumSquares: 0.001, estimatedMean: true, estimatedSlope: true };

  it("L2 = 3 with sum Rm = 0.09: s^2 (3 + 9/5 + (0.09 - 3*0.02)^2/0.001) = 0.00017 * 5.7", () => {
    // (0.09 - 0.06)^2 / 0.001 = 0.0009 / 0.001 = 0.9;  3 + 1.8 + 0.9 = 5.7
    expect(carVariance(model, 3, 0.09)).toBeCloseTo(0.00017 * 5.7, 15);
  });

  it("one day with Rm = 0.05 is Var(AR) = s^2 (1 + 1/5 + 0.03^2/0.001) = 0.00017 * 2.1", () => {
    expect(carVariance(model, 1, 0.05)).toBeCloseTo(0.00017 * 2.1, 15);
  });

  it("one day at the market mean has no slope term: s^2 (1 + 1/L1)", () => {
    expect(carVariance(model, 1, 0.02)).toBeCloseTo(0.00017 * 1.2, 15);
  });

  it("the doc example: s2 1, L1 4, Rm_bar 0, Smm 2, one day with Rm 1 -> 1.75", () => {
    expect(carVariance({ s2: 1, nEstimation: 4, marketMean: 0, marketSumSquares: 2, estimatedMean: true, estimatedSlope: true }, 1, 1)).toBe(1.75);
  });

  it("a larger case: s2 2, L1 10, Rm_bar -0.5, Smm 4, L2 5, sum Rm 1 -> 2 (5 + 2.5 + 3.5^2/4) = 2 * 10.5625", () => {
    // 25/10 = 2.5; 1 - 5*(-0.5) = 3.5; 12.25/4 = 3.0625; 5 + 2.5 + 3.0625 = 10.5625
    expect(carVariance({ s2: 2, nEstimation: 10, marketMean: -0.5, marketSumSquares: 4, estimatedMean: true, estimatedSlope: true }, 5, 1)).toBeCloseTo(21.125, 12);
  });

  it("mean-adjusted reduction (no slope): s^2 (L2 + L2^2/L1) = 0.00055 * (3 + 1.8)", () => {
    expect(carVariance(fitMeanAdjusted(RI, RM), 3, 0.09)).toBeCloseTo(0.00055 * 4.8, 15);
  });

  it("market-adjusted reduction (nothing estimated): s^2 L2 = 0.00015 * 3", () => {
    expect(carVariance(fitMarketAdjusted(RI, RM), 3, 0.09)).toBeCloseTo(0.00015 * 3, 15);
  });

  it("on a fitted market model equals the closed form with the hand-computed s^2, L1, Rm_bar, Smm", () => {
    expect(carVariance(fitMarketModel(RI, RM), 3, 0.09)).toBeCloseTo(0.00017 * 5.7, 14);
  });
});

describe("twoSidedTPValue against t-table critical values", () => {
  it("t = 2.228, df 10 -> 0.05", () => {
    expect(Math.abs(twoSidedTPValue(2.228, 10) - 0.05)).toBeLessThan(1e-4);
  });
  it("t = 3.169, df 10 -> 0.01", () => {
    expect(Math.abs(twoSidedTPValue(3.169, 10) - 0.01)).toBeLessThan(1e-4);
  });
  it("t = 12.706, df 1 -> 0.05", () => {
    expect(Math.abs(twoSidedTPValue(12.706, 1) - 0.05)).toBeLessThan(1e-4);
  });
  it("t = 2.571, df 5 -> 0.05", () => {
    expect(Math.abs(twoSidedTPValue(2.571, 5) - 0.05)).toBeLessThan(1e-4);
  });
  it("t = 2.042, df 30 -> 0.05", () => {
    expect(Math.abs(twoSidedTPValue(2.042, 30) - 0.05)).toBeLessThan(1e-4);
  });
  it("t = 1.96, df 1e6 -> 0.05 (the normal limit)", () => {
    expect(Math.abs(twoSidedTPValue(1.96, 1e6) - 0.05)).toBeLessThan(1e-4);
  });
  it("t = 2.5758, df 1e6 -> 0.01 (the normal limit)", () => {
    expect(Math.abs(twoSidedTPValue(2.5758, 1e6) - 0.01)).toBeLessThan(1e-4);
  });
  it("t = 1.645, df 1e6 -> 0.10", () => {
    expect(Math.abs(twoSidedTPValue(1.645, 1e6) - 0.1)).toBeLessThan(1e-4);
  });
  it("t = 1 with df 1 is the Cauchy case: 2 * (1/2 - atan(1)/pi) = 0.5 (jStat's incomplete beta is good to ~1e-9)", () => {
    expect(Math.abs(twoSidedTPValue(1, 1) - 0.5)).toBeLessThan(1e-8);
  });
  it("is symmetric in the sign of t, 1 at t = 0, and decreasing in |t|", () => {
    expect(twoSidedTPValue(-2.228, 10)).toBeCloseTo(twoSidedTPValue(2.228, 10), 14);
    expect(Math.abs(twoSidedTPValue(0, 10) - 1)).toBeLessThan(1e-9);
    expect(twoSidedTPValue(3, 10)).toBeLessThan(twoSidedTPValue(2, 10));
  });
  it("is NaN for a NaN statistic or non-positive df", () => {
    expect(twoSidedTPValue(Number.NaN, 10)).toBeNaN();
    expect(twoSidedTPValue(2, 0)).toBeNaN();
    expect(twoSidedTPValue(2, -1)).toBeNaN();
  });
});

describe("periodReturns and compoundReturn", () => {
  it("simple returns of 100, 110, 99 are NaN, 0.1, -0.1", () => {
    const r = periodReturns([100, 110, 99]);
    expect(r).toBeInstanceOf(Float64Array);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(0.1, 15);
    expect(r[2]).toBeCloseTo(-0.1, 15);
  });

  it("log returns of 100, 110, 99 are NaN, ln 1.1, ln 0.9", () => {
    const r = periodReturns([100, 110, 99], "log");
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeCloseTo(Math.log(1.1), 15);
    expect(r[2]).toBeCloseTo(Math.log(0.9), 15);
  });

  it("the Xiaomi day-0 return is 29.30/32.65 - 1 to the last bit", () => {
    expect(periodReturns([32.65, 29.3])[1]).toBe(29.3 / 32.65 - 1);
  });

  it("compounds simple returns: (1.1)(0.9) - 1 = -0.01", () => {
    expect(compoundReturn([0.1, -0.1])).toBeCloseTo(-0.01, 15);
  });

  it("compounds log returns: exp(ln 1.1 + ln 0.9) - 1 = -0.01", () => {
    expect(compoundReturn([Math.log(1.1), Math.log(0.9)], "log")).toBeCloseTo(-0.01, 15);
  });

  it("compounding the period returns of a price path gives last/first - 1, for simple and log returns", () => {
    const prices = [50, 52, 49.5, 51, 55.25];
    expect(compoundReturn(periodReturns(prices).subarray(1))).toBeCloseTo(55.25 / 50 - 1, 14);
    expect(compoundReturn(periodReturns(prices, "log").subarray(1), "log")).toBeCloseTo(55.25 / 50 - 1, 14);
  });

  it("an empty run compounds to 0", () => {
    expect(compoundReturn([])).toBe(0);
    expect(compoundReturn([], "log")).toBe(0);
  });
});

/**
 * The engine's `bhar` column for one event whose window [0, L2-1] has firm returns `returns`, under the
 * market-adjusted model (expected return = the market's), so that `expected` is passed as the market's returns.
 */
function engineBhar(returns: readonly number[], expected: readonly number[], kind: ReturnKind = "simple"): number {
  const estimation = [0.01, -0.02, 0.015, 0.0, -0.005, 0.02];
  const firm = Float64Array.from([Number.NaN, ...estimation, ...returns]);
  const market = Float64Array.from([Number.NaN, ...estimation.map((r) => r / 2), ...expected]);
  const day0 = 1 + estimation.length;
  const prepared = prepareFirm("F", "M", { dates: isoDates(firm.length), firm, market });
  const columns = analyseEvents([prepared], { firm: Int32Array.of(0), day0: Int32Array.of(day0) }, {
    model: "market-adjusted",
    returns: kind,
    estimationWindow: [-estimation.length, -1],
    minEstimationObservations: estimation.length,
    eventWindows: [[0, returns.length - 1]],
  });
  return columns.bhar[0]!;
}

describe.each([
  { name: "buyAndHoldAbnormalReturn (reference)", bhar: buyAndHoldAbnormalReturn },
  { name: "the engine's bhar column", bhar: engineBhar },
])("$name", ({ bhar }) => {
  it("(1.1)(1.1) - (1)(1) = 0.21", () => {
    expect(bhar([0.1, 0.1], [0, 0])).toBeCloseTo(0.21, 15);
  });

  it("(1.1)(1.1) - (1.05)(1.02) = 1.21 - 1.071 = 0.139", () => {
    expect(bhar([0.1, 0.1], [0.05, 0.02])).toBeCloseTo(0.139, 14);
  });

  it("with log returns uses exp(sum): the same 0.139 from ln 1.1, ln 1.1 against ln 1.05, ln 1.02", () => {
    expect(bhar([Math.log(1.1), Math.log(1.1)], [Math.log(1.05), Math.log(1.02)], "log")).toBeCloseTo(0.139, 14);
  });

  it("is not the CAR: sum of ARs (0.05 + 0.08 = 0.13) differs from BHAR (0.139)", () => {
    const car = 0.1 - 0.05 + (0.1 - 0.02);
    expect(car).toBeCloseTo(0.13, 15);
    expect(bhar([0.1, 0.1], [0.05, 0.02]) - car).toBeCloseTo(0.009, 14);
  });
});
