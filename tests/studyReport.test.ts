import { describe, expect, it } from "vitest";
import { htmlReport } from "../src/reports/htmlReport.js";
import { studyReportBody } from "../src/reports/studyReport.js";
import { runStudy, type StudyResult } from "../src/study/runStudy.js";
import { HAND_EVENTS, HAND_STUDY_SPEC } from "./reference/handStudy.js";

/**
 * The HTML report of a study, section by section (its table figures are pinned in tests/studyView.test.ts): the
 * charts it shows, the event tables or the cross-firm tables, the method as stated for each kind of model, and
 * the dropped events in the provenance.
 */

const CONTEXT = { file: "result.json", sha256: "e".repeat(64), version: "9.9.9" };
const singleResult = (): StudyResult => runStudy({ ...HAND_STUDY_SPEC, events: HAND_STUDY_SPEC.events.slice(0, 1) } as never);
const multiResult = (): StudyResult => runStudy(HAND_STUDY_SPEC as never);
const svgCount = (html: string) => html.match(/<svg /g)?.length ?? 0;
const section = (html: string, title: string) => html.slice(html.indexOf(`<section><h2>${title}</h2>`)).split("</section>")[0]!;
const fact = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;

describe("studyReportBody of one event", () => {
  it("has the question, the result's headlines, the CAR and volume charts and the event's facts and tables", async () => {
    const html = await studyReportBody(singleResult(), CONTEXT);
    const c = HAND_EVENTS[0]!.common;
    expect(html.startsWith('<header><h1>three HK firms</h1><p class="question">Did 1810.HK move abnormally, against ^HSI, when the news of 2021-01-14 15:50 America/New_York reached the market (day 0 = 2021-01-15)?</p></header>\n<section class="verdict"><strong>Result</strong><p>CAR[0, 0] (2021-01-15 to 2021-01-15) = -11.11%: ')).toBe(true);
    expect(svgCount(section(html, "Charts"))).toBe(2);
    expect(section(html, "Charts").startsWith('<section><h2>Charts</h2><figure class="chart"><svg ')).toBe(true);
    const tables = section(html, "Tables");
    expect(tables).toContain(
      `<h3>1810.HK vs ^HSI, day 0 = 2021-01-15</h3><dl class="facts">${fact("announced", "2021-01-14 15:50 America/New_York")}${fact("model", `market: alpha ${c.alpha.toExponential(3)}, beta ${c.beta.toFixed(3)}, sigma ${(c.sigma * 100).toFixed(2)}% per day`)}${fact("estimation", "240 days, 2020-01-13 to 2020-12-30, 238 df")}</dl><table><caption>Abnormal returns by day</caption>`,
    );
    expect(tables).toContain("</table><table><caption>Event windows</caption>");
    expect(html).not.toContain("Cross-firm tests");
  });

  it("states the market model's method: returns, windows, day 0, the prediction-error corrected CAR variance and the other measures", async () => {
    const method = section(await studyReportBody(singleResult(), CONTEXT), "Method");
    expect(method).toBe(
      "<section><h2>Method</h2><dl class=\"facts\">" +
        fact("model", "market model R = a + b·Rm + e, OLS on the estimation window, s² = SSE/(L1 − 2)") +
        fact("returns", "simple returns on adjusted closes") +
        fact("estimation window", "[-250, -11] trading days relative to day 0 (at least 100 returns)") +
        fact("event windows", "[0, 0], [-1, 1]") +
        fact("day 0", "the stock&#39;s first trading day whose session closes after the announcement; trading days are those on which both the stock and its market have a bar") +
        fact("CAR variance", "Var(CAR) = s² (L2 + L2²/L1 + (Σ Rm − L2·Rm̄)²/Smm), prediction-error corrected; t = CAR / √Var(CAR), two-sided p from Student&#39;s t (MacKinlay 1997; Campbell, Lo &amp; MacKinlay 1997, ch. 4)") +
        fact("BHAR", "Π(1 + R) − Π(1 + E[R]) over the window (Barber &amp; Lyon 1997)") +
        fact("SQ test", "the CAR against the M = L1 − L2 + 1 sums of L2 consecutive estimation residuals: p = min(1, 2 min(1 + #{S ≤ CAR}, 1 + #{S ≥ CAR}) / (M + 1)), valid under fat tails; the smallest attainable p is 2/(M + 1) (Gelbach, Helland &amp; Klick 2013)") +
        fact("abnormal volatility", "ratio = mean over the window of AR² / s², one-sided p = P(F(L2, df) &gt; ratio), the upper tail computed directly") +
        "</dl>",
    );
  });

  it("states the CAR variance of thin-trading and factor models, and each model's own fit", async () => {
    const result = singleResult();
    const dimson = section(await studyReportBody({ ...result, model: "dimson" }, CONTEXT), "Method");
    expect(dimson).toContain(fact("CAR variance", "Var(CAR) = L2·s² (thin-trading betas: no prediction-error correction); t = CAR / √Var(CAR), two-sided p from Student&#39;s t with L1 − 2 df"));
    expect(dimson).toContain("<dt>model</dt><dd>Dimson (1979) thin-trading beta: ");
    const ff3 = section(await studyReportBody({ ...result, model: "ff3" }, CONTEXT), "Method");
    expect(ff3).toContain("<dt>CAR variance</dt><dd>Var(CAR) = s² (L2 + s_w′(X′X)⁻¹s_w), s_w the window&#39;s sum of [1, f_t], prediction-error corrected;");
    expect(ff3).toContain("<dt>model</dt><dd>Fama &amp; French (1993) three factors: ");
  });

  it("notes each dropped event in the provenance", async () => {
    const result = { ...singleResult(), dropped: [{ symbol: "0001.HK", date: "2021-01-04", reason: "no price file" }] };
    expect(section(await studyReportBody(result as never, CONTEXT), "Provenance")).toContain('<p class="note">Dropped 0001.HK 2021-01-04: no price file</p>');
  });
});

