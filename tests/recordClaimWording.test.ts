import { describe, expect, it } from "vitest";
import { parseClaim } from "../src/claims/parseClaim.js";
import { claimsOf, onlyClaim } from "./helpers/claimReading.js";

/** How the wording of a record claim sets its direction, extreme, basis and the period it reaches back to. */
const DAY_0 = "2021-01-15";
const record = (text: string, options: { to?: number; date?: string } = {}) => onlyClaim("record", text, { date: DAY_0, ...options });

describe("the superlative and its noun", () => {
  it("reads 'lowest' and 'highest' as records of the close", () => {
    expect(record("the lowest close since March 2020")).toMatchObject({
      direction: "down",
      extreme: "close",
      basis: null,
      since: { start: "2020-03-01", end: "2020-03-31", text: "March 2020" },
    });
    expect(record("the highest close on record")).toMatchObject({ direction: "up", extreme: "close", since: null });
  });

  it.each([
    ["its biggest intraday fall since 2018", "down", "intraday"],
    ["its biggest intra-day drop ever", "down", "intraday"],
    ["its largest one-day gain of all-time", "up", null],
    ["its worst slide on record", "down", null],
    ["its worst session on record", "down", null],
    ["its best performance on record", "up", null],
    ["its strongest day on record", "up", null],
    ["its weakest day on record", "down", null],
  ] as const)("reads %j as a record move %s, basis %s", (text, direction, basis) => {
    expect(record(text)).toMatchObject({ kind: "record", direction, extreme: "move", basis });
  });

  it("reads 'day' as a direction only after worst, best, weakest or strongest", () => {
    expect(claimsOf("its biggest day on record", { date: DAY_0 })).toEqual([]);
  });

  it("looks for the noun in the four words after the superlative", () => {
    expect(record("the biggest single one-day percentage fall on record").direction).toBe("down");
    expect(claimsOf("the biggest single one-day intraday percentage fall on record", { date: DAY_0 })).toEqual([]);
  });

  it("looks for the noun only inside the clause", () => {
    expect(claimsOf("its biggest fall on record", { to: 2, date: DAY_0 })).toEqual([]);
    expect(record("its biggest fall on record", { to: 3 })).toMatchObject({ direction: "down", since: null });
  });
});

describe("what a record reaches back to", () => {
  it("reads a date after 'since' (and 'the'), with its own words as the text", () => {
    expect(record("its worst session since 16 March 2020").since).toEqual({ start: "2020-03-16", end: "2020-03-16", text: "16 March 2020" });
    expect(record("its biggest fall since the March 2020 crash").since).toEqual({ start: "2020-03-01", end: "2020-03-31", text: "March 2020" });
    expect(record("its biggest intraday fall since 2018").since).toEqual({ start: "2018-01-01", end: "2018-12-31", text: "2018" });
  });

  it("completes a date without a year from day 0's year", () => {
    expect(record("its biggest fall since 16 March", { date: "2021-06-01" }).since).toEqual({ start: "2021-03-16", end: "2021-03-16", text: "16 March" });
  });

  it.each(["the lowest close since its listing", "the lowest close since the IPO", "the lowest close since debut", "the lowest close since its 2018 listing", "the lowest close since its 2018 flotation"])(
    "reads %j as reaching back to the first day on file",
    (text) => {
      expect(record(text).since).toBeNull();
    },
  );

  it("reads no record when 'since' is followed by neither a date nor a listing", () => {
    expect(claimsOf("its biggest fall since Monday", { date: DAY_0 })).toEqual([]);
  });

  it.each([
    ["its biggest fall in five years", "2016-01-15", "in 5 years"],
    ["its biggest fall in 3 years", "2018-01-15", "in 3 years"],
    ["its biggest fall in a year", "2020-01-15", "in 1 year"],
    ["its biggest fall in a decade", "2011-01-15", "in a decade"],
  ])("reads %j as reaching back to %s", (text, start, label) => {
    expect(record(text).since).toEqual({ start, end: start, text: label });
  });

  it("reads 'in five days' as no period, and 'in five years' without day 0 as none either", () => {
    expect(record("its biggest fall in five days").since).toBeNull();
    expect(parseClaim("its biggest fall in five years")).toMatchObject({ kind: "record", since: null });
  });

  it("looks for 'since' in the twelve words from the noun on", () => {
    const within = `its biggest fall ${"zz ".repeat(10)}since March 2020`;
    expect(record(within).since).toEqual({ start: "2020-03-01", end: "2020-03-31", text: "March 2020" });
    const beyond = `its biggest fall ${"zz ".repeat(11)}since March 2020`;
    expect(record(beyond).since).toBeNull();
  });

  it("reads the words after the record as further claims", () => {
    const claims = claimsOf("its worst day since March 2020, down 8%", { date: DAY_0 });
    expect(claims.map(({ claim, at }) => [claim.kind, at])).toEqual([
      ["record", 1],
      ["move", 8],
    ]);
  });
});

