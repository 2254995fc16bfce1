import * as dfd from "danfojs-node";
import { describe, expect, it } from "vitest";
import { checkClaim, runStudy, studyDataFrames, claimCheckDataFrame } from "../src/index.js";
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
