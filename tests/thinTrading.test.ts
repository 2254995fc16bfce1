import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { MarketModelName } from "../src/models/expectedReturnModel.js";
import { fitOnWindow, returnSums } from "../src/models/windowFit.js";
import { twoSidedTPValue } from "../src/statistics/studentT.js";
import { estimationRange, type EventStudyOptions } from "../src/engine/eventWindows.js";
import { analyseEvents } from "../src/engine/eventBatch.js";
import { runStudy } from "../src/study/runStudy.js";
import { repoRoot } from "./helpers/cli.js";
import { everyBundledEventDay } from "./helpers/bundledEventDays.js";
import { seededRandom } from "../src/statistics/seededRandom.js";
import { normalGenerator } from "./helpers/random.js";
import { fitModel } from "./reference/models.js";
import { dimsonReference, scholesWilliamsReference } from "./reference/thinTrading.js";

/** The product's fit (from running sums) of a whole series as one estimation window. */
function fitSeries(model: MarketModelName, firm: readonly number[], market: readonly number[]) {
  return fitOnWindow(model, returnSums([Number.NaN, ...firm], [Number.NaN, ...market]), 1, firm.length);
}

/**
 * Six estimation days worked out by hand (DESIGN §9: the regression days are t = 1..4, whose neighbours are
 * estimation days).
 *   Rm = -3, -3, 2, -2, 1, -1;  R = 1, -2, 3, -1, 2, 0   (on t = 1..4, R_t = Rm_t + 1)
 *   Rm_{t-1} = -3, -3, 2, -2 (mean -3/2);  Rm_t = -3, 2, -2, 1 (mean -1/2);  Rm_{t+1} = 2, -2, 1, -1 (mean 0);  R_t mean 1/2
 *   Sums of products of deviations: S(-,-) = 17, S(0,0) = 17, S(+,+) = 10, S(-,0) = -6, S(0,+) = -13;
 *   since R_t - mean = Rm_t - mean on those days, S(-,R) = -6, S(0,R) = 17, S(+,R) = -13.
 *   b_- = -6/17, b_0 = 1, b_+ = -13/10;  rho_m = S(-,0)/sqrt(S(-,-) S(0,0)) = -6/17,  1 + 2 rho_m = 5/17
 *   b = (-6/17 + 1 - 13/10) / (5/17) = (-111/170)(17/5) = -111/50 = -2.22;  a = 1/2 - (-2.22)(-1/2) = -0.61
 *   AR over all six days: -5.05, -8.05, 8.05, -4.83, 4.83, -1.61;  SSE = 204.3574;  s^2 = SSE/4 = 51.08935
 */
const RM = [-3, -3, 2, -2, 1, -1];
const R_SW = [1, -2, 3, -1, 2, 0];

/**
 * Dimson on an exact fit: on t = 1..4, R_t = 1/2 + (1/2) Rm_{t-1} + Rm_t + (1/4) Rm_{t+1} = -7/2, 1/2, -1/4, 1/4
 * (R_0 = 0 and R_5 = 1 are off the regression days). The regression recovers a = 1/2 and b = 1/2 + 1 + 1/4 = 7/4;
 * AR = R - 1/2 - (7/4) Rm: 4.75, 1.25, -3.5, 2.75, -2, 2.25;  SSE = 53;  s^2 = 53/4.
 */
const R_DIMSON = [0, -3.5, 0.5, -0.25, 0.25, 1];

describe("Scholes-Williams beta (hand example)", () => {
  it("b = (b_- + b_0 + b_+)/(1 + 2 rho_m) = -2.22, a = -0.61, s^2 = SSE/(L1-2) over all L1 days, df L1-2", () => {
    const m = fitSeries("scholes-williams", R_SW, RM);
    expect(m.beta).toBeCloseTo(-2.22, 13);
    expect(m.alpha).toBeCloseTo(-0.61, 13);
    expect(m.s2).toBeCloseTo(51.08935, 11);
    expect(m.df).toBe(4);
    expect(m.nEstimation).toBe(6);
  });
  it("the reference gives the same numbers (rho_m = -6/17)", () => {
    const ref = scholesWilliamsReference(R_SW, RM);
    expect(ref.rho).toBeCloseTo(-6 / 17, 14);
    expect(ref.beta).toBeCloseTo(-2.22, 13);
    expect(ref.s2).toBeCloseTo(51.08935, 11);
  });
});

