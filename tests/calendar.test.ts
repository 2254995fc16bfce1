import { describe, expect, it } from "vitest";
import { alignPrices } from "../src/engine/alignment.js";
import { columnsOf } from "../src/sources/priceCsv.js";
import { eventDayIndex, firstOnOrAfter } from "../src/calendar/eventDay.js";
import { exchangeOf } from "../src/calendar/exchanges.js";
import { isTimeZone, zonedInstant } from "../src/calendar/zonedTime.js";
import type { PriceBar } from "../src/sources/priceBar.js";

describe("zonedInstant", () => {
  it("New York in January is UTC-5: 2021-01-14 15:50 = 20:50Z", () => {
    expect(zonedInstant("2021-01-14", "15:50", "America/New_York")).toBe(Date.UTC(2021, 0, 14, 20, 50));
  });

  it("New York in July is UTC-4: 2021-07-15 09:30 = 13:30Z", () => {
    expect(zonedInstant("2021-07-15", "09:30", "America/New_York")).toBe(Date.UTC(2021, 6, 15, 13, 30));
  });

  it("Hong Kong is UTC+8 all year: 16:00 HK = 08:00Z in January and in July", () => {
    expect(zonedInstant("2021-01-15", "16:00", "Asia/Hong_Kong")).toBe(Date.UTC(2021, 0, 15, 8, 0));
    expect(zonedInstant("2021-07-15", "16:00", "Asia/Hong_Kong")).toBe(Date.UTC(2021, 6, 15, 8, 0));
  });

  it("crosses the date line backwards: 2021-01-01 00:00 HK = 2020-12-31 16:00Z", () => {
    expect(zonedInstant("2021-01-01", "00:00", "Asia/Hong_Kong")).toBe(Date.UTC(2020, 11, 31, 16, 0));
  });

  it("crosses the date line forwards: 2021-01-14 22:00 New York = 2021-01-15 03:00Z", () => {
    expect(zonedInstant("2021-01-14", "22:00", "America/New_York")).toBe(Date.UTC(2021, 0, 15, 3, 0));
  });

  it("handles half-hour offsets: 10:00 Asia/Kolkata (UTC+5:30) = 04:30Z", () => {
    expect(zonedInstant("2021-01-14", "10:00", "Asia/Kolkata")).toBe(Date.UTC(2021, 0, 14, 4, 30));
  });

  it("Shanghai is UTC+8: 15:00 = 07:00Z", () => {
    expect(zonedInstant("2021-03-01", "15:00", "Asia/Shanghai")).toBe(Date.UTC(2021, 2, 1, 7, 0));
  });

  it("UTC is UTC", () => {
    expect(zonedInstant("2021-03-14", "02:30", "UTC")).toBe(Date.UTC(2021, 2, 14, 2, 30));
  });

  describe("New York spring-forward day, 2021-03-14 (02:00 EST -> 03:00 EDT, at 07:00Z)", () => {
    it("01:30 is still EST (UTC-5) = 06:30Z", () => {
      expect(zonedInstant("2021-03-14", "01:30", "America/New_York")).toBe(Date.UTC(2021, 2, 14, 6, 30));
    });
    it("03:30 is already EDT (UTC-4) = 07:30Z", () => {
      expect(zonedInstant("2021-03-14", "03:30", "America/New_York")).toBe(Date.UTC(2021, 2, 14, 7, 30));
    });
    it("16:00 (the NYSE close) is EDT = 20:00Z", () => {
      expect(zonedInstant("2021-03-14", "16:00", "America/New_York")).toBe(Date.UTC(2021, 2, 14, 20, 0));
    });
    it("02:30 does not exist; it resolves one offset later, to 03:30 EDT = 07:30Z (as documented)", () => {
      expect(zonedInstant("2021-03-14", "02:30", "America/New_York")).toBe(Date.UTC(2021, 2, 14, 7, 30));
    });
  });

  describe("New York fall-back day, 2021-11-07 (02:00 EDT -> 01:00 EST, at 06:00Z)", () => {
    it("00:30 is EDT (UTC-4) = 04:30Z", () => {
      expect(zonedInstant("2021-11-07", "00:30", "America/New_York")).toBe(Date.UTC(2021, 10, 7, 4, 30));
    });
    it("the ambiguous 01:30 resolves to the earlier instant, 01:30 EDT = 05:30Z", () => {
      expect(zonedInstant("2021-11-07", "01:30", "America/New_York")).toBe(Date.UTC(2021, 10, 7, 5, 30));
    });
    it("03:00 is EST (UTC-5) = 08:00Z", () => {
      expect(zonedInstant("2021-11-07", "03:00", "America/New_York")).toBe(Date.UTC(2021, 10, 7, 8, 0));
    });
  });

  it("isTimeZone knows IANA names and rejects others", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("Asia/Hong_Kong")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("exchangeOf", () => {
  it("maps suffixes and indices to zones and closes", () => {
    expect(exchangeOf("1810.HK")).toMatchObject({ timeZone: "Asia/Hong_Kong", close: "16:00" });
    expect(exchangeOf("^HSI")).toMatchObject({ timeZone: "Asia/Hong_Kong", close: "16:00" });
    expect(exchangeOf("688012.SS")).toMatchObject({ timeZone: "Asia/Shanghai", close: "15:00" });
    expect(exchangeOf("000001.SZ")).toMatchObject({ timeZone: "Asia/Shanghai", close: "15:00" });
    expect(exchangeOf("LKCO")).toMatchObject({ timeZone: "America/New_York", close: "16:00" });
  });
});

describe("eventDayIndex", () => {
  // HKEX trading dates around the DoD list: Sat 16 and Sun 17 January 2021 are not trading days.
  const hk = ["2021-01-11", "2021-01-12", "2021-01-13", "2021-01-14", "2021-01-15", "2021-01-18", "2021-01-19"];
  const jan14 = hk.indexOf("2021-01-14");
  const jan15 = hk.indexOf("2021-01-15");
  const jan18 = hk.indexOf("2021-01-18");

  it("DoD list at 15:50 New York on 14 Jan (04:50 HK on 15 Jan) -> day 0 is 2021-01-15 for 1810.HK", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", time: "15:50", timezone: "America/New_York" })).toBe(jan15);
  });

  it("10:00 New York on 14 Jan is 23:00 HK, after the 16:00 HK close -> 2021-01-15", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", time: "10:00", timezone: "America/New_York" })).toBe(jan15);
  });

  it("02:00 New York on 14 Jan is 15:00 HK, before the HK close -> 2021-01-14", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", time: "02:00", timezone: "America/New_York" })).toBe(jan14);
  });

  it("09:00 Hong Kong on a trading date -> that same date", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", time: "09:00", timezone: "Asia/Hong_Kong" })).toBe(jan14);
  });

  it("15:59 HK -> same date; exactly 16:00 HK (the close) -> next trading date", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", time: "15:59", timezone: "Asia/Hong_Kong" })).toBe(jan14);
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", time: "16:00", timezone: "Asia/Hong_Kong" })).toBe(jan15);
  });

  it("a time without a zone is read in the exchange's zone (HK)", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", time: "15:00" })).toBe(jan14);
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", time: "17:00" })).toBe(jan15);
  });

  it("after the Friday close -> the following Monday", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-15", time: "18:00", timezone: "Asia/Hong_Kong" })).toBe(jan18);
  });

  it("a Sunday date without time -> Monday", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-17" })).toBe(jan18);
  });

  it("a Saturday with a time -> Monday", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-16", time: "10:00", timezone: "Asia/Hong_Kong" })).toBe(jan18);
  });

  it("a trading date without time -> that date", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14" })).toBe(jan14);
  });

  it("a New York date without time, for a Hong Kong stock -> the first session after the New York day ends", () => {
    // 14 Jan ends at 24:00 New York = 15 Jan 13:00 Hong Kong, before the 15 Jan close
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", timezone: "America/New_York" })).toBe(jan15);
    // Friday 15 Jan ends at 16 Jan 13:00 Hong Kong, a Saturday -> Monday
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-15", timezone: "America/New_York" })).toBe(jan18);
  });

  it("a date without time in a zone on the exchange's clock -> that date", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", timezone: "Asia/Shanghai" })).toBe(jan14);
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-14", timezone: "Asia/Hong_Kong" })).toBe(jan14);
  });

  it("a date after the last trading date -> -1", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-20" })).toBe(-1);
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-20", time: "09:00", timezone: "Asia/Hong_Kong" })).toBe(-1);
  });

  it("after the close of the last trading date -> -1", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-19", time: "16:30", timezone: "Asia/Hong_Kong" })).toBe(-1);
  });

  it("a date before the first trading date without time -> index 0", () => {
    expect(eventDayIndex(hk, "1810.HK", { date: "2021-01-01" })).toBe(0);
  });

  it("^HSI uses the Hong Kong close", () => {
    expect(eventDayIndex(hk, "^HSI", { date: "2021-01-14", time: "15:50", timezone: "America/New_York" })).toBe(jan15);
  });

  describe("a US symbol (LKCO), NYSE close 16:00 New York", () => {
    const us = ["2021-01-13", "2021-01-14", "2021-01-15", "2021-01-19"]; // 18 Jan 2021: Martin Luther King Jr. Day
    it("15:50 New York -> the same day", () => {
      expect(eventDayIndex(us, "LKCO", { date: "2021-01-14", time: "15:50", timezone: "America/New_York" })).toBe(1);
    });
    it("16:30 New York -> the next trading day", () => {
      expect(eventDayIndex(us, "LKCO", { date: "2021-01-14", time: "16:30", timezone: "America/New_York" })).toBe(2);
    });
    it("16:30 New York on Friday 15 Jan -> Tuesday 19 Jan (Monday was a holiday)", () => {
      expect(eventDayIndex(us, "LKCO", { date: "2021-01-15", time: "16:30", timezone: "America/New_York" })).toBe(3);
    });
    it("09:00 Hong Kong on 15 Jan is 20:00 New York on 14 Jan -> 15 Jan", () => {
      expect(eventDayIndex(us, "LKCO", { date: "2021-01-15", time: "09:00", timezone: "Asia/Hong_Kong" })).toBe(2);
    });
    it("15:50 New York in summer (EDT) -> the same day", () => {
      expect(eventDayIndex(["2021-07-14", "2021-07-15"], "LKCO", { date: "2021-07-14", time: "15:50", timezone: "America/New_York" })).toBe(0);
      expect(eventDayIndex(["2021-07-14", "2021-07-15"], "LKCO", { date: "2021-07-14", time: "16:10", timezone: "America/New_York" })).toBe(1);
    });
  });

  describe("a Shanghai symbol (688012.SS), close 15:00 Asia/Shanghai", () => {
    const ss = ["2021-03-01", "2021-03-02", "2021-03-03"];
    it("14:59 Shanghai -> the same day", () => {
      expect(eventDayIndex(ss, "688012.SS", { date: "2021-03-01", time: "14:59", timezone: "Asia/Shanghai" })).toBe(0);
    });
    it("15:30 Shanghai (after its close, before the HK close) -> the next day", () => {
      expect(eventDayIndex(ss, "688012.SS", { date: "2021-03-01", time: "15:30", timezone: "Asia/Shanghai" })).toBe(1);
    });
    it("15:30 without a zone is read in Shanghai time -> the next day", () => {
      expect(eventDayIndex(ss, "688012.SS", { date: "2021-03-01", time: "15:30" })).toBe(1);
    });
    it("01:30 New York on 1 Mar is 14:30 Shanghai -> the same day", () => {
      expect(eventDayIndex(ss, "688012.SS", { date: "2021-03-01", time: "01:30", timezone: "America/New_York" })).toBe(0);
    });
  });
});

