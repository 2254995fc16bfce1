import { describe, expect, it } from "vitest";
import { inBand, matchesClaim } from "../src/claims/parseClaim.js";

/** Whether a measured move matches a claim: its sign against the claim's direction, its size against the band [low, high) with 1e-12 of relative slack. */
describe("inBand", () => {
  it("admits values within 1e-12 below either edge: the low edge in, the high edge out", () => {
    expect(inBand(0.1 - 0.5e-12, [0.1, 0.2])).toBe(true);
    expect(inBand(0.1 - 2e-12, [0.1, 0.2])).toBe(false);
    expect(inBand(0.2 - 0.5e-12, [0.1, 0.2])).toBe(false);
    expect(inBand(0.2 - 2e-12, [0.1, 0.2])).toBe(true);
  });

  it("scales the slack with values above 1 (1e-9 at 1,000)", () => {
    expect(inBand(1000 - 0.5e-9, [1000, 2000])).toBe(true);
    expect(inBand(1000 - 2e-9, [1000, 2000])).toBe(false);
    expect(inBand(2000 - 1e-9, [1000, 2000])).toBe(false);
    expect(inBand(2000 - 3e-9, [1000, 2000])).toBe(true);
  });

  it("has no upper edge for an infinite band", () => {
    expect(inBand(5, [0.1, Number.POSITIVE_INFINITY])).toBe(true);
  });
});

describe("matchesClaim", () => {
  const below5 = { band: [0, 0.05] as [number, number] };

  it("does not match an unmeasured move, even against a band from 0", () => {
    expect(matchesClaim(null, { direction: null, ...below5 })).toBe(false);
    expect(matchesClaim(Number.NaN, { direction: null, ...below5 })).toBe(false);
    expect(matchesClaim(Number.POSITIVE_INFINITY, { direction: null, band: [0, Number.POSITIVE_INFINITY] })).toBe(false);
  });

  it("does not match a flat day against a claim with a direction", () => {
    expect(matchesClaim(0, { direction: "down", ...below5 })).toBe(false);
    expect(matchesClaim(0, { direction: "up", ...below5 })).toBe(false);
    expect(matchesClaim(0, { direction: null, ...below5 })).toBe(true);
  });

  it("matches a rise only against a claim of a rise or of no direction", () => {
    expect(matchesClaim(0.03, { direction: "up", ...below5 })).toBe(true);
    expect(matchesClaim(0.03, { direction: "down", ...below5 })).toBe(false);
    expect(matchesClaim(-0.03, { direction: "up", ...below5 })).toBe(false);
    expect(matchesClaim(-0.03, { direction: "down", ...below5 })).toBe(true);
  });
});

describe("inBand on the edges themselves", () => {
  it("admits a value exactly the slack below the low edge and refuses one exactly the slack below the high edge", () => {
    expect(inBand(1 - 1e-12, [1, 2])).toBe(true);
    expect(inBand(1 - 1e-12, [0.5, 1])).toBe(false);
  });
});
