import * as dfd from "danfojs-node";
import { describe, expect, it } from "vitest";
import { checkClaim, claimCheckDataFrame, dataFrameHtml, runStudy, studyDataFrames } from "../src/index.js";
import { abnormalReturnsTable, carsTable } from "../src/reports/studyTables.js";

describe("results as danfojs DataFrames", () => {
  it("has one row per event-day and per event-window, with the CSV columns", async () => {
    const result = runStudy({ events: [{ symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York" }] });
    const { abnormalReturns, windows } = await studyDataFrames(result, dfd);
    expect(abnormalReturns.shape).toEqual([7, abnormalReturnsTable.columns.length]);
    expect(windows.shape).toEqual([3, carsTable.columns.length]);
    expect(windows["car"].values).toEqual(result.events[0]!.windows.map((w) => w.car));
    expect(abnormalReturns["date"].values[1]).toBe("2021-01-15");
  });

  it("lists a claim check's measures with the matching one flagged", async () => {
    const frame = await claimCheckDataFrame(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" }), dfd);
    const flags = frame["matchesClaim"].values as boolean[];
    expect((frame["measure"].values as string[]).filter((_, i) => flags[i])).toEqual(["intradayLow"]);
    expect(frame.shape).toEqual([9, 3]);
  });

  it("loads danfojs-node on demand when no module is given", async () => {
    const frame = await claimCheckDataFrame(checkClaim({ symbol: "1810.HK", date: "2021-01-15" }));
    expect(frame).toBeInstanceOf(dfd.DataFrame);
    expect(frame.columns).toEqual(["measure", "value", "matchesClaim"]);
  });
});

describe("dataFrameHtml", () => {
  it("writes every row and column, fractions to six significant digits, integers, text and dates as they are", () => {
    const frame = { columns: ["date", "car", "n", "flag"], values: [["2021-01-15", -0.111120020848, 1234567, true], ["2021-01-18", 123456.789, -2, null]] };
    expect(dataFrameHtml(frame)).toBe(
      '<table><thead><tr><th class="date">date</th><th class="num">car</th><th class="num">n</th><th>flag</th></tr></thead>' +
        '<tbody><tr><td class="date">2021-01-15</td><td class="num">-0.11112</td><td class="num">1234567</td><td>true</td></tr>' +
        '<tr><td class="date">2021-01-18</td><td class="num">123457</td><td class="num">-2</td><td>null</td></tr></tbody></table>',
    );
  });
});

describe("the data frames built with the module given", () => {
  /** A stand-in for danfojs' DataFrame that keeps the records it is built from. */
  class Records {
    constructor(readonly rows: Record<string, unknown>[]) {}
  }

  it("builds a study's frames from one record per event-day and per event-window", async () => {
    const result = runStudy({ events: [{ symbol: "1810.HK", date: "2021-01-14", time: "15:50", timezone: "America/New_York" }] });
    const { abnormalReturns, windows } = await studyDataFrames(result, { DataFrame: Records });
    expect(windows.rows.map((row) => [row.start, row.end, row.car])).toEqual(result.events[0]!.windows.map((w) => [w.start, w.end, w.car]));
    const windowsRun = result.events[0]!.windows;
    const first = Math.min(...windowsRun.map((w) => w.start));
    const last = Math.max(...windowsRun.map((w) => w.end));
    expect(abnormalReturns.rows.map((row) => row.offset)).toEqual(Array.from({ length: last - first + 1 }, (_, k) => first + k));
  });

  it("builds a claim check's frame with a row per measure, none matching without a claim", async () => {
    const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15" });
    const frame = await claimCheckDataFrame(check, { DataFrame: Records });
    expect(frame.rows[0]).toEqual({ measure: "closeToClose", value: check.measures.closeToClose, matchesClaim: false });
    expect(frame.rows.filter((row) => row.matchesClaim)).toEqual([]);
  });
});