describe("Dimson beta (hand example)", () => {
  it("an exact three-regressor fit: a = 1/2, b = 7/4, s^2 = 53/4", () => {
    const m = fitSeries("dimson", R_DIMSON, RM);
    expect(m.alpha).toBeCloseTo(0.5, 12);
    expect(m.beta).toBeCloseTo(1.75, 12);
    expect(m.s2).toBeCloseTo(13.25, 11);
    expect(m.df).toBe(4);
  });
  it("differs from Scholes-Williams on the same data (the reference's multiple regression)", () => {
    const m = fitSeries("dimson", R_SW, RM);
    const ref = dimsonReference(R_SW, RM);
    expect(m.beta).toBeCloseTo(ref.beta, 12);
    expect(m.alpha).toBeCloseTo(ref.alpha, 12);
    expect(Math.abs(m.beta - -2.22)).toBeGreaterThan(0.1);
  });
});

/** A market with lag-1 autocorrelation 0.2 and a thinly traded firm that responds partly a day late. */
function thinlyTraded(n: number, seed: number): { firm: number[]; market: number[] } {
  const normal = normalGenerator(seededRandom(seed));
  const market: number[] = [];
  const firm: number[] = [];
  let previous = 0;
  for (let t = 0; t < n; t++) {
    const m = 0.0003 + 0.2 * previous + 0.01 * normal();
    firm.push(0.0002 + 0.6 * m + 0.5 * previous + 0.02 * normal());
    market.push(m);
    previous = m;
  }
  return { firm, market };
}

describe("the fit from running sums against the plain-loop references", () => {
  it("agree to 1e-11 on simulated thin trading, where both betas exceed the same-day slope", () => {
    for (const seed of [1, 2, 3]) {
      const { firm, market } = thinlyTraded(240, seed);
      for (const [model, reference] of [
        ["scholes-williams", scholesWilliamsReference],
        ["dimson", dimsonReference],
      ] as const) {
        const m = fitSeries(model, firm, market);
        const ref = reference(firm, market);
        expect(Math.abs(m.beta - ref.beta)).toBeLessThan(1e-11);
        expect(Math.abs(m.alpha - ref.alpha)).toBeLessThan(1e-13);
        expect(Math.abs(m.s2 - ref.s2) / ref.s2).toBeLessThan(1e-11);
        expect(m.beta).toBeGreaterThan(fitSeries("market", firm, market).beta + 0.3);
      }
    }
  });
});

/** |a - b| within 1e-10 of the larger of |a|, |b| and the quantity's typical size. */
function expectClose(a: number, b: number, scale: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(Math.abs(a), Math.abs(b), scale));
}

