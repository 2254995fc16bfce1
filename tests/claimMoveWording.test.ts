import { describe, expect, it } from "vitest";
import { parseClaim } from "../src/claims/parseClaim.js";
import { InputError } from "../src/errors.js";
import { claimsOf, expectBand, onlyClaim } from "./helpers/claimReading.js";

/**
 * How the wording of a move in per cent sets its size, unit, bound, band and direction. Every expected
 * band is the claim's own rounding worked out by hand: "10.30%" is [10.295%, 10.305%).
 */
const move = (text: string, options: { from?: number; to?: number } = {}) => onlyClaim("move", text, options);

describe("the units of a move", () => {
  it.each(["fell 4%", "fell 4pc", "fell 4pct", "fell 4 percent", "fell 4 per-cent", "fell 4 per cent"])("reads %j as 4 per cent", (text) => {
    const claim = move(text);
    expect(claim.unit).toBe("percent");
    expect(claim.value).toBeCloseTo(-0.04, 12);
  });

  it.each(["fell 4pp", "fell 4ppt", "fell 4 ppts", "fell 4 percentage-point", "fell 4 percentage-points", "fell 4 percentage point", "fell 4 percentage points"])(
    "reads %j as 4 percentage points",
    (text) => {
      const claim = move(text);
      expect(claim.unit).toBe("percentagePoints");
      expect(claim.value).toBeCloseTo(-0.04, 12);
    },
  );

  it("steps over both words of 'per cent' and 'percentage points' to reach the end of a range", () => {
    const perCent = move("fell 10 per cent to 14 per cent");
    expect(perCent.bound).toBe("range");
    expectBand(perCent.band, 0.095, 0.145);
    const points = move("fell 2 percentage points to 3 percentage points");
    expect(points).toMatchObject({ bound: "range", unit: "percentagePoints" });
    expectBand(points.band, 0.015, 0.035);
  });

  it.each(["fell 5 per share", "fell 5 percentage", "fell 5 per", "fell 5 percentage of"])("finds no unit in %j", (text) => {
    expect(claimsOf(text)).toEqual([]);
  });
});

describe("the size of a move and its rounding band", () => {
  it("takes half a unit of the last written decimal either way", () => {
    const twoDecimals = move("fell 10.30%");
    expect(twoDecimals.value).toBeCloseTo(-0.103, 12);
    expectBand(twoDecimals.band, 0.10295, 0.10305);
    expectBand(move("fell 7%").band, 0.065, 0.075);
  });

  it("reads number words as whole per cents", () => {
    const claim = move("rose twenty per cent");
    expect(claim.value).toBeCloseTo(0.2, 12);
    expectBand(claim.band, 0.195, 0.205);
    expect(move("lost one %").value).toBeCloseTo(-0.01, 12);
  });

  it("does not read 'a' or 'single' as one", () => {
    expect(claimsOf("fell a %")).toEqual([]);
    expect(claimsOf("fell single %")).toEqual([]);
  });

  it.each(["lost a third", "lost one third", "lost third", "lost one-third"])("reads %j as a third, within half a percentage point", (text) => {
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.at).toBe(1);
    const claim = move(text);
    expect(claim).toMatchObject({ direction: "down", bound: "rounded", unit: "percent" });
    expect(claim.value).toBeCloseTo(-1 / 3, 12);
    expectBand(claim.band, (100 / 3 - 0.5) / 100, (100 / 3 + 0.5) / 100);
  });

  it("reads a fraction word followed by a per-cent unit", () => {
    expect(move("fell a quarter %").value).toBeCloseTo(-0.25, 12);
  });

  it("reads size verbs as the move they name, to half a per cent of a per cent", () => {
    const halved = move("halved");
    expect(halved).toMatchObject({ value: -0.5, direction: "down", bound: "rounded", unit: "percent", measureHint: null, span: { kind: "sessions", sessions: 1 } });
    expectBand(halved.band, 0.495, 0.505);
    const tripled = move("tripled");
    expect(tripled).toMatchObject({ value: 2, direction: "up" });
    expectBand(tripled.band, 1.995, 2.005);
    expect(move("halved by the close").measureHint).toBe("close");
    expect(move("doubled over two days").span).toEqual({ kind: "sessions", sessions: 2 });
  });
});

describe("bounds", () => {
  it.each(["fell more than 10%", "fell over 10%", "fell at least 10%", "fell in excess of 10%", "fell upwards of 10%", "fell north of 10%", "fell greater than 10%", "fell at least by 10%"])(
    "reads %j as 10% or more",
    (text) => {
      const claim = move(text);
      expect(claim.bound).toBe("atLeast");
      expect(claim.value).toBeCloseTo(-0.1, 12);
      expectBand(claim.band, 0.1, Number.POSITIVE_INFINITY);
    },
  );

  it.each(["fell less than 5%", "fell under 5%", "fell fewer than 5%", "fell shy of 5%", "fell short of 5%"])("reads %j as below 5%", (text) => {
    const claim = move(text);
    expect(claim.bound).toBe("below");
    expectBand(claim.band, 0, 0.05);
  });

  it("reads 'by' alone as no bound", () => {
    expect(move("fell by 10%").bound).toBe("rounded");
  });

  it("reads a bound only inside the clause", () => {
    expect(move("more than 10%").bound).toBe("atLeast");
    expect(move("more than 10%", { from: 2 }).bound).toBe("rounded");
    expect(move("more than 10%", { from: 1 }).bound).toBe("rounded");
  });
});

