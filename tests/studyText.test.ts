import { describe, expect, it } from "vitest";
import { MAX_TEXT_EVENTS, studyText } from "../src/reports/studyText.js";
import { runStudy, studyRunOf, type StudyResult, type StudyRun } from "../src/study/runStudy.js";
import { HAND_EVENTS, HAND_STUDY_SPEC } from "./reference/handStudy.js";
import { HAND_UNIVERSE, priceFileWithWarnings } from "./helpers/handUniverse.js";

/**
 * The terminal text of a study, block by block (the figures in its tables are pinned in tests/studyView.test.ts):
 * the title line, one event's facts or the events table and cross-firm blocks, clusters and overlaps, dropped
 * events and price warnings.
 */

const singleResult = (): StudyResult => runStudy({ ...HAND_STUDY_SPEC, events: HAND_STUDY_SPEC.events.slice(0, 1) } as never);
const multiResult = (): StudyResult => runStudy(HAND_STUDY_SPEC as never);
const blocks = (text: string) => text.split("\n\n");
const xiaomi = HAND_EVENTS[0]!.common;

/** The hand study's run with `count` events (its three repeated) and the given extras. */
function runOf(result: StudyResult, count: number, extra: Partial<StudyRun> = {}): StudyRun {
  const run = studyRunOf(result);
  return { ...run, eventCount: count, event: (k) => result.events[k % result.events.length]!, ...extra };
}

describe("studyText of one event", () => {
  it("gives the title, the event's announcement, model and estimation, then its two tables", () => {
    const parts = blocks(studyText(singleResult()));
    expect(parts[0]).toBe("three HK firms: 1 event(s), market model, simple returns");
    expect(parts[1]).toBe(
      `1810.HK vs ^HSI, day 0 = 2021-01-15: announced 2021-01-14 15:50 America/New_York\n  model market: alpha ${xiaomi.alpha.toExponential(3)}, beta ${xiaomi.beta.toFixed(3)}, sigma ${(xiaomi.sigma * 100).toFixed(2)}% per day; estimation 240 days, 2020-01-13 to 2020-12-30, 238 df`,
    );
    expect(parts[2]).toMatch(/^\s*day\s+date\s+return\s+market\s+AR\s+SAR\s+CAR from first day\n/);
    expect(parts[3]).toMatch(/^window\s+dates\s+CAR\s+t\s+p\s+SQ p/);
    expect(parts).toHaveLength(4);
  });

  it("adds the event's universe ranking after its tables", () => {
    const result = singleResult();
    const parts = blocks(studyText({ ...result, events: [{ ...result.events[0]!, universe: HAND_UNIVERSE }] }));
    expect(parts[4]).toMatch(/^Ranked among 83 stocks of hk-universe on 2021-01-15:\n/);
  });

  it("ends with the price warnings", () => {
    const result = singleResult();
    const parts = blocks(studyText({ ...result, prices: [priceFileWithWarnings("1810.HK.csv", 1)] }));
    expect(parts.at(-1)).toBe("Price warnings (rows kept as trading days; --strict makes them errors):\n  1810.HK.csv line 10 (2020-06-01): low above close");
  });
});

describe("studyText of several events", () => {
  it("gives the title, the events table, the cross-firm tests and the AAR by day, and no cluster sentence", () => {
    const parts = blocks(studyText(multiResult()));
    expect(parts[0]).toBe("three HK firms: 3 event(s), market model, simple returns");
    expect(parts[1]).toMatch(/^event\s+symbol\s+market\s+day 0\s+beta\s+CAR\[0, 0\] \(t\)\s+CAR\[-1, 1\] \(t\)\n/);
    expect(parts[1]!.split("\n")).toHaveLength(2 + 3);
    expect(parts[2]).toMatch(/^Cross-firm tests:\n\s+\[0, 0\]\s+\[-1, 1\]\n/);
    expect(parts[3]).toMatch(/^Average abnormal return by day:\nday\s+N\s+AAR/);
    expect(parts).toHaveLength(4);
  });

  it("lists the first 50 events and says how many there are, with thousands separators", () => {
    const run = runOf(multiResult(), 1234);
    const parts = blocks(studyText(run));
    expect(MAX_TEXT_EVENTS).toBe(50);
    expect(parts[0]).toBe("three HK firms: 1,234 event(s), market model, simple returns");
    expect(parts[1]!.split("\n")).toHaveLength(2 + 50);
    expect(parts[2]).toBe("(the first 50 of 1,234 events; all are in the files of --out)");
  });

  it("lists exactly 50 events without saying there are more", () => {
    const parts = blocks(studyText(runOf(multiResult(), 50)));
    expect(parts[1]!.split("\n")).toHaveLength(2 + 50);
    expect(parts[2]).toMatch(/^Cross-firm tests:/);
  });

  it("adds each listed event's universe ranking, prefixed by its symbol, after the AAR by day", () => {
    const result = multiResult();
    const events = result.events.map((event, k) => (k === 1 ? { ...event, universe: HAND_UNIVERSE } : event));
    const parts = blocks(studyText({ ...result, events }));
    expect(parts[4]).toMatch(/^0981\.HK: Ranked among 83 stocks of hk-universe on 2021-01-15:\n/);
  });

  it("lists the dropped events with their reasons", () => {
    const dropped = [
      { symbol: "0001.HK", date: "2021-01-04", reason: "no price file" },
      { symbol: "0002.HK", date: "2021-02-01", reason: "too few estimation days" },
    ];
    const parts = blocks(studyText(runOf(multiResult(), 3, { dropped: dropped as never })));
    expect(parts.at(-1)).toBe("Dropped 2 event(s):\n  0001.HK 2021-01-04: no price file\n  0002.HK 2021-02-01: too few estimation days");
  });
});

