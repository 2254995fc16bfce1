import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/serve/server.js";
import { CHROMIUM, CHROMIUM_FLAGS } from "./helpers/chromium.js";
import { repoRoot } from "./helpers/cli.js";
import { startTestServer } from "./helpers/serveServer.js";
import { startYahooServer, type YahooServer } from "./helpers/yahooServer.js";

const artifacts = join(repoRoot, "tests/artifacts");
const XIAOMI_CLAIM = "Xiaomi's shares plummeted 14% on 15 January 2021";

if (!existsSync(CHROMIUM)) console.warn(`skipping the claim-check page tests in Chromium: ${CHROMIUM} is absent (apt-get install -y chromium)`);

/** Fills the form's fields by their labels (the date as the picker's value). */
async function fillForm(page: Page, values: { symbol: string; date: string; claim?: string }): Promise<void> {
  await page.getByLabel("Symbol", { exact: true }).fill(values.symbol);
  await page.getByLabel("Date", { exact: true }).fill(values.date);
  await page.getByLabel("Claim (optional)", { exact: true }).fill(values.claim ?? "");
}

/** The charts on the page: for each, how many marks (bars, lines, areas, points) it drew, and its width. */
function drawnCharts(page: Page) {
  return page.$$eval("figure.chart svg", (svgs) =>
    svgs.map((svg) => ({ marks: svg.querySelectorAll(".mark-rect path, .mark-line path, .mark-area path, .mark-symbol path").length, width: svg.getBoundingClientRect().width })),
  );
}