describe("the words that close a record", () => {
  it.each(["its biggest fall on record, having traded since 2018", "its biggest fall ever, having traded since 2018", "its biggest fall of all-time, having traded since 2018"])(
    "reads %j as reaching back to the first day on file, not to 2018",
    (text) => {
      expect(record(text).since).toBeNull();
    },
  );

  it("looks for 'since' in the twelve words after 'lowest'", () => {
    expect(record(`the lowest close ${"zz ".repeat(10)}since March 2020`).since).toEqual({ start: "2020-03-01", end: "2020-03-31", text: "March 2020" });
    expect(record(`the lowest close ${"zz ".repeat(11)}since March 2020`).since).toBeNull();
  });
});

describe("'at its lowest' and 'at its highest'", () => {
  it("reads them as the intraday measure of a move, not as a record", () => {
    expect(claimsOf("At its lowest, Xiaomi was down 14%", { date: DAY_0 }).map(({ claim }) => [claim.kind, claim.kind === "move" && claim.measureHint])).toEqual([["move", "intraday"]]);
    expect(claimsOf("Xiaomi rose 14% at its highest", { date: DAY_0 }).map(({ claim }) => claim.kind)).toEqual(["move"]);
    expect(parseClaim("At its lowest, Xiaomi was down 14%").kind).toBe("move");
    expect(record("Xiaomi hit its lowest since March 2020").since).toEqual({ start: "2020-03-01", end: "2020-03-31", text: "March 2020" });
  });

  it("reads them as a record when a period follows ('closed at its lowest since March 2020')", () => {
    expect(record("Xiaomi closed at its lowest since March 2020")).toMatchObject({ direction: "down", extreme: "close", since: { start: "2020-03-01", end: "2020-03-31", text: "March 2020" } });
    expect(record("Xiaomi ended at its highest on record")).toMatchObject({ direction: "up", extreme: "close", since: null });
    expect(claimsOf("Xiaomi ended at its highest since 2018", { date: DAY_0 }).map(({ claim }) => claim.kind)).toEqual(["record"]);
  });
});

describe("records over longer spans", () => {
  it.each(["its worst week since 2008", "its best month on record"])("reads no one-day record in %j", (text) => {
    expect(claimsOf(text, { date: DAY_0 })).toEqual([]);
  });
});

describe("a period without a number", () => {
  it("reads 'in many years' as no period of one year, but as the whole file", () => {
    expect(record("its biggest fall in many years").since).toBeNull();
  });
});

describe("a text that ends after 'in'", () => {
  it("reads 'its biggest fall in' as a record over the whole file", () => {
    expect(record("its biggest fall in").since).toBeNull();
  });
});

describe("'for five years'", () => {
  it("reads 'for' like 'in' before a number of years", () => {
    expect(record("its biggest one-day fall for five years").since).toEqual({ start: "2016-01-15", end: "2016-01-15", text: "in 5 years" });
    expect(record("its biggest fall for a decade").since).toEqual({ start: "2011-01-15", end: "2011-01-15", text: "in a decade" });
  });
});
