import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkClaim } from "../src/claims/checkClaim.js";
import { caarChartSpec } from "../src/reports/charts/caarChart.js";
import { carChartSpec } from "../src/reports/charts/carChart.js";
import { checkCharts, studyCharts } from "../src/reports/charts/charts.js";
import { claimDayChartSpec } from "../src/reports/charts/claimDayChart.js";
import { forestChartSpec } from "../src/reports/charts/forestChart.js";
import { renderSvg } from "../src/reports/charts/renderSvg.js";
import { estimateTextWidth } from "../src/reports/charts/textWidth.js";
import { universeChartSpec } from "../src/reports/charts/universeChart.js";
import { volumeChartSpec } from "../src/reports/charts/volumeChart.js";
import { resultFigures } from "../src/serve/resultFigures.js";
import { runStudy } from "../src/study/runStudy.js";
import { repoRoot } from "./helpers/cli.js";
import { EVENTS, handEvent } from "./reference/handStudy.js";

const spec = (name: string) => JSON.parse(readFileSync(join(repoRoot, "data/studies", name), "utf8"));
const xiaomi = runStudy(spec("xiaomi-ccmc.json"));
const ccmc = runStudy(spec("ccmc-hk.json"));
const check = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" });

/** Every inline data row of a Vega-Lite spec, layers and concatenations included. */
function inlineRows(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(inlineRows);
  if (typeof node !== "object" || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = (record.data as { values?: Record<string, unknown>[] } | undefined)?.values ?? [];
  return [...own, ...Object.entries(record).filter(([key]) => key !== "data").flatMap(([, value]) => inlineRows(value))];
}

/** Vega's generated ids (clip paths, gradients) numbered in order of appearance, so snapshots do not depend on render order. */
function normaliseIds(svg: string): string {
  const ids = new Map<string, string>();
  const rename = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size + 1}`);
    return ids.get(id)!;
  };
  return svg.replace(/id="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`).replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`);
}

/** A universe folder of the four bundled Hong Kong stocks. */
function bundledUniverse(): string {
  const dir = mkdtempSync(join(tmpdir(), "event-impact-universe-"));
  for (const symbol of ["1810.HK", "0981.HK", "0883.HK", "0941.HK"]) copyFileSync(join(repoRoot, "data/prices", `${symbol}.csv`), join(dir, `${symbol}.csv`));
  return dir;
}

describe("AR/CAR chart of one firm", () => {
  const event = xiaomi.events[0]!;
  const rows = inlineRows(carChartSpec(event, xiaomi)).filter((row) => "car" in row);

  it("draws the CAR cumulated from the first day of the event span", () => {
    expect(rows.map((row) => row.offset)).toEqual([-1, 0, 1, 2, 3, 4, 5]);
    let sum = 0;
    rows.forEach((row, k) => {
      sum += event.abnormalReturns[k]!.ar;
      expect(row.car as number).toBeCloseTo(sum, 12);
      expect(row.ar).toBe(event.abnormalReturns[k]!.ar);
    });
  });

  it("bands the CAR by t(0.975, 238 df) = 1.96998 times the root of the window's CAR variance", () => {
    const window = event.windows.find((w) => w.start === -1 && w.end === 1)!;
    const day1 = rows.find((row) => row.offset === 1)!;
    expect(event.df).toBe(238);
    expect((day1.upper as number) - (day1.car as number)).toBeCloseTo(1.96998 * Math.sqrt(window.variance), 5);
    expect((day1.car as number) - (day1.lower as number)).toBeCloseTo(1.96998 * Math.sqrt(window.variance), 5);
  });

  it("labels the axes with units and the event days with their dates", () => {
    const text = JSON.stringify(carChartSpec(event, xiaomi));
    expect(text).toContain("abnormal return (%)");
    expect(text).toContain("trading day relative to day 0 (date)");
    expect(rows.find((row) => row.offset === 0)!.day).toBe("0|2021-01-15");
  });
});

describe("abnormal volume chart, the CAR chart's companion", () => {
  const event = xiaomi.events[0]!;
  const hand = handEvent(EVENTS[0]!, spec("xiaomi-ccmc.json").eventWindows);

  it("draws a bar of ln(1 + volume) - estimation mean for each day of the span, the event-day axis of the CAR chart", () => {
    const bars = inlineRows(volumeChartSpec(event)).filter((row) => "av" in row);
    expect(bars.map((row) => row.offset)).toEqual([-1, 0, 1, 2, 3, 4, 5]);
    bars.forEach((row, k) => expect(row.av as number).toBeCloseTo(hand.spanDays[k]!.av, 12));
    const volumeX = JSON.stringify((volumeChartSpec(event) as { layer: { encoding: { x: { axis: unknown } } }[] }).layer[0]!.encoding.x.axis);
    const carX = JSON.stringify((carChartSpec(event, xiaomi) as { layer: { encoding: { x: { axis: unknown } } }[] }).layer[1]!.encoding.x.axis);
    expect(volumeX).toBe(carX);
  });

  it("labels the axes and gives each window's CAV with its t (Xiaomi's day 0: 1.83, t 3.65)", () => {
    const text = JSON.stringify(volumeChartSpec(event));
    expect(text).toContain("abnormal log volume");
    expect(text).toContain("trading day relative to day 0 (date)");
    const day0 = hand.windows.find((w) => w.start === 0 && w.end === 0)!;
    expect([day0.cav.toFixed(2), day0.cavT.toFixed(2)]).toEqual(["1.83", "3.65"]);
    expect(text).toContain("[0, 0] CAV 1.83 (t 3.65)");
  });

  it("leaves out a day without volume data, keeps its place on the axis and counts it", () => {
    const gap = { ...event, abnormalReturns: event.abnormalReturns.map((row) => (row.offset === 2 ? { ...row, av: Number.NaN } : row)) };
    const spec = volumeChartSpec(gap);
    expect(inlineRows(spec).filter((row) => "av" in row).map((row) => row.offset)).toEqual([-1, 0, 1, 3, 4, 5]);
    expect(JSON.stringify(spec)).toContain("1 day(s) without volume data");
    expect(JSON.stringify(spec)).toContain("+2|2021-01-19");
  });

  it("follows each event's CAR chart in a study's charts (and so in the HTML report)", () => {
    expect(studyCharts(xiaomi).map((c) => c.name)).toEqual(["car-1810.HK-2021-01-15", "volume-1810.HK-2021-01-15"]);
  });
});

describe("AAR/CAAR chart of a multi-firm study", () => {
  const rows = inlineRows(caarChartSpec(ccmc)).filter((row) => "caar" in row);

  it("bands the CAAR by t(0.975, 3 df) = 3.18245 cross-sectional standard errors", () => {
    expect(ccmc.events).toHaveLength(4);
    for (const row of rows) {
      const k = (row.offset as number) + 1;
      const cars = ccmc.events.map((event) => event.abnormalReturns.slice(0, k + 1).reduce((sum, r) => sum + r.ar, 0));
      const mean = cars.reduce((a, b) => a + b, 0) / 4;
      const sd = Math.sqrt(cars.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
      expect(row.caar as number).toBeCloseTo(mean, 12);
      expect((row.upper as number) - mean).toBeCloseTo((3.18245 * sd) / 2, 5);
      expect(row.aar as number).toBeCloseTo(ccmc.events.reduce((sum, event) => sum + event.abnormalReturns[k]!.ar, 0) / 4, 12);
    }
  });
});

describe("forest plot of a multi-firm study", () => {
  const chart = forestChartSpec(ccmc, { highlight: "1810.HK", actions: new Map([["E04", "tranche 3"]]) });
  const rows = inlineRows(chart);

  it("gives each firm's CAR its 95% interval, t(0.975, df) root-variance wide", () => {
    const xiaomiDay0 = rows.find((row) => row.firm === "1810.HK" && row.window === "CAR[0, 0]")!;
    const window = ccmc.events.find((event) => event.symbol === "1810.HK")!.windows[0]!;
    expect(xiaomiDay0.car).toBe(window.car);
    // t(0.975, 238) = 1.96998
    expect((xiaomiDay0.upper as number) - window.car).toBeCloseTo(1.96998 * Math.sqrt(window.variance), 5);
    expect(window.car - (xiaomiDay0.lower as number)).toBeCloseTo(1.96998 * Math.sqrt(window.variance), 5);
    expect(rows.filter((row) => row.marked).map((row) => row.firm)).toEqual(["1810.HK", "1810.HK", "1810.HK"]);
  });

  it("draws the CAAR of each window with t(0.975, 3 df) = 3.18245 cross-sectional standard errors", () => {
    ccmc.eventWindows.forEach(([start, end], w) => {
      const cars = ccmc.events.map((event) => event.windows[w]!.car);
      const mean = cars.reduce((a, b) => a + b, 0) / 4;
      const sd = Math.sqrt(cars.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
      for (const row of rows.filter((r) => r.window === `CAR[${start}, ${end}]`)) {
        expect(row.caar as number).toBeCloseTo(mean, 12);
        expect((row.caarUpper as number) - mean).toBeCloseTo((3.18245 * sd) / 2, 5);
      }
    });
  });

  it("groups the firms by catalog event, headed by id and action, and sorts them by CAR in each window", () => {
    expect(new Set(rows.map((row) => row.group))).toEqual(new Set(["E01", "E04 · tranche 3", "E13"]));
    const panels = (chart as unknown as { hconcat: { spec: { encoding: { y: { sort: string[] } } } }[] }).hconcat;
    expect(panels).toHaveLength(3);
    panels.forEach((panel, w) => {
      const cars = panel.spec.encoding.y.sort.map((firm) => ccmc.events.find((event) => event.symbol === firm)!.windows[w]!.car);
      expect(cars).toEqual([...cars].sort((a, b) => a - b));
    });
  });
});

describe("the serve page's comparison", () => {
  it("adds the forest plot when the checked firm's catalog event has peers with prices (CNOOC, SMIC and CNOOC's ADR, E04)", async () => {
    const { figures } = await resultFigures(checkClaim({ symbol: "0883.HK", date: "2020-12-04" }), {});
    const forest = figures.find((figure) => figure.caption.startsWith("0883.HK beside the other firms of catalog event E04"))!;
    expect(forest.svg).toContain("0981.HK");
    expect(forest.svg).toContain("CEO");
    expect(forest.svg).toMatch(/Each firm(&#x27;|')s CAR with its 95% interval, 3 events/);
  });
});

describe("labels that keep apart", () => {
  it("labels every other day of a [-5, 5] window (date labels are wider than a day's width of 640 / 11 px)", () => {
    const wide = runStudy({ ...spec("ccmc-hk.json"), eventWindows: [[-5, 5]] });
    const axis = (carChartSpec(wide.events[0]!, wide) as unknown as { layer: { encoding: { x: { axis: { values: string[] } } } }[] }).layer[0]!.encoding.x.axis;
    expect(axis.values.map((day) => day.split("|")[0])).toEqual(["-4", "-2", "0", "+2", "+4"]);
  });

  it("merges the close and intraday-low labels when the stock closed at its low (0883.HK on 2020-11-30)", () => {
    const labels = inlineRows(claimDayChartSpec(checkClaim({ symbol: "0883.HK", date: "2020-11-30" }))).filter((row) => row.price === 5.3808);
    expect(labels.map((row) => row.label)).toEqual(["close \u221213.97% = intraday low \u221213.97% (5.3808)"]);
  });
});

describe("claim-day chart", () => {
  const chart = claimDayChartSpec(check);
  const rows = inlineRows(chart);

  it("marks the claimed price level (previous close 32.65 less 14% = 28.079) and the actual close and low", () => {
    const claimed = rows.find((row) => String(row.label).startsWith("claimed \""))!;
    expect(claimed.price as number).toBeCloseTo(32.65 * 0.86, 10);
    expect(rows.some((row) => row.price === 29.3 && String(row.label).startsWith("close \u221210.26%"))).toBe(true);
    expect(rows.some((row) => row.price === 28.2 && String(row.label).startsWith("intraday low \u221213.63%"))).toBe(true);
  });

  it("puts day 0's return among every daily return on file", () => {
    const histogram = rows.filter((row) => "ret" in row && !("label" in row));
    expect(histogram).toHaveLength(check.historyDays + 1);
    expect(rows.find((row) => String(row.label).startsWith("2021-01-15:"))!.ret).toBe(check.measures.closeToClose);
  });

  it("shows 20 sessions before and 10 after the date", () => {
    expect(check.pricePath.map((p) => p.offset)).toEqual(Array.from({ length: 31 }, (_, k) => k - 20));
    expect(check.pricePath[20]!.date).toBe("2021-01-15");
  });
});

describe("universe chart", () => {
  const withUniverse = checkClaim({ symbol: "1810.HK", date: "2021-01-15", universeDir: bundledUniverse() });

  it("sorts the stocks from the biggest fall, one row each, and marks the firm and the claimed move", () => {
    const claimed = checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%", universeDir: bundledUniverse() });
    const chart = universeChartSpec("1810.HK", claimed.universe!, claimed.claim?.kind === "move" ? claimed.claim : null);
    const rows = inlineRows(chart);
    const stocks = rows.filter((row) => "stock" in row && !("label" in row));
    const returns = stocks.map((row) => row.ret as number);
    expect(returns).toHaveLength(4);
    expect(returns).toEqual([...returns].sort((a, b) => a - b));
    expect(rows.find((row) => "label" in row)).toMatchObject({ symbol: "1810.HK", label: "\u221210.26%, rank 1 of 4" });
    expect(rows.filter((row) => Object.keys(row).join() === "ret").map((row) => row.ret)).toEqual([-0.14]);
  });

  it("is one of the check's charts only when a universe was given", () => {
    expect(checkCharts(check).map((c) => c.name)).toEqual(["claim-day"]);
    expect(checkCharts(withUniverse).map((c) => c.name)).toEqual(["claim-day", "universe"]);
  });
});

describe("rendered SVG", () => {
  it("names a study's charts after the firm and day 0", () => {
    expect(studyCharts(xiaomi).map((c) => c.name)).toEqual(["car-1810.HK-2021-01-15", "volume-1810.HK-2021-01-15"]);
    expect(studyCharts(ccmc).map((c) => c.name)).toEqual(["forest", "caar", ...ccmc.events.flatMap((e) => [`car-${e.symbol}-${e.day0}`, `volume-${e.symbol}-${e.day0}`])]);
  });

  it("is the same for the same input", async () => {
    const first = await renderSvg(claimDayChartSpec(check));
    const second = await renderSvg(claimDayChartSpec(checkClaim({ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" })));
    expect(normaliseIds(second)).toBe(normaliseIds(first));
  });

  it("stays within 800 px and draws its marks", async () => {
    for (const chart of [...studyCharts(ccmc), ...checkCharts(check)]) {
      const svg = await renderSvg(chart.spec);
      const [, width] = /<svg[^>]* width="([\d.]+)"/.exec(svg)!;
      expect(Number(width), chart.name).toBeLessThanOrEqual(800);
      expect(svg).toMatch(/class="mark-(rect|line|area)/);
    }
  });

  it.each([
    ["car-1810.HK", () => carChartSpec(xiaomi.events[0]!, xiaomi)],
    ["volume-1810.HK", () => volumeChartSpec(xiaomi.events[0]!)],
    ["caar-ccmc-hk", () => caarChartSpec(ccmc)],
    ["forest-ccmc-hk", () => studyCharts(ccmc, { highlight: "1810.HK" })[0]!.spec],
    ["claim-day-1810.HK", () => claimDayChartSpec(check)],
    ["universe-1810.HK", () => universeChartSpec("1810.HK", { ...checkClaim({ symbol: "1810.HK", date: "2021-01-15", universeDir: bundledUniverse() }).universe!, universe: "four bundled HK stocks" }, { text: "plummeted 14%", value: -0.14 })],
  ])("matches the snapshot of %s", async (name, build) => {
    await expect(normaliseIds(await renderSvg(build()))).toMatchFileSnapshot(`./__snapshots__/charts/${name}.svg`);
  });
});

describe("text width estimate", () => {
  it("sums Helvetica's advance widths, 12% wider for stand-in fonts", () => {
    // a = 556, b = 556, c = 500 (Helvetica AFM); 10 px
    expect(estimateTextWidth("abc", 10)).toBeCloseTo(1.612 * 10 * 1.12, 10);
    expect(estimateTextWidth("abc", 10, true)).toBeCloseTo(1.612 * 10 * 1.12 * 1.07, 10);
    expect(estimateTextWidth("\u2212", 10)).toBeCloseTo(0.6 * 10 * 1.12, 10);
  });
});