describe.skipIf(!existsSync(CHROMIUM))("the claim-check page in headless Chromium", () => {
  let server: RunningServer;
  let yahoo: YahooServer;
  let withScript: BrowserContext;
  let withoutScript: BrowserContext;
  const requests: string[] = [];

  beforeAll(async () => {
    yahoo = await startYahooServer();
    server = await startTestServer({ yahooUrl: yahoo.url });
    const { chromium } = await import("playwright-core");
    const launch = (javaScriptEnabled: boolean) =>
      chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "event-impact-chromium-")), { executablePath: CHROMIUM, args: CHROMIUM_FLAGS, viewport: { width: 1000, height: 1200 }, locale: "en-US", javaScriptEnabled });
    withScript = await launch(true);
    withoutScript = await launch(false);
    for (const context of [withScript, withoutScript]) context.on("request", (request) => requests.push(request.url()));
    mkdirSync(artifacts, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await withScript?.close();
    await withoutScript?.close();
    await server?.close();
    await yahoo?.close();
  });

  it("checks the Xiaomi claim from the keyboard without a page load, draws both charts, and its link reproduces it", async () => {
    const page = await withScript.newPage();
    const scriptErrors: string[] = [];
    page.on("pageerror", (error) => scriptErrors.push(error.message));
    page.on("console", (message) => message.type() === "error" && scriptErrors.push(message.text()));
    await page.goto(server.url);
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));

    await page.getByLabel("Symbol", { exact: true }).focus();
    await page.keyboard.type("1810.hk");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("date");
    await page.keyboard.type("01152021");
    expect(await page.inputValue("#date")).toBe("2021-01-15");
    for (let press = 0; press < 4 && (await page.evaluate(() => document.activeElement?.id)) === "date"; press++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("claim");
    await page.keyboard.type(XIAOMI_CLAIM);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("market");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Check the claim");
    await page.keyboard.press("Enter");

    await page.waitForSelector("#verdict");
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    expect(await page.textContent("#verdict")).toContain("The claim matches: intraday low (-13.63%).");
    expect(await page.textContent("#verdict")).toMatch(/highly unusual move/);
    expect(await page.$$eval("table.measures tr.match th", (cells) => cells.map((cell) => cell.textContent))).toEqual(["intraday low"]);
    expect(await page.textContent("table.measures tr.match td.num")).toBe("-13.63%");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("result-title");
    const shareable = `${server.url}check?${new URLSearchParams({ symbol: "1810.HK", date: "2021-01-15", claim: XIAOMI_CLAIM })}`;
    expect(page.url()).toBe(shareable);
    expect(await page.title()).toBe("1810.HK on 2021-01-15: claim check");

    const charts = await drawnCharts(page);
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart.marks).toBeGreaterThan(0);
      expect(chart.width).toBeGreaterThan(600);
    }
    expect(await page.$$eval("figure.chart svg", (svgs) => svgs.map((svg) => svg.textContent?.match(/Price path|abnormal returns around day 0/)?.[0]))).toEqual(["Price path", "abnormal returns around day 0"]);
    await page.click("details.method summary");
    expect(await page.isVisible("details.method dl.facts")).toBe(true);
    await page.screenshot({ path: join(artifacts, "serve-xiaomi.png"), fullPage: true });

    await page.click("#share-link");
    await page.waitForLoadState("load");
    expect(page.url()).toBe(shareable);
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBeUndefined();
    expect(await page.textContent("#verdict")).toContain("The claim matches: intraday low (-13.63%).");
    expect(await page.$$eval("table.measures tr.match th", (cells) => cells.map((cell) => cell.textContent))).toEqual(["intraday low"]);
    expect(await page.inputValue("#claim")).toBe(XIAOMI_CLAIM);
    expect((await drawnCharts(page)).length).toBe(2);
    expect(scriptErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it.each([
    ["an unknown symbol", { symbol: "XIAOMI", date: "2021-01-15", claim: "fell 14%" }, /symbol: no prices for "XIAOMI" on file, and fetching them failed: unknown or delisted symbol/, "symbol"],
    ["a path as symbol", { symbol: "../../etc/passwd", date: "2021-01-15", claim: "fell 14%" }, /symbol: invalid symbol "\.\.\/\.\.\/etc\/passwd": use Yahoo notation such as 1810\.HK/, "symbol"],
    ["a date with no data", { symbol: "1810.HK", date: "2030-01-15", claim: "fell 14%" }, /1810\.HK: no prices on 2030-01-15; 1810\.HK\.csv covers 2019-06-14 to 2021-12-31/, null],
  ])("shows a clear message for %s, in place, with the form kept", async (_, values, message, invalid) => {
    const page = await withScript.newPage();
    await page.goto(server.url);
    await fillForm(page, values);
    await page.getByRole("button", { name: "Check the claim" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(message);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cannot check this claim");
    expect(await page.inputValue("#symbol")).toBe(values.symbol);
    for (const id of ["symbol", "date", "claim", "market"]) expect(await page.getAttribute(`#${id}`, "aria-invalid")).toBe(id === invalid ? "true" : null);
    expect(await page.$$("figure.chart")).toHaveLength(0);
    await page.close();
  }, 30_000);

  it("works without JavaScript: the form is a GET whose result page is rendered by the server", async () => {
    const page = await withoutScript.newPage();
    await page.goto(server.url);
    await fillForm(page, { symbol: "1810.HK", date: "2021-01-15", claim: XIAOMI_CLAIM });
    await Promise.all([page.waitForURL(/\/check\?/), page.getByRole("button", { name: "Check the claim" }).click()]);
    expect(new URL(page.url()).searchParams.get("symbol")).toBe("1810.HK");
    expect(await page.textContent("#verdict")).toContain("The claim matches: intraday low (-13.63%).");
    expect(await page.$$eval("table.measures tr.match th", (cells) => cells.map((cell) => cell.textContent))).toEqual(["intraday low"]);
    expect((await drawnCharts(page)).map((chart) => chart.marks > 0)).toEqual([true, true]);

    await fillForm(page, { symbol: "../../etc/passwd", date: "2021-01-15" });
    const [response] = await Promise.all([page.waitForResponse(/\/check\?/), page.getByRole("button", { name: "Check the claim" }).click()]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState("load");
    expect(await page.getByRole("alert").textContent()).toMatch(/symbol: invalid symbol "\.\.\/\.\.\/etc\/passwd"/);
    expect(await page.getAttribute("#symbol", "aria-invalid")).toBe("true");
    await page.close();
  }, 60_000);

  it("loads nothing but this server", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});
