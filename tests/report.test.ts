import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_FLAGS } from "./helpers/chromium.js";
import { repoRoot, runCli } from "./helpers/cli.js";

const artifacts = join(repoRoot, "tests/artifacts");

const work = mkdtempSync(join(tmpdir(), "event-impact-report-"));
const checkJson = join(work, "check.json");
const studyOut = join(work, "study");

beforeAll(() => {
  const check = runCli(["check", "1810.HK", "--date", "2021-01-15", "--claim", "plummeted 14%", "--json"]);
  expect(check.code).toBe(0);
  writeFileSync(checkJson, check.stdout);
  const study = runCli(["study", join(repoRoot, "data/studies/ccmc-hk.json"), "--out", studyOut]);
  expect(study.code).toBe(0);
});

describe("charts from the command line", () => {
  it("check --charts writes the claim-day chart as SVG and Vega-Lite", () => {
    const dir = join(work, "check-charts");
    const { code, stderr } = runCli(["check", "1810.HK", "--date", "2021-01-15", "--claim", "plummeted 14%", "--charts", dir]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote .*claim-day\.svg/);
    expect(readdirSync(dir).sort()).toEqual([".event-impact-charts.json", "claim-day.svg", "claim-day.vl.json"]);
    expect(readFileSync(join(dir, "claim-day.svg"), "utf8")).toMatch(/^<svg [^>]*width="\d+"/);
    expect(JSON.parse(readFileSync(join(dir, "claim-day.vl.json"), "utf8")).$schema).toMatch(/vega-lite\/v6/);
  });

  it("study --charts writes the forest plot, the CAAR chart and one CAR chart and its abnormal-volume chart per event", () => {
    const dir = join(work, "study-charts");
    const { code } = runCli(["study", join(repoRoot, "data/studies/ccmc-hk.json"), "--charts", dir]);
    expect(code).toBe(0);
    const svgs = readdirSync(dir).filter((file) => file.endsWith(".svg")).sort();
    const perEvent = ["0883.HK-2020-12-04", "0941.HK-2020-06-26", "0981.HK-2020-12-04", "1810.HK-2021-01-15"];
    expect(svgs).toEqual(["caar.svg", ...perEvent.map((stem) => `car-${stem}.svg`), "forest.svg", ...perEvent.map((stem) => `volume-${stem}.svg`)]);
    expect(readdirSync(dir).filter((file) => file.endsWith(".vl.json"))).toHaveLength(10);
  });
});

describe("event-impact report", () => {
  it("writes a self-contained page for a claim check: verdict, charts inline, provenance", () => {
    const out = join(work, "check.html");
    const { code, stderr } = runCli(["report", checkJson, "-o", out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote .*check\.html/);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("matches the intraday low (-13.63%)");
    expect(html).toContain("Did 1810.HK fall 14% on 2021-01-15?");
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain("event-impact 0.1.0");
    expect(html).toMatch(/>1810\.HK\.csv</);
    expect(html).not.toContain(repoRoot);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
  });

  it("writes a study's headline statistics, test tables and method", () => {
    const out = join(work, "nested/dir/study.html");
    mkdirSync(join(work, "nested/dir"), { recursive: true });
    const { code } = runCli(["report", join(studyOut, "result.json"), "-o", out]);
    expect(code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Headline statistics");
    expect(html).toMatch(/CAAR\[0, 0\] = -6\.01% over 4 events/);
    expect(html).toContain("Kolari &amp; Pynnönen (2010)");
    expect(html.match(/<svg /g)).toHaveLength(10);
  });

  it("rejects a file that is no result, naming the field", () => {
    const result = JSON.parse(readFileSync(join(studyOut, "result.json"), "utf8"));
    const events = readFileSync(join(studyOut, "events.ndjson"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
    delete events[1].carPath;
    const broken = join(work, "broken.json");
    writeFileSync(broken, JSON.stringify({ ...result, eventsFile: undefined, eventCount: undefined, events }));
    const { code, stderr } = runCli(["report", broken, "-o", join(work, "broken.html")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.json: events\.1\.carPath/);
    expect(existsSync(join(work, "broken.html"))).toBe(false);
    const brokenDir = join(work, "broken-out");
    mkdirSync(brokenDir);
    writeFileSync(join(brokenDir, "result.json"), JSON.stringify(result));
    writeFileSync(join(brokenDir, "events.ndjson"), `${events.map((event) => JSON.stringify(event)).join("\n")}\n`);
    const fromFolder = runCli(["report", join(brokenDir, "result.json"), "-o", join(work, "broken.html")]);
    expect(fromFolder.code).toBe(2);
    expect(fromFolder.stderr).toMatch(/events\.ndjson line 2: carPath/);
    const other = runCli(["report", join(repoRoot, "package.json")]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/neither a study result .* nor a claim check/);
  });
});

describe.skipIf(!existsSync(CHROMIUM))("the report in headless Chromium", () => {
  let context: import("playwright-core").BrowserContext;

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "event-impact-chromium-")), { executablePath: CHROMIUM, args: CHROMIUM_FLAGS, viewport: { width: 900, height: 1200 } });
    mkdirSync(artifacts, { recursive: true });
  }, 60_000);
  afterAll(async () => context?.close());

  it.each([
    ["check", () => checkJson, /matches the intraday low/],
    ["study", () => join(studyOut, "result.json"), /CAAR\[0, 0\]/],
  ])("renders the %s report's charts and verdict without a network request", async (name, input, verdict) => {
    const html = join(work, `${name}-browser.html`);
    expect(runCli(["report", input(), "-o", html]).code).toBe(0);
    const url = pathToFileURL(html).href;
    const requests: string[] = [];
    const page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    expect(await page.textContent(".verdict")).toMatch(verdict);
    const marks = await page.$$eval("figure.chart svg", (svgs) => svgs.map((svg) => svg.querySelectorAll(".mark-rect path, .mark-line path, .mark-area path, .mark-symbol path").length));
    expect(marks.length).toBeGreaterThan(0);
    for (const count of marks) expect(count).toBeGreaterThan(0);
    const box = await page.$eval("figure.chart svg", (svg) => svg.getBoundingClientRect().width);
    expect(box).toBeGreaterThan(600);
    expect(requests).toEqual([url]);
    await page.screenshot({ path: join(artifacts, `report-${name}.png`), fullPage: true });
    await page.close();
  }, 60_000);
});

if (!existsSync(CHROMIUM)) console.warn(`skipping the headless Chromium report test: ${CHROMIUM} is absent (.ci/run installs Debian's chromium)`);
