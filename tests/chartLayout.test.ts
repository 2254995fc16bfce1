import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkClaim, type ClaimCheckRequest } from "../src/claims/checkClaim.js";
import { checkCharts, studyCharts } from "../src/reports/charts/charts.js";
import { renderSvg, type Chart } from "../src/reports/charts/renderSvg.js";
import { runStudy } from "../src/study/runStudy.js";
import { CHROMIUM, CHROMIUM_FLAGS, hasChromium } from "./helpers/chromium.js";
import { repoRoot } from "./helpers/cli.js";
import { hasHkUniverse, hkUniverseDir } from "./helpers/hkUniverse.js";

if (!hasChromium) console.warn(`skipping the chart layout tests: ${CHROMIUM} is absent (apt-get install -y chromium)`);

/** A universe folder of the four bundled Hong Kong stocks. */
function bundledUniverse(): string {
  const dir = mkdtempSync(join(tmpdir(), "event-impact-universe-"));
  for (const symbol of ["1810.HK", "0981.HK", "0883.HK", "0941.HK"]) copyFileSync(join(repoRoot, "data/prices", `${symbol}.csv`), join(dir, `${symbol}.csv`));
  return dir;
}

/** Every chart the tool makes for the bundled studies (as given and with a wide [-5, 5] window) and for the checks of the README. */
function allCharts(): Chart[] {
  const universeDir = bundledUniverse();
  const studies = readdirSync(join(repoRoot, "data/studies")).filter((name) => name.endsWith(".json"));
  const charts: Chart[] = [];
  for (const name of studies) {
    const spec = JSON.parse(readFileSync(join(repoRoot, "data/studies", name), "utf8"));
    for (const [variant, input] of [["", spec], [" [-5, 5]", { ...spec, eventWindows: [[-5, 5]] }]] as const) {
      const result = runStudy(input, { universeDir });
      const highlight = result.events[result.events.length - 1]!.symbol;
      charts.push(...studyCharts(result, { highlight }).map((chart) => ({ ...chart, name: `${name}${variant} ${chart.name}` })));
    }
  }
  const checks: ClaimCheckRequest[] = [
    { symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%" },
    { symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%", universeDir },
    { symbol: "0883.HK", date: "2020-11-30" },
    { symbol: "0883.HK", date: "2020-12-04", claim: "rose 3%" },
    { symbol: "0941.HK", date: "2020-06-26", claim: "fell 5%" },
    ...(hasHkUniverse ? [{ symbol: "1810.HK", date: "2021-01-15", claim: "plummeted 14%", universeDir: hkUniverseDir }] : []),
  ];
  for (const options of checks) {
    const label = [options.symbol, options.date, options.claim, options.universeDir === undefined ? "" : options.universeDir === universeDir ? "bundled universe" : "hk-universe"].filter(Boolean).join(" ");
    charts.push(...checkCharts(checkClaim(options)).map((chart) => ({ ...chart, name: `${label} ${chart.name}` })));
  }
  return charts;
}

interface Box {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The visible text elements of the page's SVG and the SVG's own box, as Chromium lays them out. */
function textBoxes(page: Page): Promise<{ svg: Box; texts: Box[] }> {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { text: (element.textContent ?? "").trim(), left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const visible = (element: Element) => {
      for (let node: Element | null = element; node !== null && node.tagName !== "svg"; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0 || Number(node.getAttribute("opacity") ?? 1) === 0 || Number(node.getAttribute("fill-opacity") ?? 1) === 0) return false;
      }
      return true;
    };
    const svg = document.querySelector("svg")!;
    return { svg: box(svg), texts: [...svg.querySelectorAll("text")].filter((text) => visible(text) && (text.textContent ?? "").trim() !== "").map(box) };
  });
}

/** Pairs of texts whose boxes overlap by more than a pixel either way (glyph boxes include line spacing). */
function overlaps(texts: readonly Box[]): string[] {
  const found: string[] = [];
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) {
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) found.push(`"${a.text}" and "${b.text}"`);
    }
  });
  return found;
}

describe.skipIf(!hasChromium)("every chart in headless Chromium", () => {
  let context: BrowserContext;
  let page: Page;
  const charts = allCharts();

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "event-impact-chromium-")), { executablePath: CHROMIUM, args: CHROMIUM_FLAGS, viewport: { width: 900, height: 1200 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it("covers the forest plot, the CAAR, CAR, abnormal volume, claim-day and universe charts", () => {
    const kinds = new Set(charts.map((chart) => chart.name.split(" ").pop()!.replace(/-.*/, "")));
    expect([...kinds].sort()).toEqual(["caar", "car", "claim", "forest", "universe", "volume"]);
  });

  const laidOut = async (chart: Chart) => {
    await page.setContent(`<!doctype html><html><body style="margin:0">${await renderSvg(chart.spec)}</body></html>`);
    const { svg, texts } = await textBoxes(page);
    expect(texts.length).toBeGreaterThan(3);
    expect(overlaps(texts)).toEqual([]);
    const outside = texts.filter((t) => t.left < svg.left - 0.5 || t.top < svg.top - 0.5 || t.right > svg.right + 0.5 || t.bottom > svg.bottom + 0.5).map((t) => t.text);
    expect(outside).toEqual([]);
  };
  it.each(charts.map((chart) => [chart.name, chart] as const))("%s: no two texts overlap and every text stays inside the chart", async (_, chart) => laidOut(chart));
});