describe("the O(1) window fit from running sums equals the direct refit", () => {
  it("on every estimation window of a simulated series (lagged cross-products as running sums)", () => {
    const { firm, market } = thinlyTraded(700, 9);
    firm[0] = Number.NaN;
    market[0] = Number.NaN;
    const sums = returnSums(firm, market);
    for (const model of ["scholes-williams", "dimson"] as const) {
      for (let first = 1; first + 239 < firm.length; first += 7) {
        const last = first + 239;
        const fast = fitOnWindow(model, sums, first, last);
        const direct = fitModel(model, firm.slice(first, last + 1), market.slice(first, last + 1));
        expectClose(fast.beta, direct.beta, 1);
        expectClose(fast.alpha, direct.alpha, 0.01);
        expectClose(fast.s2, direct.s2, direct.s2);
        expect(fast.df).toBe(direct.df);
      }
    }
  });

  it("on the bundled data, every day of 1810.HK and 0883.HK as day 0: alpha, beta, s^2, Var(AR) = s^2, Var(CAR) = L2 s^2, df L1-2", () => {
    for (const model of ["scholes-williams", "dimson"] as const) {
      const options: EventStudyOptions = { model, returns: "simple", estimationWindow: [-250, -11], minEstimationObservations: 100, eventWindows: [[0, 0], [-1, 1], [0, 5]] };
      const { firms, events } = everyBundledEventDay(options);
      const firm = events.firm;
      const day0 = events.day0;
      expect(firm.length).toBeGreaterThan(500);
      const columns = analyseEvents(firms, events, options);
      const reference = model === "dimson" ? dimsonReference : scholesWilliamsReference;
      for (let k = 0; k < columns.count; k++) {
        const { returns } = firms[firm[k]!]!;
        const [first, last] = estimationRange(day0[k]!, options.estimationWindow);
        const ref = reference(Array.from(returns.firm.subarray(first, last + 1)), Array.from(returns.market.subarray(first, last + 1)));
        const sigma = Math.sqrt(ref.s2);
        expectClose(columns.alpha[k]!, ref.alpha, sigma);
        expectClose(columns.betas[k * columns.betaCount]!, ref.beta, 1);
        expectClose(columns.s2[k]!, ref.s2, ref.s2);
        expect(columns.df[k]).toBe(last - first - 1);
        const zero = day0[k]!;
        const ar0 = returns.firm[zero]! - ref.alpha - ref.beta * returns.market[zero]!;
        expectClose(columns.ar[k * columns.spanLength - columns.spanStart]!, ar0, sigma);
        expectClose(columns.sar[k * columns.spanLength - columns.spanStart]!, ar0 / sigma, 1);
        options.eventWindows.forEach(([start, end], w) => {
          const cell = k * options.eventWindows.length + w;
          let car = 0;
          for (let t = zero + start; t <= zero + end; t++) car += returns.firm[t]! - ref.alpha - ref.beta * returns.market[t]!;
          const variance = (end - start + 1) * ref.s2;
          expectClose(columns.car[cell]!, car, sigma);
          expectClose(columns.variance[cell]!, variance, ref.s2);
          expectClose(columns.p[cell]!, twoSidedTPValue(car / Math.sqrt(variance), ref.df), 1);
        });
      }
    }
  });
});

describe("against R as a peer", () => {
  /**
   * R 4 (Debian's Rscript) on the same 240 estimation returns of 1810.HK and ^HSI (2020-01-13 to 2020-12-30, the
   * DoD-listing study's window), the regression days 2..239:
   *   SW:     b <- (coef(lm(y ~ lag))[2] + coef(lm(y ~ now))[2] + coef(lm(y ~ lead))[2]) / (1 + 2 cor(now, lag))
   *           rho = -0.083741251712314113, b = 1.1737718518751405, a = mean(y) - b mean(now) = 0.0051838935500368773
   *   Dimson: fit <- lm(y ~ lag + now + lead); b = sum(coef(fit)[2:4]) = 1.1726502694811112, a = 0.0051786758418321255
   *   s2 = sum((firm - a - b market)^2) / 238: 0.00091504158577450389 (SW), 0.00091507197557838082 (Dimson)
   */
  const R_PEER = {
    "scholes-williams": { beta: 1.1737718518751405, alpha: 0.0051838935500368773, s2: 0.00091504158577450389 },
    dimson: { beta: 1.1726502694811112, alpha: 0.0051786758418321255, s2: 0.00091507197557838082 },
  } as const;

  it.each(["scholes-williams", "dimson"] as const)("%s on Xiaomi's estimation window before the DoD listing: beta, alpha and s^2 to 1e-10", (model) => {
    const spec = JSON.parse(readFileSync(join(repoRoot, "data/studies/xiaomi-ccmc.json"), "utf8"));
    const event = runStudy({ ...spec, model }).events[0]!;
    const peer = R_PEER[model];
    expect(event.nEstimation).toBe(240);
    expect(event.df).toBe(238);
    expectClose(event.beta, peer.beta, 1);
    expectClose(event.alpha, peer.alpha, Math.sqrt(peer.s2));
    expectClose(event.sigma ** 2, peer.s2, peer.s2);
  });
});