describe("ranges", () => {
  it("reads a range as its midpoint, with each end's rounding", () => {
    const claims = claimsOf("fell 10-14%");
    expect(claims).toHaveLength(1);
    expect(claims[0]!.at).toBe(1);
    const claim = move("fell 10-14%");
    expect(claim.bound).toBe("range");
    expect(claim.value).toBeCloseTo(-0.12, 12);
    const uneven = move("fell 10.5-14%");
    expect(uneven.value).toBeCloseTo(-0.1225, 12);
    expectBand(uneven.band, 0.1045, 0.145);
    expect(move("rose 5% to 7%")).toMatchObject({ direction: "up", bound: "range" });
    expectBand(move("rose 5% to 7%").band, 0.045, 0.075);
  });

  it("reads equal ends as a range and a falling pair as the second number alone", () => {
    const equal = move("fell 10-10%");
    expect(equal.bound).toBe("range");
    expectBand(equal.band, 0.095, 0.105);
    const falling = move("fell 14-10%");
    expect(falling).toMatchObject({ bound: "rounded", direction: "down" });
    expect(falling.value).toBeCloseTo(-0.1, 12);
  });

  it("needs 'between' before 'and'", () => {
    const claim = move("fell 10 and 14%");
    expect(claim.bound).toBe("rounded");
    expect(claim.value).toBeCloseTo(-0.14, 12);
  });

  it("takes the second end's unit when only it has one, and no range across units", () => {
    expect(move("fell 10 to 14 pp")).toMatchObject({ bound: "range", unit: "percentagePoints" });
    const [percent, points] = claimsOf("fell 10% to 14pp");
    expect(percent!.claim).toMatchObject({ kind: "move", bound: "rounded", unit: "percent" });
    expect(points!.claim).toMatchObject({ kind: "move", bound: "rounded", unit: "percentagePoints" });
  });

  it("ends the move at a price after 'to'", () => {
    const [first, second] = claimsOf("fell 10% to HK$14");
    expect(first!.claim).toMatchObject({ kind: "move", bound: "rounded" });
    expect(second!.claim).toMatchObject({ kind: "price", price: 14, fields: ["close", "low"] });
  });
});

describe("signs and directions", () => {
  it("reads a sign written against the number", () => {
    expect(move("-14%").direction).toBe("down");
    expect(move("+14%").direction).toBe("up");
    expect(move("rose -14%")).toMatchObject({ direction: "down", value: -0.14 });
    expect(move("fell +14%").direction).toBe("up");
  });

  it("reads no sign apart from the number or after another number", () => {
    expect(move("- 14%").direction).toBeNull();
    const claim = move("up 5 -3%");
    expect(claim.direction).toBe("up");
    expect(claim.value).toBeCloseTo(0.03, 12);
  });

  it("takes the direction word before the size, else the one after it, inside the clause", () => {
    const text = "rose on Monday; then 5% lower";
    expect(move(text).direction).toBe("up");
    expect(move(text, { from: 4 }).direction).toBe("down");
    expect(move(text, { from: 4, to: 7 }).direction).toBeNull();
    expect(move(text, { from: 5, to: 7 }).direction).toBeNull();
    expect(move("lost half").direction).toBe("down");
    expect(move("half lower").direction).toBe("down");
  });
});

describe("bare numbers", () => {
  it("reads a signed or unsigned number as a per-cent move", () => {
    expect(parseClaim("14")).toMatchObject({ kind: "move", value: 0.14, direction: null, bound: "rounded", measureHint: null, unit: "percent", span: { kind: "sessions", sessions: 1 } });
    expect(parseClaim(" + 5 ")).toMatchObject({ value: 0.05, direction: "up" });
    const claim = parseClaim("-3.125");
    expect(claim).toMatchObject({ kind: "move", value: -0.03125, direction: "down" });
    if (claim.kind !== "move") throw new Error("a move");
    expectBand(claim.band, 0.031245, 0.031255);
    const oneDecimal = parseClaim("14.5");
    if (oneDecimal.kind !== "move") throw new Error("a move");
    expectBand(oneDecimal.band, 0.1445, 0.1455);
  });

  it("keeps the claim's own text", () => {
    expect(parseClaim(" -14 ").text).toBe(" -14 ");
    expect(parseClaim("Xiaomi fell 14%").text).toBe("Xiaomi fell 14%");
  });

  it("reads a number with a trailing dot as no claim", () => {
    expect(() => parseClaim("14.")).toThrow(InputError);
  });
});

describe("sizes without a unit", () => {
  it("reads a number word without a per-cent unit as no move", () => {
    expect(claimsOf("fell ten")).toEqual([]);
  });

  it("reads no range across 'or', nor to a number without a unit", () => {
    expect(claimsOf("rose 5% or 7%").map(({ claim }) => claim.kind === "move" && claim.bound)).toEqual(["rounded", "rounded"]);
    const [first, second] = claimsOf("fell 10% to 14");
    expect(first!.claim).toMatchObject({ kind: "move", bound: "rounded", value: -0.1 });
    expect(second!.claim).toMatchObject({ kind: "price", price: 14, fields: ["close", "low"] });
  });
});

describe("words that look like units", () => {
  it.each(["fell 50 basis points", "fell 30 HK cent"])("reads %j as no move in per cent", (text) => {
    expect(claimsOf(text)).toEqual([]);
  });
});

describe("a text that ends after a joining word", () => {
  it.each(["rose 5% to", "rose 5% -"])("reads %j as the first size alone", (text) => {
    expect(move(text)).toMatchObject({ bound: "rounded", value: 0.05 });
  });
});

describe("a unit without a size", () => {
  it("reads 'fell by several per cent' as no move", () => {
    expect(claimsOf("fell by several per cent")).toEqual([]);
  });
});
