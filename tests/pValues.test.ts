import { describe, expect, it } from "vitest";
import { fSurvival } from "../src/statistics/fDistribution.js";
import { twoSidedNormalPValue } from "../src/statistics/normal.js";
import { twoSidedTPValue } from "../src/statistics/studentT.js";
import { fSurvivalReference, twoSidedNormalReference, twoSidedTReference } from "./reference/highPrecision.js";

/**
 * Exact p-values (DESIGN §9): Student t, normal and F tails to 1e-12 relative against 60-digit references computed in
 * the test from Abramowitz & Stegun's continued fraction and series (tests/reference/highPrecision.ts). The statistics
 * are dyadic numbers, so the double and the decimal reference see the same value.
 */
const RELATIVE = 1e-12;

function expectRelative(actual: number, expected: number): void {
  expect(expected).toBeGreaterThan(0);
  expect(Math.abs(actual - expected) / expected).toBeLessThan(RELATIVE);
}

describe("two-sided Student t p-value", () => {
  const dfs = [1, 2, 3, 5, 10, 30, 100, 1000, 5000, 10_000, 100_000, 1_000_000];
  const statistics = [0.125, 1.5, 4, 37];
  for (const df of dfs) {
    it(`matches the 60-digit incomplete beta at ${df} df`, () => {
      for (const t of statistics) {
        expectRelative(twoSidedTPValue(t, df), twoSidedTReference(t, df));
        expect(twoSidedTPValue(-t, df)).toBe(twoSidedTPValue(t, df));
      }
    });
  }

  it("stays positive far in the tail (1 df: p = 2 atan(1/t)/pi, about 2/(pi t))", () => {
    const t = 2 ** 900;
    expectRelative(twoSidedTPValue(t, 1), 2 / (Math.PI * t));
    expect(twoSidedTPValue(37, 1_000_000)).toBeGreaterThan(1e-300);
  });

  it("is 1 at t = 0 and NaN without degrees of freedom", () => {
    expect(twoSidedTPValue(0, 10)).toBe(1);
    expect(twoSidedTPValue(1, 0)).toBeNaN();
    expect(twoSidedTPValue(Number.NaN, 5)).toBeNaN();
  });
});

describe("two-sided normal p-value", () => {
  it("matches the 100-digit erfc series and continued fraction up to |z| = 37.5", () => {
    for (const z of [0.0625, 1, 1.5, 3, 8.375, 9.5, 10, 20, 30, 37, 37.5]) {
      expectRelative(twoSidedNormalPValue(z), twoSidedNormalReference(z));
      expectRelative(twoSidedNormalPValue(-z), twoSidedNormalReference(z));
    }
  });

  it("agrees with the textbook 5% point", () => {
    expect(twoSidedNormalPValue(1.959963984540054)).toBeCloseTo(0.05, 15);
  });
});

describe("F survival function", () => {
  it("matches the 60-digit upper tail", () => {
    for (const [f, d1, d2] of [
      [3.25, 5, 10],
      [6.5, 1, 250],
      [1.75, 10, 239],
      [40, 3, 1000],
      [0.5, 20, 100],
      [0.03125, 2, 7],
    ] as const) {
      expectRelative(fSurvival(f, d1, d2), fSurvivalReference(f, d1, d2));
    }
  });

  it("equals the closed forms F(2, d2): (1 + 2f/d2)^(-d2/2) and 1 at f <= 0", () => {
    expectRelative(fSurvival(3, 2, 10), (1 + (2 * 3) / 10) ** -5);
    expect(fSurvival(0, 3, 4)).toBe(1);
  });
});
