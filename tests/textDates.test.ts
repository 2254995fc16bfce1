import { describe, expect, it } from "vitest";
import { normaliseClaimText, tokenize } from "../src/claims/claimText.js";
import { datePeriodAt, yearsBefore } from "../src/claims/textDates.js";

/** The date read at the first token of `date` written after `before` (a prefix, so the date does not start at token 0). */
function dateIn(before: string, date: string, year?: number) {
  const prefix = tokenize(normaliseClaimText(before)).length;
  return datePeriodAt(tokenize(normaliseClaimText(`${before} ${date}`)), prefix, year);
}
const day = (iso: string, length: number) => ({ start: iso, end: iso, length });

describe("datePeriodAt: a written day, month and year", () => {
  it("reads ISO dates as one day of five tokens", () => {
    expect(dateIn("on", "2021-01-15")).toEqual(day("2021-01-15", 5));
    expect(dateIn("", "2021-12-31")).toEqual(day("2021-12-31", 5));
    expect(dateIn("shares fell on", "2020-02-29 after")).toEqual(day("2020-02-29", 5));
  });

  it("reads an ISO-like date with an impossible month or day as its year alone", () => {
    const year2021 = { start: "2021-01-01", end: "2021-12-31", length: 1 };
    expect(dateIn("on", "2021-00-15")).toEqual(year2021);
    expect(dateIn("on", "2021-13-01")).toEqual(year2021);
    expect(dateIn("on", "2021-02-29")).toEqual(year2021);
    expect(dateIn("on", "2021-04-31")).toEqual(year2021);
    expect(dateIn("on", "2021-01-00")).toEqual(year2021);
    expect(dateIn("on", "2021-01-1.5")).toEqual(year2021);
    expect(dateIn("on", "2021-jan-15")).toEqual(year2021);
  });

  it("needs a dash on both sides of the ISO month", () => {
    const year2021 = { start: "2021-01-01", end: "2021-12-31", length: 1 };
    expect(dateIn("on", "2021/01-15")).toEqual(year2021);
    expect(dateIn("on", "2021-01/15")).toEqual(year2021);
    expect(dateIn("on", "2021-01-")).toEqual(year2021);
    expect(dateIn("on", "2021-01")).toEqual(year2021);
    expect(dateIn("on", "2021-")).toEqual(year2021);
  });

  it("reads '15 January 2021', '15 Jan. 2021' and '15 January' in a given year", () => {
    expect(dateIn("on", "15 January 2021")).toEqual(day("2021-01-15", 3));
    expect(dateIn("on", "15 Jan. 2021")).toEqual(day("2021-01-15", 4));
    expect(dateIn("on", "31 dec 2019")).toEqual(day("2019-12-31", 3));
    expect(dateIn("on", "15 January", 2021)).toEqual(day("2021-01-15", 2));
    expect(dateIn("on", "15 Jan.", 2021)).toEqual(day("2021-01-15", 2));
    // a year written beside the day wins over the year given
    expect(dateIn("on", "15 January 2021", 2020)).toEqual(day("2021-01-15", 3));
    expect(dateIn("on", "15 January 2021", 2021)).toEqual(day("2021-01-15", 3));
    expect(dateIn("on", "15 Jan. 2021", 2021)).toEqual(day("2021-01-15", 4));
    expect(dateIn("on", "15 January")).toBeNull();
  });

  it("reads 'January 15, 2021', 'Jan. 15 2021' and 'January 15' in a given year", () => {
    expect(dateIn("on", "January 15, 2021")).toEqual(day("2021-01-15", 4));
    expect(dateIn("on", "January 15 2021")).toEqual(day("2021-01-15", 3));
    expect(dateIn("on", "Jan. 15, 2021")).toEqual(day("2021-01-15", 5));
    expect(dateIn("on", "Sept 30, 2020")).toEqual(day("2020-09-30", 4));
    expect(dateIn("on", "January 15", 2021)).toEqual(day("2021-01-15", 2));
    expect(dateIn("on", "Jan. 15", 2021)).toEqual(day("2021-01-15", 3));
    expect(dateIn("on", "January 15, 2021", 2019)).toEqual(day("2021-01-15", 4));
    expect(dateIn("on", "January 15")).toBeNull();
  });

  it("accepts the last day of each month and no day after it (29 February only in leap years)", () => {
    expect(dateIn("on", "29 February 2020")).toEqual(day("2020-02-29", 3));
    expect(dateIn("on", "29 February 2021")).toBeNull();
    expect(dateIn("on", "February 29, 2021")).toBeNull();
    expect(dateIn("on", "30 April 2021")).toEqual(day("2021-04-30", 3));
    expect(dateIn("on", "31 April 2021")).toBeNull();
    expect(dateIn("on", "April 31, 2021")).toBeNull();
    expect(dateIn("on", "1 March 2021")).toEqual(day("2021-03-01", 3));
    expect(dateIn("on", "March 1, 2021")).toEqual(day("2021-03-01", 4));
    expect(dateIn("on", "0 March 2021")).toBeNull();
    expect(dateIn("on", "March 0, 2021")).toBeNull();
    expect(dateIn("on", "32 January 2021")).toBeNull();
  });

  it("takes only whole numbers as days", () => {
    expect(dateIn("on", "15.5 January 2021")).toBeNull();
    expect(dateIn("on", "January 15.5, 2021")).toBeNull();
  });

  it("reads a month and year as the whole month", () => {
    expect(dateIn("since", "March 2020")).toEqual({ start: "2020-03-01", end: "2020-03-31", length: 2 });
    expect(dateIn("since", "Feb 2020")).toEqual({ start: "2020-02-01", end: "2020-02-29", length: 2 });
    expect(dateIn("since", "Feb. 2021")).toEqual({ start: "2021-02-01", end: "2021-02-28", length: 3 });
    expect(dateIn("since", "november 2018")).toEqual({ start: "2018-11-01", end: "2018-11-30", length: 2 });
  });

  it("reads a year from 1900 to 2100 as the whole year", () => {
    expect(dateIn("in", "2018")).toEqual({ start: "2018-01-01", end: "2018-12-31", length: 1 });
    expect(dateIn("in", "1900")).toEqual({ start: "1900-01-01", end: "1900-12-31", length: 1 });
    expect(dateIn("in", "2100")).toEqual({ start: "2100-01-01", end: "2100-12-31", length: 1 });
    expect(dateIn("in", "1899")).toBeNull();
    expect(dateIn("in", "2101")).toBeNull();
    expect(dateIn("in", "2018.5")).toBeNull();
    expect(dateIn("in", "2,018")).toBeNull();
  });

  it("does not take a year-sized number beside a month for the year when it is no year", () => {
    expect(dateIn("", "January 2101")).toBeNull();
    expect(dateIn("", "January 2,021")).toBeNull();
    expect(dateIn("", "15 January 2,021")).toBeNull();
    expect(dateIn("", "15 January 2,021", 2020)).toEqual(day("2020-01-15", 2));
    expect(dateIn("", "January 15, 2101", 2020)).toEqual(day("2020-01-15", 2));
  });

  it("reads nothing at a word, a lone month, a number or past the end", () => {
    expect(dateIn("on", "Friday")).toBeNull();
    expect(dateIn("on", "Friday 2021")).toBeNull();
    expect(dateIn("on", "January")).toBeNull();
    expect(dateIn("on", "January", 2021)).toBeNull();
    expect(dateIn("in", "January trading")).toBeNull();
    expect(dateIn("on", "15")).toBeNull();
    expect(dateIn("on", "15", 2021)).toBeNull();
    expect(datePeriodAt([], 0)).toBeNull();
    expect(datePeriodAt(tokenize("on 2021"), 2)).toBeNull();
  });
});

describe("yearsBefore", () => {
  it("moves the year back and keeps month and day", () => {
    expect(yearsBefore("2021-01-15", 1)).toBe("2020-01-15");
    expect(yearsBefore("2021-03-31", 4)).toBe("2017-03-31");
    expect(yearsBefore("2024-02-29", 4)).toBe("2020-02-29");
    // 2092 is a leap year, 2100 is not
    expect(yearsBefore("2096-02-29", 4)).toBe("2092-02-29");
  });

  it("falls back from 29 February to 28 February in a common year", () => {
    expect(yearsBefore("2020-02-29", 1)).toBe("2019-02-28");
    expect(yearsBefore("2020-02-29", 3)).toBe("2017-02-28");
  });
});
