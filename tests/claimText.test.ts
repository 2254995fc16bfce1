import { describe, expect, it } from "vitest";
import { normaliseClaimText, tokenize, type Token } from "../src/claims/claimText.js";

/** Each token as "kind:text". */
const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
const number = (text: string, value: number, decimals: number, start: number): Token => ({ kind: "number", text, value, decimals, start, end: start + text.length });

describe("normaliseClaimText", () => {
  it("folds fullwidth digits, signs and letters to ASCII (NFKC)", () => {
    expect(normaliseClaimText("\uff11\uff14\uff05")).toBe("14%");
    expect(normaliseClaimText("\uff28\uff2b\uff04\uff12\uff19")).toBe("HK$29");
  });

  it("turns non-breaking, thin and ideographic spaces into spaces", () => {
    expect(normaliseClaimText("14\u00a0%")).toBe("14 %");
    expect(normaliseClaimText("HK$\u200929")).toBe("HK$ 29");
    expect(normaliseClaimText("a\u3000b")).toBe("a b");
  });

  it("removes invisible characters: zero-width spaces and joiners, soft hyphens, bidirectional marks, byte-order marks", () => {
    expect(normaliseClaimText("\ufeff1\u200b4\u200c%\u200d \u00adfell\u200e\u200f\u202a\u202e\u2060\u2066\ufe0f\u034f\u061c\u180e")).toBe("14% fell");
  });

  it("reads every dash and minus sign as '-'", () => {
    expect(normaliseClaimText("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2796\ufe58\ufe63")).toBe("-".repeat(10));
    // NFKC already folds the small and fullwidth hyphen-minus
    expect(normaliseClaimText("\ufe63\uff0d")).toBe("--");
  });

  it("turns line breaks and tabs into spaces, one for one", () => {
    expect(normaliseClaimText("a\tb\nc\u000bd\u000ce\rf\u0085g\u2028h\u2029i")).toBe("a b c d e f g h i");
    expect(normaliseClaimText("fell\r\n14%")).toBe("fell  14%");
  });
});

describe("tokenize: numbers", () => {
  it("reads integers and decimals with their value, decimals and offsets", () => {
    expect(tokenize("29.30")).toEqual([number("29.30", 29.3, 2, 0)]);
    expect(tokenize("fell 14%")[1]).toEqual(number("14", 14, 0, 5));
    expect(tokenize(".5")).toEqual([number(".5", 0.5, 1, 0)]);
    expect(tokenize("0.125")).toEqual([number("0.125", 0.125, 3, 0)]);
  });

  it("drops thousands separators from the value, group by group", () => {
    expect(tokenize("1,400")).toEqual([number("1,400", 1400, 0, 0)]);
    expect(tokenize("1,400,000.5")).toEqual([number("1,400,000.5", 1400000.5, 1, 0)]);
    expect(tokenize("HK$12,345 ")[1]).toEqual(number("12,345", 12345, 0, 3));
  });

  it("reads a comma not followed by exactly three digits as a separate symbol", () => {
    expect(kinds("1,40")).toEqual(["number:1", "symbol:,", "number:40"]);
    expect(kinds("1,4")).toEqual(["number:1", "symbol:,", "number:4"]);
    expect(kinds("1,4000")).toEqual(["number:1", "symbol:,", "number:4000"]);
    expect(kinds("1,")).toEqual(["number:1", "symbol:,"]);
    expect(kinds("1,a00")).toEqual(["number:1", "symbol:,", "word:a", "number:00"]);
    expect(kinds("1,4a0")).toEqual(["number:1", "symbol:,", "number:4", "word:a", "number:0"]);
    expect(kinds("1,40a")).toEqual(["number:1", "symbol:,", "number:40", "word:a"]);
  });

  it("reads a full stop not followed by a digit as a separate symbol", () => {
    expect(kinds("5.")).toEqual(["number:5", "symbol:."]);
    expect(kinds("5.a")).toEqual(["number:5", "symbol:.", "word:a"]);
    expect(kinds(". 5")).toEqual(["symbol:.", "number:5"]);
    expect(kinds("1.2.3")).toEqual(["number:1.2", "number:.3"]);
  });

  it("reads digits 0 to 9 and nothing next to them as digits", () => {
    expect(kinds("0123456789/:")).toEqual(["number:0123456789", "symbol:/", "symbol::"]);
    expect(tokenize("/9")[1]).toEqual(number("9", 9, 0, 1));
    expect(tokenize("0")).toEqual([number("0", 0, 0, 0)]);
  });
});

