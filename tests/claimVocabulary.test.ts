import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MoveClaim, ParsedClaim } from "../src/claims/checkSchema.js";
import { MAX_CLAIM_LENGTH, MAX_TEXT_LENGTH, normaliseClaimText } from "../src/claims/claimText.js";
import { ClaimReader, parseClaim } from "../src/claims/parseClaim.js";
import { FALL_VERBS, RISE_VERBS } from "../src/claims/vocabulary.js";
import { InputError } from "../src/errors.js";

function move(text: string): MoveClaim {
  const claim = parseClaim(text);
  if (claim.kind !== "move") throw new Error(`${text} is read as a ${claim.kind} claim`);
  return claim;
}

function expectBand(claim: MoveClaim, low: number, high: number): void {
  expect(claim.band[0]).toBeCloseTo(low, 12);
  expect(claim.band[1]).toBeCloseTo(high, 12);
}

describe("the claim vocabulary", () => {
  it("knows at least 60 rise and fall verbs", () => {
    expect(Object.keys(FALL_VERBS).length + Object.keys(RISE_VERBS).length).toBeGreaterThanOrEqual(60);
  });

  it.each(Object.values(FALL_VERBS).flat())("reads %j as a fall", (verb) => {
    expect(move(`shares ${verb} 3%`).direction).toBe("down");
  });

  it.each(Object.values(RISE_VERBS).flat())("reads %j as a rise", (verb) => {
    expect(move(`shares ${verb} 3%`).direction).toBe("up");
  });

  it.each(["edged up 0.3%", "inched higher 0.3%", "ticked up 0.3 per cent"])("takes the direction of %j from the word after the verb", (text) => {
    expect(move(text).direction).toBe("up");
  });

  it("reads 'appreciated a slight 0.23%' as a rise and 'depreciated 0.23%' as a fall", () => {
    expect(move("appreciated a slight 0.23%")).toMatchObject({ direction: "up", value: 0.0023 });
    expect(move("depreciated 0.23%").direction).toBe("down");
  });

  it.each([
    ["closed down 3.6pc at HK$7.42", 0.036],
    ["fell 3.6 pct", 0.036],
    ["fell 3.6 per cent", 0.036],
    ["fell 3.6 percent", 0.036],
    ["fell 3.6 per-cent", 0.036],
    ["fell 3.6%", 0.036],
    ["fell ten per cent", 0.1],
  ])("reads the per cent form of %j", (text, size) => {
    const claim = move(text);
    expect(claim.unit).toBe("percent");
    expect(Math.abs(claim.value)).toBeCloseTo(size, 12);
  });

  it("keeps percentage points apart from per cent", () => {
    expect(move("fell 3 percentage points").unit).toBe("percentagePoints");
    expect(move("fell 3pp").unit).toBe("percentagePoints");
  });

  it("reads thousands separators, Unicode minus signs and dashes, fullwidth digits, and drops invisible characters", () => {
    expect(move("rose 1,400%").value).toBeCloseTo(14, 12);
    expect(move("\u221214").value).toBeCloseTo(-0.14, 12);
    expect(move("\u201214%").value).toBeCloseTo(-0.14, 12);
    expect(move("\u201314%").direction).toBe("down");
    expect(move("\uff0d\uff11\uff14\uff05").value).toBeCloseTo(-0.14, 12);
    expect(move("fell \uff11\uff14.\uff15\uff05").value).toBeCloseTo(-0.145, 12);
    expect(move("fell 1\u200d4%").value).toBeCloseTo(-0.14, 12);
    expect(move("fell 1\u200b4\u00ad%").value).toBeCloseTo(-0.14, 12);
    expect(move("fell\u00a014\u202f%").value).toBeCloseTo(-0.14, 12);
  });

  it("reads number words and fractions", () => {
    expectBand(move("shed a tenth"), 0.095, 0.105);
    expect(move("lost a third of its value").value).toBeCloseTo(-1 / 3, 12);
    expect(move("lost two-thirds").value).toBeCloseTo(-2 / 3, 12);
    expect(move("lost a quarter").value).toBeCloseTo(-0.25, 12);
    expect(move("halved")).toMatchObject({ value: -0.5, direction: "down" });
    expect(move("doubled")).toMatchObject({ value: 1, direction: "up" });
  });

  it.each(["fell between 10% and 14%", "fell 10-14%", "fell 10 to 14 per cent", "fell 10%-14%", "fell 10% to 14%"])("reads %j as a band of 9.5% to 14.5%", (text) => {
    const claim = move(text);
    expect(claim.bound).toBe("range");
    expect(claim.direction).toBe("down");
    expectBand(claim, 0.095, 0.145);
  });

  it("leaves the direction unstated when no word gives it", () => {
    expect(move("moved 14%").direction).toBeNull();
    expect(move("14%").direction).toBeNull();
  });

  it("reads spans of several sessions", () => {
    expect(move("fell 20% over two days").span).toEqual({ kind: "sessions", sessions: 2 });
    expect(move("fell 20% in three sessions").span).toEqual({ kind: "sessions", sessions: 3 });
    expect(move("a two-day slide of 20%").span).toEqual({ kind: "sessions", sessions: 2 });
    expect(move("fell 5% this week").span).toEqual({ kind: "week" });
    expect(move("has lost 12% since the announcement").span).toEqual({ kind: "sinceAnnouncement" });
  });

  it("reads record, price and market-value claims", () => {
    const record = (text: string) => parseClaim(text, { date: "2021-01-15" }) as Extract<ParsedClaim, { kind: "record" }>;
    expect(record("its biggest one-day drop since March 2020")).toMatchObject({ kind: "record", direction: "down", extreme: "move", since: { start: "2020-03-01", end: "2020-03-31" } });
    expect(record("its worst day on record")).toMatchObject({ kind: "record", direction: "down", since: null });
    expect(record("its best day since 16 March 2020")).toMatchObject({ direction: "up", since: { start: "2020-03-16", end: "2020-03-16" } });
    expect(record("the lowest close since its 2018 listing")).toMatchObject({ extreme: "close", direction: "down", since: null });
    expect(record("the biggest intraday fall in five years")).toMatchObject({ basis: "intraday", since: { start: "2016-01-15" } });
    expect(parseClaim("closed at HK$29.30")).toMatchObject({ kind: "price", price: 29.3, fields: ["close"] });
    expect(parseClaim("fell to HK$28.20")).toMatchObject({ kind: "price", fields: ["close", "low"] });
    expect(parseClaim("opened at 29")).toMatchObject({ kind: "price", band: [28.5, 29.5], fields: ["open"] });
    expect(parseClaim("wiped HK$80bn off its market value")).toMatchObject({ kind: "marketValue", direction: "down", amount: 80e9, band: [79.5e9, 80.5e9] });
  });

  it("checks the claim size limit before reading", () => {
    expect(() => parseClaim("fell 1% ".repeat(MAX_CLAIM_LENGTH))).toThrow(/at most 1000/);
    expect(() => parseClaim("x".repeat(MAX_CLAIM_LENGTH + 1))).toThrow(InputError);
  });
});

describe("reading is linear in the text", () => {
  const pieces = ["up ", " ", "1", ",", "1,000", "%", "-", "fell ", "between ", "10% and ", "14", "per ", "cent ", ".", "HK$", "29.30 ", "since ", "March ", "2020 ", "biggest ", "\u200b", "\u2212", "a ", "tenth ", "closed at ", "Xiaomi ", "'s "];
  /** Every claim of a text of `MAX_TEXT_LENGTH` characters, read as a paragraph is. */
  const readAll = (text: string) => {
    const reader = new ClaimReader(normaliseClaimText(text));
    return reader.claimsIn(0, reader.tokens.length, { date: "2021-01-15" }).length;
  };

  it("reads 10^6-character texts of repeated pieces in well under a second each (measured: tens of ms)", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }), (parts) => {
        const unit = parts.join("");
        const text = unit.repeat(Math.ceil(MAX_TEXT_LENGTH / unit.length)).slice(0, MAX_TEXT_LENGTH);
        expect(readAll(text)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 12 },
    );
  });

  it("reads 100,000 spaces and 600 KB of 'up up ...' without error", () => {
    expect(readAll(" ".repeat(100_000))).toBe(0);
    expect(readAll("up ".repeat(200_000))).toBe(0);
  });
});
