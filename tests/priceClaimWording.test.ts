import { describe, expect, it } from "vitest";
import { claimsOf, expectBand, onlyClaim } from "./helpers/claimReading.js";

/** How the words before a price name the fields it claims, and how a market-value claim reads its amount. */
const price = (text: string, options: { from?: number } = {}) => onlyClaim("price", text, options);

describe("prices of the day", () => {
  it("reads the price's rounding as its band", () => {
    const claim = price("closed at HK$29.30");
    expect(claim).toMatchObject({ price: 29.3, fields: ["close"] });
    expectBand(claim.band, 29.295, 29.305);
    expectBand(price("ended the day at 31.5").band, 31.45, 31.55);
    expect(price("opened at 29")).toMatchObject({ band: [28.5, 29.5], fields: ["open"] });
  });

  it.each([
    ["hit a low of HK$28", ["low"]],
    ["hit a high of 30.1", ["high"]],
    ["fell as low as HK$28", ["low"]],
    ["rose as high as 30", ["high"]],
    ["fell to HK$28.20", ["close", "low"]],
    ["rose to 30", ["close", "high"]],
    ["settled at 30", ["close"]],
    ["opening at 30", ["open"]],
  ])("reads %j as a claim on %j", (text, fields) => {
    expect(price(text).fields).toEqual(fields);
  });

  it.each(["traded so low as 28", "traded as low at 28", "a price of 28", "moved to 30", "traded close at 29", "trading open at 29", "stood at 29"])("reads no price field in %j", (text) => {
    expect(claimsOf(text)).toEqual([]);
  });

  it("looks for the close or open word in the eight words before 'at'", () => {
    expect(price("closed on a quiet day of light trade at 29").fields).toEqual(["close"]);
    expect(claimsOf("closed on a very quiet day of light trade at 29")).toEqual([]);
  });

  it("looks for the direction in the eight words before 'to'", () => {
    expect(price("fell on a quiet day of light trade to 30").fields).toEqual(["close", "low"]);
    expect(claimsOf("fell on a very quiet day of light trade to 30")).toEqual([]);
  });

  it("reads the words before a price only inside the clause", () => {
    expect(price("it closed; now at 29").fields).toEqual(["close"]);
    expect(claimsOf("it closed; now at 29", { from: 3 })).toEqual([]);
    expect(price("it fell; now to 30").fields).toEqual(["close", "low"]);
    expect(claimsOf("it fell; now to 30", { from: 3 })).toEqual([]);
    expect(claimsOf("a low of 28", { from: 3 })).toEqual([]);
  });

  it("reads an amount in per cent or with a scale word as no price", () => {
    expect(onlyClaim("move", "closed at HK$29%").value).toBeCloseTo(0.29, 12);
    expect(claimsOf("closed at HK$29bn")).toEqual([]);
  });
});

describe("changes of market value", () => {
  it("reads the amount with its scale word, rounded to its last digit", () => {
    const wiped = onlyClaim("marketValue", "wiped HK$80bn off its market value");
    expect(wiped).toMatchObject({ direction: "down", amount: 80e9 });
    expectBand(wiped.band, 79.5e9, 80.5e9);
    const added = onlyClaim("marketValue", "added US$5.2 billion to its market cap");
    expect(added.direction).toBe("up");
    expect(added.amount).toBeCloseTo(5.2e9, 3);
    expect(added.band[0]).toBeCloseTo(5.15e9, 3);
    expect(added.band[1]).toBeCloseTo(5.25e9, 3);
  });

  it("reads an amount without a scale word as units of the currency", () => {
    expect(onlyClaim("marketValue", "its valuation fell by HK$500")).toMatchObject({ direction: "down", amount: 500, band: [499.5, 500.5] });
    expect(onlyClaim("marketValue", "market capitalisation fell HK$3bn")).toMatchObject({ direction: "down", amount: 3e9 });
  });

  it("takes the direction after the amount when none is before it, else none", () => {
    expect(onlyClaim("marketValue", "its market value was HK$3bn lower").direction).toBe("down");
    expect(onlyClaim("marketValue", "its market value is HK$3bn").direction).toBeNull();
  });

  it("needs 'market' before 'value' and 'cap'", () => {
    expect(claimsOf("the value fell HK$3bn")).toEqual([]);
    expect(claimsOf("its cap fell HK$3bn")).toEqual([]);
  });

  it("reads a move after the amount as a further claim", () => {
    const claims = claimsOf("market value fell HK$3bn, or 5%");
    expect(claims.map(({ claim, at }) => [claim.kind, at])).toEqual([
      ["marketValue", 3],
      ["move", 8],
    ]);
    expect(claims[1]!.claim).toMatchObject({ value: -0.05 });
  });
});

describe("a currency sign without an amount", () => {
  it("reads no market value from a currency sign followed by a word or by nothing", () => {
    expect(claimsOf("its market value fell in HK$ terms by 5%").map(({ claim }) => claim.kind)).toEqual(["move"]);
    expect(claimsOf("its market value fell in HK$")).toEqual([]);
  });
});

describe("the word before 'of' in another clause", () => {
  it("reads no low from the sentence before: 'hit a new low. Of 28 analysts'", () => {
    expect(claimsOf("hit a new low. Of 28 analysts", { from: 5 })).toEqual([]);
    expect(claimsOf("hit a new low of 28", { from: 4 })).toEqual([]);
    expect(price("hit a new low of 28", { from: 3 }).fields).toEqual(["low"]);
  });
});
