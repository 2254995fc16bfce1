import { describe, expect, it } from "vitest";
import { escapeHtml } from "../src/reports/html.js";
import { studyReportBody } from "../src/reports/studyReport.js";
import { studyText } from "../src/reports/studyText.js";
import { abnormalReturnsView, crossFirmView, daysView, eventFacts, eventsView, studyHeadlines, studyQuestion, windowsView } from "../src/reports/studyView.js";
import { runStudy } from "../src/study/runStudy.js";
import { HAND_EVENTS, HAND_STUDY_SPEC, mean, sd, WINDOWS } from "./reference/handStudy.js";
import { twoSidedTReference } from "./reference/highPrecision.js";

/**
 * The study view (the figures the terminal text and the HTML report show) against the study worked out by hand in
 * tests/reference/handStudy.ts, each figure written here with toFixed as the README describes it: percentages
 * signed with two decimals, statistics with two, p-values with four ("<0.0001" below that).
 */

const percent = (x: number) => `${x > 0 ? "+" : ""}${(x * 100).toFixed(2)}%`;
const p4 = (p: number) => (p < 0.0001 ? "<0.0001" : p.toFixed(4));
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A table row as the terminal lays it out: its non-empty cells in order, separated by spaces. */
const textRow = (row: readonly string[]) => new RegExp(row.filter((cell) => cell !== "").map(escaped).join("\\s+"));
/** Fresh results per test: Stryker's per-test coverage sees only what runs inside a test. */
const singleResult = () => runStudy({ ...HAND_STUDY_SPEC, events: HAND_STUDY_SPEC.events.slice(0, 1) } as never);
const multiResult = () => runStudy(HAND_STUDY_SPEC as never);
const xiaomi = HAND_EVENTS[0]!;

describe("one event's view", () => {
  it("gives the model and estimation facts from the hand fit", () => {
    const single = singleResult();
    const event = single.events[0]!;
    const c = xiaomi.common;
    expect(eventFacts(event)).toEqual({
      title: "1810.HK vs ^HSI, day 0 = 2021-01-15",
      model: `market: alpha ${c.alpha.toExponential(3)}, beta ${c.beta.toFixed(3)}, sigma ${(c.sigma * 100).toFixed(2)}% per day`,
      estimation: `${c.nEstimation} days, ${c.estimationStart} to ${c.estimationEnd}, ${c.df} df`,
    });
  });

  it("lists each day's return, market return, AR, SAR and the CAR from the span's first day", () => {
    const single = singleResult();
    const event = single.events[0]!;
    let car = 0;
    const rows = xiaomi.spanDays.map((day) => {
      car += day.ar;
      return [String(day.offset), day.date, percent(day.ret), percent(day.marketRet), percent(day.ar), day.sar.toFixed(2), percent(car)];
    });
    expect(abnormalReturnsView(event).rows).toEqual(rows);
  });

  it("lists each window's CAR, t, p, SQ test, BHAR, volatility and volume", () => {
    const single = singleResult();
    const event = single.events[0]!;
    expect(windowsView(event).rows).toEqual(
      xiaomi.windows.map((w) => [
        `[${w.start}, ${w.end}]`,
        w.start === w.end ? w.startDate : `${w.startDate} to ${w.endDate}`,
        percent(w.car),
        w.t.toFixed(2),
        p4(w.p),
        p4(w.sqP),
        w.sqQuantile.toFixed(3),
        percent(w.bhar),
        w.volatilityRatio.toFixed(2),
        p4(w.volatilityP),
        w.cav.toFixed(3),
        w.cavT.toFixed(2),
        p4(w.cavP),
      ]),
    );
  });

  it("states each window's CAR, its significance and BHAR in the headline sentences", () => {
    const single = singleResult();
    const event = single.events[0]!;
    const significance = (p: number) => (p < 0.01 ? "significant at 1%" : p < 0.05 ? "significant at 5%" : "not significant at 5%");
    expect(studyQuestion(single)).toBe("Did 1810.HK move abnormally, against ^HSI, when the news of 2021-01-14 15:50 America/New_York reached the market (day 0 = 2021-01-15)?");
    expect(studyHeadlines(single)).toEqual(
      xiaomi.windows.map(
        (w) => `CAR[${w.start}, ${w.end}] (${w.startDate} to ${w.endDate}) = ${percent(w.car)}: t = ${w.t.toFixed(2)}, p = ${p4(w.p)} with ${xiaomi.common.df} df, ${significance(w.p)}; BHAR ${percent(w.bhar)}.`,
      ),
    );
    expect(studyHeadlines(single)[0]).toMatch(/^CAR\[0, 0\] \(2021-01-15 to 2021-01-15\) = -11\.11%: .* significant at 1%/);
  });

  it("is what the terminal text and the HTML report show", async () => {
    const single = singleResult();
    const event = single.events[0]!;
    const text = studyText(single);
    const html = await studyReportBody(single, { file: "result.json", sha256: "0".repeat(64), version: "test" });
    for (const table of [abnormalReturnsView(event), windowsView(event)]) {
      for (const row of table.rows) {
        expect(text).toMatch(textRow(row));
        expect(html).toMatch(new RegExp(`<tr>${row.map((cell) => `<td[^>]*>${escaped(escapeHtml(cell))}</td>`).join("")}</tr>`));
      }
    }
    for (const line of studyHeadlines(single)) expect(html).toContain(escapeHtml(line));
  });
});