describe("studyReportBody of several events", () => {
  it("has the headline statistics, the forest, CAAR and per-firm charts, and the events, cross-firm and AAR tables", async () => {
    const html = await studyReportBody(multiResult(), CONTEXT);
    expect(html).toContain('<section class="verdict"><strong>Headline statistics</strong><p>CAAR[0, 0] = ');
    expect(svgCount(section(html, "Charts"))).toBe(2 + 3 * 2);
    expect(html).not.toContain("Charts of each of the");
    const tables = section(html, "Tables");
    expect(tables.match(/<caption>[^<]*<\/caption>/g)).toEqual([
      "<caption>Events</caption>",
      "<caption>Cross-firm tests by window: statistic (two-sided p)</caption>",
      "<caption>Average abnormal return by day</caption>",
    ]);
    expect(tables).not.toContain("<h3>");
  });

  it("lists each cross-firm test with its statistic and reference, and says which test is the headline", async () => {
    const method = section(await studyReportBody(multiResult(), CONTEXT), "Method");
    const rows = [...method.matchAll(/<tr><td>([^<]*)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ["cross-sectional t", "Brown &amp; Warner (1985)"],
      ["Patell Z", "Patell (1976)"],
      ["adjusted Patell Z", "Kolari &amp; Pynnönen (2010)"],
      ["BMP t", "Boehmer, Musumeci &amp; Poulsen (1991)"],
      ["Kolari-Pynnonen t", "Kolari &amp; Pynnönen (2010)"],
      ["Corrado rank", "Corrado (1989); Corrado &amp; Zivney (1992); Cowan (1992)"],
      ["GRANK-T", "Kolari &amp; Pynnönen (2011)"],
      ["generalized sign Z", "Cowan (1992)"],
      ["Wilcoxon signed-rank", "Wilcoxon (1945)"],
      ["skewness-adjusted t (BHAR)", "Lyon, Barber &amp; Tsai (1999)"],
      ["cross-sectional t (CAV)", "Campbell &amp; Wasley (1996)"],
    ]);
    expect(method).toContain("<tr><td>BMP t</td><td>mean(SCAR) / (sd(SCAR) / √N), t with N − 1 df</td>");
    expect(method).toContain("</table><p>Events that share day 0 and market are clustered; the headline test is then Kolari-Pynnönen, otherwise BMP.");
  });

  it("above twelve events shows only the forest and CAAR charts and says how to get each firm's", async () => {
    const result = multiResult();
    const events = Array.from({ length: 13 }, (_, k) => result.events[k % 3]!);
    const charts = section(await studyReportBody({ ...result, events }, CONTEXT), "Charts");
    expect(svgCount(charts)).toBe(2);
    expect(charts).toContain("\n<p>Charts of each of the 13 firms: <code>event-impact study SPEC --charts DIR</code>.</p>");
  });
});

describe("htmlReport of a study", () => {
  it("makes a page titled by the study's name, its provenance naming the result file", async () => {
    const page = await htmlReport({ kind: "study", result: singleResult(), file: "result.json", sha256: "e".repeat(64) }, "9.9.9");
    expect(page).toContain("<title>three HK firms: event study report</title>");
    expect(page).toContain("<h1>three HK firms</h1>");
    expect(page).toContain('<dt>result file</dt><dd>result.json</dd><dt>its SHA-256</dt><dd class="hash">' + "e".repeat(64) + "</dd><dt>report by</dt><dd>event-impact 9.9.9</dd>");
  });
});