describe("tokenize: words and currencies", () => {
  it("reads letters as lower-case words with offsets in the text", () => {
    expect(tokenize("Xiaomi FELL")).toEqual([
      { kind: "word", text: "xiaomi", value: Number.NaN, decimals: 0, start: 0, end: 6 },
      { kind: "word", text: "fell", value: Number.NaN, decimals: 0, start: 7, end: 11 },
    ]);
    expect(kinds("azAZ@[`{")).toEqual(["word:azaz", "symbol:@", "symbol:[", "symbol:`", "symbol:{"]);
  });

  it("joins letters across an inner hyphen or apostrophe, not a trailing one", () => {
    expect(kinds("one-day Xiaomi's Xiaomi\u2019s")).toEqual(["word:one-day", "word:xiaomi's", "word:xiaomi\u2019s"]);
    expect(kinds("end- rock'n'roll")).toEqual(["word:end", "symbol:-", "word:rock'n'roll"]);
    expect(kinds("Xiaomi' 5")).toEqual(["word:xiaomi", "symbol:'", "number:5"]);
    expect(kinds("a-1")).toEqual(["word:a", "symbol:-", "number:1"]);
    expect(kinds("a_b")).toEqual(["word:a", "symbol:_", "word:b"]);
  });

  it("reads letters and marks beyond ASCII as letters, and other signs beyond ASCII as symbols", () => {
    expect(kinds("Société Générale")).toEqual(["word:société", "word:générale"]);
    expect(kinds("小米 fell")).toEqual(["word:小米", "word:fell"]);
    expect(kinds("e\u0301tat")).toEqual(["word:e\u0301tat"]);
    expect(kinds("%é")).toEqual(["symbol:%", "word:é"]);
    expect(kinds("€a")).toEqual(["currency:€", "word:a"]);
    expect(kinds("a\u00b0")).toEqual(["word:a", "symbol:\u00b0"]);
  });

  it("reads a currency as up to three letters before '$', or a currency sign", () => {
    expect(tokenize("HK$29")).toEqual([
      { kind: "currency", text: "hk$", value: Number.NaN, decimals: 0, start: 0, end: 3 },
      number("29", 29, 0, 3),
    ]);
    expect(kinds("US$ S$ $ € £ ¥")).toEqual(["currency:us$", "currency:s$", "currency:$", "currency:€", "currency:£", "currency:¥"]);
    expect(kinds("USD$5")).toEqual(["currency:usd$", "number:5"]);
    expect(kinds("EURO$5")).toEqual(["word:euro", "currency:$", "number:5"]);
    expect(kinds("HK $")).toEqual(["word:hk", "currency:$"]);
  });
});

describe("tokenize: other characters and spaces", () => {
  it("skips spaces and ideographic spaces and reads any other character as a one-character symbol", () => {
    expect(tokenize("  %\u3000-")).toEqual([
      { kind: "symbol", text: "%", value: Number.NaN, decimals: 0, start: 2, end: 3 },
      { kind: "symbol", text: "-", value: Number.NaN, decimals: 0, start: 4, end: 5 },
    ]);
    expect(kinds("%!")).toEqual(["symbol:%", "symbol:!"]);
  });

  it("keeps a character outside the Basic Multilingual Plane (a surrogate pair) in one token", () => {
    expect(tokenize("\ud83d\udcc9%")).toEqual([
      { kind: "symbol", text: "\ud83d\udcc9", value: Number.NaN, decimals: 0, start: 0, end: 2 },
      { kind: "symbol", text: "%", value: Number.NaN, decimals: 0, start: 2, end: 3 },
    ]);
    expect(kinds("\ud800\udc00!")).toEqual(["symbol:\ud800\udc00", "symbol:!"]);
    expect(kinds("\udbff\udfff!")).toEqual(["symbol:\udbff\udfff", "symbol:!"]);
    // a lone low surrogate is one character
    expect(kinds("\udc00!")).toEqual(["symbol:\udc00", "symbol:!"]);
    expect(kinds("\ud7ff!")).toEqual(["symbol:\ud7ff", "symbol:!"]);
  });

  it("reads nothing from empty or blank text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("   ")).toEqual([]);
  });
});