describe("a multi-firm study's view", () => {
  const n = HAND_EVENTS.length;

  it("lists each event's beta and CARs with their t", () => {
    const multi = multiResult();
    const aggregate = multi.aggregate!;
    expect(eventsView(multi.eventWindows, multi.events)).toEqual({
      header: ["event", "symbol", "market", "day 0", "beta", ...WINDOWS.map(([s, e]) => `CAR[${s}, ${e}] (t)`)],
      rows: HAND_EVENTS.map((e) => ["", e.common.symbol, "^HSI", e.common.day0, e.common.beta.toFixed(2), ...e.windows.map((w) => `${percent(w.car)} (${w.t.toFixed(2)})`)]),
    });
  });

  it("gives each window's N, CAAR, signs and the cross-sectional and BMP t, the headline marked", () => {
    const multi = multiResult();
    const aggregate = multi.aggregate!;
    const rows = new Map(crossFirmView(aggregate).rows.map(([label, ...cells]) => [label, cells]));
    const cars = (w: number) => HAND_EVENTS.map((e) => e.windows[w]!.car);
    const scars = (w: number) => HAND_EVENTS.map((e) => e.windows[w]!.scar);
    const tCell = (xs: number[]) => {
      const t = mean(xs) / (sd(xs) / Math.sqrt(n));
      return `${t.toFixed(2)} (p ${p4(twoSidedTReference(t, n - 1))})`;
    };
    expect(rows.get("N")).toEqual(WINDOWS.map(() => String(n)));
    expect(rows.get("CAAR")).toEqual(WINDOWS.map((_, w) => percent(mean(cars(w)))));
    expect(rows.get("positive : negative")).toEqual(WINDOWS.map((_, w) => `${cars(w).filter((c) => c > 0).length} : ${cars(w).filter((c) => c < 0).length}`));
    expect(rows.get("cross-sectional t")).toEqual(WINDOWS.map((_, w) => tCell(cars(w))));
    expect(rows.get("BMP t (headline)")).toEqual(WINDOWS.map((_, w) => tCell(scars(w))));
    expect(rows.get("mean BHAR")).toEqual(WINDOWS.map((_, w) => percent(mean(HAND_EVENTS.map((e) => e.windows[w]!.bhar)))));
    expect(rows.get("mean CAV (log volume)")).toEqual(WINDOWS.map((_, w) => mean(HAND_EVENTS.map((e) => e.windows[w]!.cav)).toFixed(3)));
    expect(rows.get("CAV cross-sectional t")).toEqual(WINDOWS.map((_, w) => tCell(HAND_EVENTS.map((e) => e.windows[w]!.cav))));
  });

  it("gives each day's AAR, signs and the BMP t of the day's SARs", () => {
    const multi = multiResult();
    const aggregate = multi.aggregate!;
    expect(daysView(aggregate).header).toEqual(["day", "N", "AAR", "+ : -", "BMP t", "p"]);
    expect(daysView(aggregate).rows).toEqual(
      HAND_EVENTS[0]!.spanDays.map(({ offset }, d) => {
        const ars = HAND_EVENTS.map((e) => e.spanDays[d]!.ar);
        const sars = HAND_EVENTS.map((e) => e.spanDays[d]!.sar);
        const t = mean(sars) / (sd(sars) / Math.sqrt(n));
        return [String(offset), String(n), percent(mean(ars)), `${ars.filter((a) => a > 0).length} : ${ars.filter((a) => a < 0).length}`, t.toFixed(2), p4(twoSidedTReference(t, n - 1))];
      }),
    );
  });

  it("states each window's CAAR with the headline test, and asks about the three dates", () => {
    const multi = multiResult();
    const aggregate = multi.aggregate!;
    const days = HAND_EVENTS.map((e) => e.common.day0);
    expect(studyQuestion(multi)).toBe(`Did the 3 stocks move abnormally around their events (day 0 on 3 dates, ${days[0]} to ${days[2]})?`);
    expect(studyHeadlines(multi)).toEqual(
      WINDOWS.map(([s, e], w) => {
        const cars = HAND_EVENTS.map((event) => event.windows[w]!.car);
        const scars = HAND_EVENTS.map((event) => event.windows[w]!.scar);
        const t = mean(scars) / (sd(scars) / Math.sqrt(n));
        const p = twoSidedTReference(t, n - 1);
        const significance = p < 0.01 ? "significant at 1%" : p < 0.05 ? "significant at 5%" : "not significant at 5%";
        return `CAAR[${s}, ${e}] = ${percent(mean(cars))} over 3 events (${cars.filter((c) => c > 0).length} positive, ${cars.filter((c) => c < 0).length} negative): BMP t ${t.toFixed(2)}, p = ${p4(p)}, ${significance}.`;
      }),
    );
  });

  it("is what the terminal text shows", () => {
    const multi = multiResult();
    const aggregate = multi.aggregate!;
    const text = studyText(multi);
    for (const table of [eventsView(multi.eventWindows, multi.events), crossFirmView(aggregate), daysView(aggregate)]) {
      for (const row of table.rows) expect(text).toMatch(textRow(row));
    }
  });
});

