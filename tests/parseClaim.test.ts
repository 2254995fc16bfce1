import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MoveClaim } from "../src/claims/checkSchema.js";
import { matchesClaim, parseClaim } from "../src/claims/parseClaim.js";
import { InputError } from "../src/errors.js";

/** The claim read from a text, which must be a move in per cent. */
function move(text: string): MoveClaim {
  const claim = parseClaim(text);
  if (claim.kind !== "move") throw new Error(`${text} is read as a ${claim.kind} claim`);
  return claim;
}

describe("parseClaim", () => {
  it.each([
    ["plummeted 14%", -0.14, "down", [0.135, 0.145]],
    ["fell 14%", -0.14, "down", [0.135, 0.145]],
    ["-14", -0.14, "down", [0.135, 0.145]],
    ["as much as 14 per cent", 0.14, null, [0.135, 0.145]],
    ["dropped as much as 14 per cent", -0.14, "down", [0.135, 0.145]],
    ["rose 7.03 percent", 0.0703, "up", [0.07025, 0.07035]],
    ["closed 10.3% lower", -0.103, "down", [0.1025, 0.1035]],
    ["+5", 0.05, "up", [0.045, 0.055]],
    ["shares jumped 2.5 pct", 0.025, "up", [0.0245, 0.0255]],
  ] as const)("reads %j as value %d, direction %s, band %j", (text, value, direction, band) => {
    const claim = move(text);
    expect(claim.value).toBeCloseTo(value, 12);
    expect(claim.direction).toBe(direction);
    expect(claim.bound).toBe("rounded");
    expect(claim.band[0]).toBeCloseTo(band[0], 12);
    expect(claim.band[1]).toBeCloseTo(band[1], 12);
  });

  it("ignores prices and dates: only the percentage is the claimed move", () => {
    const claim = move("Xiaomi, at HK$29.30 on 15 January 2021, slid 10.3% from HK$32.65");
    expect(claim.value).toBeCloseTo(-0.103, 12);
    expect(claim.direction).toBe("down");
  });

  it("takes the direction word nearest before the number", () => {
    expect(move("after rising all week the stock fell 3%").direction).toBe("down");
    expect(move("down on Monday, it rebounded 3%").direction).toBe("up");
    expect(move("14% lower").direction).toBe("down");
  });

  it("widens the band for bounds: more than / over / at least, less than / under", () => {
    expect(move("fell more than 10%")).toMatchObject({ bound: "atLeast", band: [0.1, Number.POSITIVE_INFINITY] });
    expect(move("lost over 10%").bound).toBe("atLeast");
    expect(move("dropped at least 10%").bound).toBe("atLeast");
    expect(move("fell less than 5%")).toMatchObject({ bound: "below", band: [0, 0.05] });
    expect(move("rose under 5%").bound).toBe("below");
    expect(move("almost 14%").bound).toBe("rounded");
  });

  it("reads a hyphen inside a range as a dash, not a minus sign", () => {
    expect(move("rose 5-7%")).toMatchObject({ direction: "up", bound: "range" });
  });

  it("finds bound words only as whole words", () => {
    expect(move("turnover 10%").bound).toBe("rounded");
    expect(move("thunder of 10%").bound).toBe("rounded");
  });

  it("does not read 'close to' as a claim about the close", () => {
    expect(move("fell close to 14%").measureHint).toBeNull();
  });

  it("notes the measure the wording points to", () => {
    expect(move("fell as much as 14%").measureHint).toBe("intraday");
    expect(move("closed 10.3% lower").measureHint).toBe("close");
    expect(move("opened 11% down").measureHint).toBe("open");
    expect(move("plummeted 14%").measureHint).toBeNull();
  });

  it("rejects text without a percentage with an InputError that says how to write one", () => {
    expect(() => parseClaim("Xiaomi plummeted")).toThrow(InputError);
    expect(() => parseClaim("Xiaomi's shares at HK$29.30")).toThrow(/as a percentage/);
  });

  it("ends in a claim or an InputError for any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("fell 14%", "-14", "rose 7.03 percent").chain((s) => fc.tuple(fc.constant(s), fc.string()).map(([a, b]) => b + a + b))), (text) => {
        try {
          const claim = parseClaim(text);
          expect(claim.text).toBe(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("matchesClaim", () => {
  const fell14 = move("fell 14%");
  it("matches inside the claim's rounding band, in its direction", () => {
    expect(matchesClaim(-0.1363, fell14)).toBe(true);
    expect(matchesClaim(-0.135, fell14)).toBe(true);
    expect(matchesClaim(-0.1449, fell14)).toBe(true);
    expect(matchesClaim(-0.145, fell14)).toBe(false);
    expect(matchesClaim(-0.1026, fell14)).toBe(false);
    expect(matchesClaim(0.14, fell14)).toBe(false);
    expect(matchesClaim(null, fell14)).toBe(false);
  });

  it("matches 10.25% to 10.35% for a claim of 10.3%", () => {
    const claim = move("closed 10.3% lower");
    expect(matchesClaim(-0.1025, claim)).toBe(true);
    expect(matchesClaim(-0.10260336906584988, claim)).toBe(true);
    expect(matchesClaim(-0.1035, claim)).toBe(false);
  });

  it("matches either sign when the claim has no direction", () => {
    const claim = move("moved 14%");
    expect(matchesClaim(0.14, claim)).toBe(true);
    expect(matchesClaim(-0.14, claim)).toBe(true);
  });

  it("matches every larger move for 'more than' and every smaller one for 'less than'", () => {
    expect(matchesClaim(-0.5, move("fell more than 10%"))).toBe(true);
    expect(matchesClaim(-0.099, move("fell more than 10%"))).toBe(false);
    expect(matchesClaim(-0.049, move("fell less than 5%"))).toBe(true);
    expect(matchesClaim(-0.05, move("fell less than 5%"))).toBe(false);
  });
});