describe("studyText of clustered events with overlapping windows", () => {
  const symbols = (n: number) => Array.from({ length: n }, (_, k) => `${String(k + 1).padStart(4, "0")}.HK`);
  const clusteredRun = (overlapCount: number) => {
    const result = multiResult();
    const aggregate = {
      ...result.aggregate!,
      headline: "kolariPynnonen" as const,
      clustered: true,
      clusters: [
        { day0: "2020-12-04", market: "^HSI", symbols: ["0981.HK", "0883.HK"] },
        { day0: "2021-01-15", market: "^HSI", symbols: symbols(12) },
      ],
      meanResidualCorrelation: 0.12345,
      overlaps: symbols(overlapCount).map((symbol) => ({ symbol, day0s: ["2020-12-04", "2020-12-07"] })),
    };
    return runOf(result, 3, { aggregate });
  };

  it("names the clusters (ten symbols, then a count) and the headline test with r", () => {
    const parts = blocks(studyText(clusteredRun(0)));
    expect(parts[2]).toBe(
      "Clustered events share day 0 and market: 0981.HK, 0883.HK on 2020-12-04 (^HSI); 0001.HK, 0002.HK, 0003.HK, 0004.HK, 0005.HK, 0006.HK, 0007.HK, 0008.HK, 0009.HK, 0010.HK, and 2 more on 2021-01-15 (^HSI). Naive tests over-reject when returns are cross-correlated; read the Kolari-Pynnonen t (r = 0.123) first.",
    );
    expect(parts[3]).toMatch(/^Cross-firm tests:/);
  });

  it("warns of each of the first ten firms with overlapping windows, then counts the rest", () => {
    const parts = blocks(studyText(clusteredRun(12)));
    expect(parts.slice(3, 13)).toEqual(symbols(10).map((symbol) => `Warning: ${symbol} has overlapping event windows (day 0 2020-12-04, 2020-12-07); its events are not independent.`));
    expect(parts[13]).toBe("... and 2 more firms with overlapping event windows.");
    expect(parts[14]).toMatch(/^Cross-firm tests:/);
  });

  it("warns of ten firms with overlapping windows without a count", () => {
    const parts = blocks(studyText(clusteredRun(10)));
    expect(parts[12]).toMatch(/^Warning: 0010\.HK/);
    expect(parts[13]).toMatch(/^Cross-firm tests:/);
  });

  it("lists ten clusters without a count", () => {
    const run = clusteredRun(0);
    const clusters = symbols(10).map((symbol) => ({ day0: "2020-12-04", market: "^HSI", symbols: [symbol] }));
    const text = studyText({ ...run, aggregate: { ...run.aggregate!, clusters } });
    expect(text).toContain("0010.HK on 2020-12-04 (^HSI). Naive tests");
    expect(text).not.toContain("more on");
  });

  it("lists the first ten of eleven clusters, then counts the rest", () => {
    const run = clusteredRun(0);
    const clusters = symbols(11).map((symbol) => ({ day0: "2020-12-04", market: "^HSI", symbols: [symbol] }));
    expect(studyText({ ...run, aggregate: { ...run.aggregate!, clusters } })).toContain("0010.HK on 2020-12-04 (^HSI); and 1 more. Naive tests");
  });
});