describe("the headlines of a clustered study with overlapping windows (a hand-made aggregate)", () => {
  it("name the clusters, the headline test with r, and each firm with overlapping windows", () => {
    const test = { statistic: -2.5, p: 0.0123, n: 3 };
    const aggregate = {
      headline: "kolariPynnonen",
      windows: [{ start: 0, end: 0, caar: -0.0432, n: 3, positive: 1, negative: 2, tests: { kolariPynnonen: test } }],
      clustered: true,
      clusters: [
        { day0: "2020-12-04", market: "^HSI", symbols: ["0981.HK", "0883.HK"] },
        { day0: "2021-01-15", market: "^HSI", symbols: ["1810.HK", "0981.HK"] },
      ],
      meanResidualCorrelation: 0.12345,
      overlaps: [{ symbol: "0981.HK", day0s: ["2020-12-04", "2020-12-07"] }],
    };
    expect(studyHeadlines({ aggregate } as never)).toEqual([
      "CAAR[0, 0] = -4.32% over 3 events (1 positive, 2 negative): Kolari-Pynnonen t -2.50, p = 0.0123, significant at 5%.",
      "The events cluster (0981.HK, 0883.HK on 2020-12-04; 1810.HK, 0981.HK on 2021-01-15): naive tests over-reject when returns are cross-correlated, so the Kolari-Pynnonen t (mean residual correlation r = 0.123) is the one to read.",
      "0981.HK has overlapping event windows (day 0 2020-12-04, 2020-12-07); its events are not independent.",
    ]);
  });
});

describe("the column labels of the study tables", () => {
  it("name each column the terminal and the report show", () => {
    const event = singleResult().events[0]!;
    expect(abnormalReturnsView(event).header).toEqual(["day", "date", "return", "market", "AR", "SAR", "CAR from first day"]);
    expect(windowsView(event).header).toEqual(["window", "dates", "CAR", "t", "p", "SQ p", "SQ quantile", "BHAR", "volatility ratio", "volatility p", "CAV", "CAV t", "CAV p"]);
    const aggregate = multiResult().aggregate!;
    const crossFirm = crossFirmView(aggregate);
    expect(crossFirm.header).toEqual(["", ...WINDOWS.map(([start, end]) => `[${start}, ${end}]`)]);
    expect(crossFirm.rows.map(([label]) => label)).toContain("skewness-adjusted t");
  });
});