describe("firstOnOrAfter", () => {
  const dates = ["2021-01-04", "2021-01-05", "2021-01-07"];
  it("finds an exact date, the next date, or -1", () => {
    expect(firstOnOrAfter(dates, "2021-01-05")).toBe(1);
    expect(firstOnOrAfter(dates, "2021-01-06")).toBe(2);
    expect(firstOnOrAfter(dates, "2021-01-01")).toBe(0);
    expect(firstOnOrAfter(dates, "2021-01-08")).toBe(-1);
    expect(firstOnOrAfter([], "2021-01-08")).toBe(-1);
  });
});

describe("alignPrices", () => {
  function bar(date: string, close: number): PriceBar {
    return { date, open: close, high: close, low: close, close, adjClose: close, volume: 1 };
  }

  it("keeps only the dates on which both firm and market have a bar, pairing the right bars", () => {
    // firm misses 03, 06; market misses 02, 05, 08; the market starts earlier and the firm ends later.
    const firm = [bar("2021-01-02", 12), bar("2021-01-04", 14), bar("2021-01-05", 15), bar("2021-01-07", 17), bar("2021-01-08", 18)];
    const market = [bar("2021-01-01", 101), bar("2021-01-03", 103), bar("2021-01-04", 104), bar("2021-01-06", 106), bar("2021-01-07", 107)];
    const aligned = alignPrices(columnsOf(firm), columnsOf(market));
    expect(aligned.dates).toEqual(["2021-01-04", "2021-01-07"]);
    expect([...aligned.firm.close]).toEqual([14, 17]);
    expect([...aligned.market.close]).toEqual([104, 107]);
    expect(aligned.firm.dates).toEqual(aligned.dates);
    expect(aligned.market.dates).toEqual(aligned.dates);
  });

  it("is the identity on identical calendars", () => {
    const dates = ["2021-01-04", "2021-01-05", "2021-01-06"];
    const aligned = alignPrices(columnsOf(dates.map((d, i) => bar(d, i + 1))), columnsOf(dates.map((d, i) => bar(d, 100 + i))));
    expect(aligned.dates).toEqual(dates);
    expect([...aligned.firm.close]).toEqual([1, 2, 3]);
    expect([...aligned.market.close]).toEqual([100, 101, 102]);
  });

  it("gives empty arrays when the calendars do not overlap", () => {
    const aligned = alignPrices(columnsOf([bar("2021-01-04", 1)]), columnsOf([bar("2021-01-05", 2)]));
    expect(aligned.dates).toEqual([]);
    expect(aligned.firm.close).toHaveLength(0);
    expect(aligned.market.close).toHaveLength(0);
    expect(alignPrices(columnsOf([]), columnsOf([bar("2021-01-05", 2)])).dates).toEqual([]);
    expect(alignPrices(columnsOf([bar("2021-01-05", 2)]), columnsOf([])).dates).toEqual([]);
  });
});

describe("dayNumber", () => {
  it("counts days since 1970-01-01 like Date.UTC, across leap years and centuries", async () => {
    const { dayNumber } = await import("../src/calendar/dayNumber.js");
    for (const date of ["1970-01-01", "1969-12-31", "2000-02-29", "2000-03-01", "1900-03-01", "2021-01-15", "2024-12-31", "2100-02-28"]) {
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      expect(dayNumber(date)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });
});
